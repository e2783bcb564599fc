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
import { Pendulum, Random } from '@model-walkthroughs/environments';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { stateControls } from './controls.js';
import { biasSpec, curveSpec, recordSpec } from './critic-charts.js';
import { evaluateCurves } from './critic-curves.js';
import { biasTable, describeBias, describeCurves, describeRecord } from './describe.js';
import { meanInterval, overestimation, type MeanInterval } from './overestimation.js';
import { MAX_SPEED, PRESETS, toDegrees, type Preset } from './pendulum-state.js';
import type { CriticEstimate, Evaluation } from './results.js';
import { heldInfer, openTd3, type Infer, type Td3Handles } from './td3-slices.js';
import { td3Styles } from './td3.styles.js';
import { twinCriticsStyles } from './twin-critics.styles.js';

/** Fired when the reader changes the state or the noise (`setting`, `value`). */
export class SettingChangeEvent extends Event {
  constructor(
    readonly setting: 'angle' | 'velocity' | 'sigma',
    readonly value: number,
  ) {
    super('change', { bubbles: true, composed: true });
  }
}

const SIGMA_MAX = 20;
const LIVE = ['angle', 'velocity', 'sigma', 'samples', 'seed'];

// Fujimoto et al. 2018, section 4.2 and Algorithm 1; then Jensen's inequality.
const TARGET = "y = r + \\gamma \\min_{i=1,2} Q_{\\theta'_i}(s', \\tilde{a})";
const JENSEN =
  '\\mathbb{E}_\\epsilon\\Big[\\max_a \\big(Q(s,a) + \\epsilon_a\\big)\\Big] \\ge \\max_a Q(s,a)';

/**
 * TD3's two trained critics on Pendulum for a state the reader picks: Q1,
 * Q2 and their minimum over every torque, the actor's action, and a live
 * experiment on why one noisy critic overestimates and two do not.
 *
 * @summary Clipped double-Q learning: y = r + γ min(Q′1, Q′2)(s′, ã).
 *
 * @csspart formula - The target and the inequality, as MathML.
 * @csspart controls - State presets and sliders, and the noise slider.
 * @csspart pendulum - A drawing of the chosen state.
 * @csspart chart - Each of the three charts.
 * @csspart caption - Each chart's numbers in words.
 * @csspart table - Mean bias of each target with its 95% interval.
 *
 * @cssprop [--mw-twin-critics-chart-height=320px] - Least space kept for the critic chart.
 *
 * @fires change - The reader moved a slider or picked a state (`SettingChangeEvent`).
 * @fires ready - Everything is drawn (`FigureReadyEvent`).
 * @fires error - The figure cannot run (`FigureErrorEvent`, with a `code`).
 */
export class TwinCritics extends WalkthroughFigure {
  static readonly version = '0.1.0';

  static override styles = [...WalkthroughFigure.styles, td3Styles, twinCriticsStyles];

  #handles?: Td3Handles;
  #charts = { curves: new ChartSlot(), bias: new ChartSlot(), record: new ChartSlot() };
  #pendulum?: Pendulum;
  #draws?: { single: Float64Array; clipped: Float64Array };
  #busy = false;
  #note = '';

  /** Pole angle in degrees from upright, −180 to 180 (counter-clockwise positive). */
  @property({ type: Number })
  angle = 180;

  /** Angular velocity θ̇ in rad/s, −8 to 8. */
  @property({ type: Number })
  velocity = 0;

  /** Standard deviation σ of the simulated critic error, 0 to 20 (return units). */
  @property({ type: Number })
  sigma = 2;

  /** Draws of the noise experiment, 10 to 10000. */
  @property({ type: Number })
  samples = 1000;

  /** Seed of the noise draws and of the random state. */
  @property({ type: Number })
  seed = 0;

  @state() private evaluation?: Evaluation & { key: string };
  @state() private experiment?: { key: string; single: MeanInterval; clipped: MeanInterval };
  @state() private record: CriticEstimate[] = [];
  @state() private formulas: string[] = [];

  /** Q1, Q2, min and μ(s) for the state last evaluated. */
  get criticCurves(): Evaluation | undefined {
    return this.evaluation;
  }

  /** Mean bias and 95% interval of both targets, for the last draws. */
  get bias(): { single: MeanInterval; clipped: MeanInterval } | undefined {
    return this.experiment;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#handles = undefined;
    for (const slot of Object.values(this.#charts)) slot.clear();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('seed')) this.#pendulum = undefined;
    if (!this.hasUpdated) return;
    if (this.status === 'error') {
      if (LIVE.some((p) => changed.has(p))) void this.refresh();
      return;
    }
    if (this.status !== 'ready' || this.evaluation === undefined) return;

    // Valid changes are evaluated in place with the sessions the run holds;
    // an invalid one goes through a run, which shows the message.
    if (this.validate()) {
      void this.refresh();
      return;
    }
    if (this.evaluation.key !== this.#stateKey) void this.#reevaluate();
    if (this.experiment?.key !== this.#experimentKey) {
      this.#measure();
      void this.updateComplete.then(() => this.#drawBias());
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The charts live in nodes that error states remove; drop their views.
    if (this.status === 'error') for (const slot of Object.values(this.#charts)) slot.clear();
  }

  protected override validate(): string | undefined {
    return (
      super.validate() ??
      outOfRange(this, [
        ['angle', this.angle, [-180, 180]],
        ['velocity', this.velocity, [-MAX_SPEED, MAX_SPEED]],
        ['sigma', this.sigma, [0, SIGMA_MAX]],
        ['samples', this.samples, [10, 10000, true]],
        ['seed', this.seed, [0, 2 ** 32, true]],
      ])
    );
  }

  protected override get figureTitle(): string {
    return 'Twin critics: two trained Q-functions and the minimum of both';
  }

  protected override get weightsNote(): string {
    return this.src ? userModelNote(this.src, 'The actor is the built-in one.') : this.#note;
  }

  get #stateKey(): string {
    return `${this.angle} ${this.velocity}`;
  }

  get #experimentKey(): string {
    return `${this.evaluation?.key} ${this.sigma} ${this.samples} ${this.seed}`;
  }

  protected override async execute(context: RunContext): Promise<void> {
    const { handles, note, log } = await openTd3(context, this.src);
    const evaluation = await this.#evaluate(handles, context.infer);
    const formulas = await Promise.all([mathml(TARGET, true), mathml(JENSEN, true)]);
    if (context.signal.aborted) return;

    this.#note = note;
    this.#handles = handles;
    this.formulas = formulas;
    this.record = log.criticEstimates;
    this.evaluation = evaluation;
    this.#measure();
    await this.updateComplete;
    await Promise.all([this.#drawCurves(), this.#drawBias(), this.#drawRecord()]);
  }

  async #evaluate(handles: Td3Handles, infer: Infer): Promise<Evaluation & { key: string }> {
    const key = this.#stateKey;
    return { key, ...(await evaluateCurves(handles, infer, this.angle, this.velocity)) };
  }

  /**
   * Runs the held sessions again until the evaluated state is the one the
   * sliders show; key repeats that arrive meanwhile are caught up at once.
   */
  async #reevaluate(): Promise<void> {
    const handles = this.#handles;
    if (handles === undefined || this.#busy) return;
    this.#busy = true;
    try {
      while (this.evaluation?.key !== this.#stateKey) {
        const total = { ms: 0 };
        const evaluation = await this.#evaluate(handles, heldInfer(this.timings, total));
        if (this.#handles !== handles || this.status !== 'ready') return;
        this.evaluation = evaluation;
        this.ranOn = { backend: handles.critic.backend, ms: total.ms };
        await this.updateComplete;
        void this.#drawCurves();
      }
    } catch {
      // The sessions went away: the figure left the page or ran again.
    } finally {
      this.#busy = false;
    }
  }

  #measure(): void {
    const { q1, q2 } = this.evaluation!;
    // The critics' mean stands in for the true Q(s, ·).
    const truth = q1.map((v, i) => (v + q2[i]!) / 2);
    const random = new Random(this.seed);
    const draws = overestimation(truth, this.sigma, this.samples, random);
    this.#draws = draws;
    this.experiment = {
      key: this.#experimentKey,
      single: meanInterval(draws.single),
      clipped: meanInterval(draws.clipped),
    };
  }

  #find = (name: string) => () =>
    this.renderRoot.querySelector<HTMLElement>(`[data-chart=${name}]`);

  #drawCurves(): Promise<void> {
    const e = this.evaluation!;
    return this.#charts.curves.draw(this.#find('curves'), curveSpec(e, describeCurves(e)), this);
  }

  #drawBias(): Promise<void> {
    const text = describeBias(this.experiment!, this.sigma, this.samples);
    return this.#charts.bias.draw(this.#find('bias'), biasSpec(this.#draws!, text), this);
  }

  #drawRecord(): Promise<void> {
    const text = describeRecord(this.record);
    return this.#charts.record.draw(this.#find('record'), recordSpec(this.record, text), this);
  }

  protected override renderBody(): unknown {
    const e = this.evaluation;
    const x = this.experiment;
    const random = html`<button type="button" data-preset="random" @click=${this.#onRandom}>
      Random state
    </button>`;
    const sigma = this.sigma.toFixed(1);
    return html`
      <div
        part="formula"
        role="region"
        aria-label="Formula: the clipped double-Q target"
        tabindex="0"
      >
        ${this.formulas[0] ? unsafeHTML(this.formulas[0]) : nothing}
        <span class="cite">
          TD3's target: the smaller of two target critics (Fujimoto et al. 2018, §4.2).
        </span>
      </div>
      <div part="controls" role="group" aria-label="Pendulum state">
        ${stateControls(this.angle, this.velocity, this.#onPreset, this.#onSlide, random)}
      </div>
      <h4 id="curves-title">Q1, Q2 and min(Q1, Q2) over every torque, for this state</h4>
      ${chartBox('curves')}
      <p part="caption" id="curves-caption">
        ${e ? describeCurves(e) : 'The critics run when the figure is scrolled into view.'}
      </p>

      <h4 id="bias-title">Why two: the maximum of noisy estimates is biased upward</h4>
      <div part="formula" role="region" aria-label="Formula: overestimation" tabindex="0">
        ${this.formulas[1] ? unsafeHTML(this.formulas[1]) : nothing}
      </div>
      <p class="explain">
        Take (Q1 + Q2) / 2 as the true Q(s, ·) and give each critic an independent error ε ~ N(0,
        σ²) at every action. One critic's target is its own maximum; TD3's is the smaller of both
        critics at the action the first one prefers. ${this.samples} seeded draws:
      </p>
      <div part="controls">
        ${slider('sigma', 'Critic error σ', this.sigma, [0, SIGMA_MAX, 0.1], sigma, this.#onSlide)}
      </div>
      ${chartBox('bias')} ${x ? biasTable(x) : nothing}
      <p part="caption" id="bias-caption">${x ? describeBias(x, this.sigma, this.samples) : ''}</p>

      <h4 id="record-title">During training: mean estimates at start states against the return</h4>
      ${chartBox('record')}
      <p part="caption" id="record-caption">${describeRecord(this.record)}</p>
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
    this.#setState(p.angle, p.velocity);
  };

  #onRandom = (): void => {
    // Pendulum-v1's reset: θ ~ U(−π, π), θ̇ ~ U(−1, 1); the seed fixes the sequence.
    this.#pendulum ??= new Pendulum(this.seed);
    this.#pendulum.reset();
    const [theta, thetaDot] = this.#pendulum.state;
    this.#setState(Math.round(toDegrees(theta!)), Math.round(thetaDot! * 10) / 10);
  };

  #setState = (angle: number, velocity: number): void => {
    this.angle = angle;
    this.velocity = velocity;
    const changes = [
      ['angle', angle],
      ['velocity', velocity],
    ] as const;
    for (const [setting, value] of changes) {
      this.dispatchEvent(new SettingChangeEvent(setting, value));
    }
  };
}
