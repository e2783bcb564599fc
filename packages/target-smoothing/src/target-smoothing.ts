import {
  ChartSlot,
  WalkthroughFigure,
  chartBox,
  mathml,
  outOfRange,
  slider,
  userModelNote,
  type RunContext,
} from '@model-walkthroughs/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import {
  MAX_SPEED,
  MAX_TORQUE,
  PRESETS,
  heldInfer,
  openTd3,
  stateControls,
  td3Styles,
  type Infer,
  type Preset,
  type Td3Handles,
} from '@model-walkthroughs/twin-critics';
import { delayStrip, describeStrip } from './delay-strip.js';
import { describeNoise, describeValues, f } from './describe.js';
import type { Smoothing, Td3Log } from './results.js';
import { criticSpec, distributionSpec } from './smoothing-charts.js';
import { evaluateSmoothing } from './smoothing-run.js';
import { delaySchedule } from './smoothing.js';
import { targetSmoothingStyles } from './target-smoothing.styles.js';

/** Fired when the reader moves a slider or picks a state (`setting`, `value`). */
export class SettingChangeEvent extends Event {
  constructor(
    readonly setting: 'angle' | 'velocity' | 'sigma' | 'clip' | 'delay',
    readonly value: number,
  ) {
    super('change', { bubbles: true, composed: true });
  }
}

const LIVE = ['angle', 'velocity', 'sigma', 'clip', 'samples', 'seed', 'delay'];

// Fujimoto et al. 2018, Eq. 15, the target of Algorithm 1, and section 5.2.
const FORMULAS = [
  "\\tilde{a} = \\operatorname{clip}\\big(\\mu_{\\phi'}(s') + " +
    '\\operatorname{clip}(\\epsilon, -c, c), -2, 2\\big), ' +
    '\\quad \\epsilon \\sim \\mathcal{N}(0, \\sigma^2)',
  "y = r + \\gamma \\min_{i=1,2} Q_{\\theta'_i}(s', \\tilde{a})",
  '\\text{every } d \\text{ updates:}\\quad \\phi \\leftarrow \\phi + \\alpha \\nabla_\\phi ' +
    "Q_{\\theta_1}(s, \\mu_\\phi(s)),\\quad \\theta' \\leftarrow \\tau\\theta + (1-\\tau)\\theta'",
];

/**
 * TD3's target policy smoothing on Pendulum: the trained actor's action
 * for a state, clipped Gaussian noise around it, and the critics' value
 * averaged over the noisy target actions, against the value at μ(s)
 * alone. Below, the delayed actor and target updates on a timeline.
 *
 * @summary ã = clip(μ′(s′) + clip(ε, −c, c), −2, 2), ε ~ N(0, σ²); the actor
 * moves every d-th update.
 *
 * @csspart formula - The formulas, as MathML.
 * @csspart controls - State presets and sliders, noise and delay sliders.
 * @csspart pendulum - A drawing of the chosen state.
 * @csspart chart - The critic chart and the distribution chart.
 * @csspart caption - The numbers in words.
 * @csspart values - Q(s, μ(s)) against the smoothed target value.
 * @csspart strip - The update timeline.
 *
 * @cssprop [--mw-target-smoothing-chart-height=260px] - Least space kept for the critic chart.
 * @cssprop [--mw-target-smoothing-actor-color=#c2410c] - Cells where the actor moves.
 *
 * @fires change - The reader moved a slider or picked a state (`SettingChangeEvent`).
 * @fires ready - Everything is drawn (`FigureReadyEvent`).
 * @fires error - The figure cannot run (`FigureErrorEvent`, with a `code`).
 */
export class TargetSmoothing extends WalkthroughFigure {
  static readonly version = '0.1.0';

  static override styles = [...WalkthroughFigure.styles, td3Styles, targetSmoothingStyles];

  #handles?: Td3Handles;
  #charts = { critic: new ChartSlot(), spread: new ChartSlot() };
  #busy = false;
  #note = '';

  /** Pole angle in degrees from upright, −180 to 180 (counter-clockwise positive). */
  @property({ type: Number })
  angle = -15;

  /** Angular velocity θ̇ in rad/s, −8 to 8. */
  @property({ type: Number })
  velocity = 0;

  /** Noise σ in N·m, 0 to 2; the recorded policyNoise × 2 when absent. */
  @property({ type: Number })
  sigma?: number;

  /** Noise clip c in N·m, 0 to 2; the recorded noiseClip × 2 when absent. */
  @property({ type: Number })
  clip?: number;

  /** Policy delay d, 1 to 8; the recorded policyDelay when absent. */
  @property({ type: Number })
  delay?: number;

  /** Draws of ε, 16 to 4096. */
  @property({ type: Number })
  samples = 256;

  /** Seed of the noise draws. */
  @property({ type: Number })
  seed = 0;

  @state() private result?: Smoothing;
  @state() private log?: Td3Log;
  @state() private formulas: string[] = [];

  /** The last evaluation: curve, target actions, their values and the means. */
  get smoothing(): Smoothing | undefined {
    return this.result;
  }

  /** σ, c and d in use: the attributes, or what the recorded run used. */
  get settings(): { sigma: number; clip: number; delay: number } {
    const h = this.log?.hyperparameters;
    // The log's policyNoise and noiseClip are for actions in [−1, 1], as in
    // the paper; the training code scales them by the max torque.
    return {
      sigma: this.sigma ?? (h ? h.policyNoise * MAX_TORQUE : NaN),
      clip: this.clip ?? (h ? h.noiseClip * MAX_TORQUE : NaN),
      delay: this.delay ?? h?.policyDelay ?? NaN,
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#handles = undefined;
    for (const slot of Object.values(this.#charts)) slot.clear();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.hasUpdated) return;
    if (this.status === 'error') {
      if (LIVE.some((p) => changed.has(p))) void this.refresh();
      return;
    }
    if (this.status !== 'ready' || this.result === undefined) return;

    // Valid changes are evaluated in place with the sessions the run holds;
    // an invalid one goes through a run, which shows the message.
    if (this.validate()) void this.refresh();
    else if (this.result.key !== this.#key) void this.#reevaluate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.status === 'error') for (const slot of Object.values(this.#charts)) slot.clear();
  }

  protected override validate(): string | undefined {
    return (
      super.validate() ??
      outOfRange(this, [
        ['angle', this.angle, [-180, 180]],
        ['velocity', this.velocity, [-MAX_SPEED, MAX_SPEED]],
        ['sigma', this.sigma, [0, 2]],
        ['clip', this.clip, [0, 2]],
        ['delay', this.delay, [1, 8, true]],
        ['samples', this.samples, [16, 4096, true]],
        ['seed', this.seed, [0, 2 ** 32, true]],
      ])
    );
  }

  protected override get figureTitle(): string {
    return 'Target policy smoothing and delayed updates';
  }

  protected override get weightsNote(): string {
    return this.src ? userModelNote(this.src, 'The actor is the built-in one.') : this.#note;
  }

  get #key(): string {
    const { sigma, clip } = this.settings;
    return `${this.angle} ${this.velocity} ${sigma} ${clip} ${this.samples} ${this.seed}`;
  }

  protected override async execute(context: RunContext): Promise<void> {
    const { handles, note, log } = await openTd3(context, this.src);
    this.log = log;
    const result = await this.#evaluate(handles, context.infer);
    const formulas = await Promise.all(FORMULAS.map((tex) => mathml(tex, true)));
    if (context.signal.aborted) return;

    this.#note = note;
    this.#handles = handles;
    this.formulas = formulas;
    this.result = result;
    await this.updateComplete;
    await this.#draw();
  }

  async #evaluate(handles: Td3Handles, infer: Infer): Promise<Smoothing> {
    const key = this.#key;
    const { angle, velocity, samples, seed } = this;
    const { sigma, clip } = this.settings;
    const input = { angle, velocity, sigma, clip, samples, seed };
    return { key, ...(await evaluateSmoothing(handles, infer, input)) };
  }

  /** Runs the held sessions again until the result matches the sliders. */
  async #reevaluate(): Promise<void> {
    const handles = this.#handles;
    if (handles === undefined || this.#busy) return;
    this.#busy = true;
    try {
      while (this.result?.key !== this.#key) {
        const total = { ms: 0 };
        const result = await this.#evaluate(handles, heldInfer(this.timings, total));
        if (this.#handles !== handles || this.status !== 'ready') return;
        this.result = result;
        this.ranOn = { backend: handles.critic.backend, ms: total.ms };
        await this.updateComplete;
        void this.#draw();
      }
    } catch {
      // The sessions went away: the figure left the page or ran again.
    } finally {
      this.#busy = false;
    }
  }

  #draw(): Promise<unknown> {
    const s = this.result!;
    const find = (name: string) => () =>
      this.renderRoot.querySelector<HTMLElement>(`[data-chart=${name}]`);
    return Promise.all([
      this.#charts.critic.draw(find('critic'), criticSpec(s, describeValues(s)), this),
      this.#charts.spread.draw(find('spread'), distributionSpec(s, describeNoise(s)), this),
    ]);
  }

  protected override renderBody(): unknown {
    const s = this.result;
    const { sigma, clip, delay } = this.settings;
    const noise = this.log
      ? html`${slider('sigma', 'Noise σ', sigma, [0, 2, 0.05], `${f(sigma)} N·m`, this.#onSlide)}
        ${slider('clip', 'Clip c', clip, [0, 2, 0.05], `${f(clip)} N·m`, this.#onSlide)}`
      : nothing;
    return html`
      <div
        part="formula"
        role="region"
        aria-label="Formulas: the smoothed target action"
        tabindex="0"
      >
        ${this.formulas.slice(0, 2).map((m) => unsafeHTML(m))}
      </div>
      <div part="controls" role="group" aria-label="Pendulum state and noise">
        ${stateControls(this.angle, this.velocity, this.#onPreset, this.#onSlide)} ${noise}
      </div>
      <h4 id="critic-title">The target actions ã on the critic, for this state</h4>
      ${chartBox('critic')}
      <p part="values" id="critic-caption">
        ${s ? describeValues(s) : 'The actor and the critics run when scrolled into view.'}
      </p>
      <h4 id="spread-title">How ã is spread: seeded draws against the clipped Gaussian</h4>
      ${chartBox('spread')}
      <p part="caption" id="spread-caption">${s ? describeNoise(s) : ''}</p>
      <p class="cite">
        The actor shown is the trained one; the target actor trails it by Polyak averaging (τ =
        0.005).
      </p>
      ${this.log ? this.renderDelay(this.log, delay) : nothing}
    `;
  }

  protected renderDelay(log: Td3Log, d: number): unknown {
    const recorded = log.updates.slice(0, 40).map((u) => u.actorUpdated);
    const logged = log.hyperparameters.policyDelay;
    const schedule = delaySchedule(recorded.length, d);
    return html`
      <h4 id="delay-title">Delayed updates: the first ${recorded.length} updates of training</h4>
      <div part="formula" role="region" aria-label="Formula: the delayed updates" tabindex="0">
        ${this.formulas[2] ? unsafeHTML(this.formulas[2]) : nothing}
      </div>
      <div part="controls">
        ${slider('delay', 'Policy delay d', d, [1, 8, 1], String(d), this.#onSlide)}
      </div>
      ${delayStrip(schedule, recorded, d, logged)}
      <p part="caption">${describeStrip(schedule, recorded, d, logged)}</p>
    `;
  }

  #onSlide = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    const setting = input.dataset['setting'] as SettingChangeEvent['setting'];
    this[setting] = Number(input.value);
    this.dispatchEvent(new SettingChangeEvent(setting, Number(input.value)));
  };

  #onPreset = (event: Event): void => {
    const p = PRESETS[(event.currentTarget as HTMLElement).dataset['preset'] as Preset];
    this.angle = p.angle;
    this.velocity = p.velocity;
    const changes = [
      ['angle', p.angle],
      ['velocity', p.velocity],
    ] as const;
    for (const [setting, value] of changes) {
      this.dispatchEvent(new SettingChangeEvent(setting, value));
    }
  };
}
