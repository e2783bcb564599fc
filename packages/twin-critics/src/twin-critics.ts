import {
  FigureError,
  WalkthroughFigure,
  mathml,
  sliceUrl,
  userModelNote,
  type PlainTensor,
  type RunContext,
  type SessionHandle,
} from '@model-walkthroughs/core';
import { Pendulum, Random } from '@model-walkthroughs/environments';
import { loadLog, loadManifest, slices } from '@model-walkthroughs/slices-rl';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ChartSlot } from './chart-slot.js';
import { outOfRange, pendulumIcon, slider } from './controls.js';
import { METHODS, biasSpec, curveSpec, recordSpec } from './critic-charts.js';
import { describeBias, describeCurves, describeRecord } from './describe.js';
import { argmax, meanInterval, overestimation, type MeanInterval } from './overestimation.js';
import {
  MAX_SPEED,
  PRESETS,
  actionGrid,
  actorFeeds,
  criticFeeds,
  toDegrees,
  type Preset,
} from './pendulum-state.js';
import type { CriticEstimate, Evaluation } from './results.js';
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

type Infer = (h: SessionHandle, f: Record<string, PlainTensor>) => Promise<Record<string, PlainTensor>>;

const ACTIONS = actionGrid(101);
const SIGMA_MAX = 20;
const LIVE = ['angle', 'velocity', 'sigma', 'samples', 'seed'];

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
 * @cssprop [--mw-twin-critics-chart-height=260px] - Space kept for the critic chart.
 *
 * @fires change - The reader moved a slider or picked a state (`SettingChangeEvent`).
 * @fires ready - Everything is drawn (`FigureReadyEvent`).
 * @fires error - The figure cannot run (`FigureErrorEvent`, with a `code`).
 */
export class TwinCritics extends WalkthroughFigure {
  static readonly version = '0.1.0';

  static override styles = [...WalkthroughFigure.styles, twinCriticsStyles];

  #handles?: { critic: SessionHandle; actor: SessionHandle };
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
    const live = LIVE.some((p) => changed.has(p));
    if (this.status === 'error') {
      if (live) void this.refresh();
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
    const problem = super.validate();
    if (problem) return problem;
    return outOfRange(this, [
      ['angle', this.angle, [-180, 180]],
      ['velocity', this.velocity, [-MAX_SPEED, MAX_SPEED]],
      ['sigma', this.sigma, [0, SIGMA_MAX]],
      ['samples', this.samples, [10, 10000, true]],
      ['seed', this.seed, [0, 2 ** 32, true]],
    ]);
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
    const { signal } = context;
    const [manifest, log] = await Promise.all([
      loadManifest('td3-critics', { signal }),
      loadLog('td3', { signal }),
    ]).catch((error: unknown) => {
      throw new FigureError('model-not-found', 'The TD3 manifest or log could not be loaded.', {
        cause: error,
      });
    });
    this.#note = manifest.weights.note;

    const n = ACTIONS.length;
    const critic = await context.session(
      sliceUrl(this.src, 'td3-critics', slices['td3-critics'].model, true),
      { inputs: { obs: [n, 3], action: [n, 1] }, outputs: ['q1', 'q2'] },
    );
    const actor = await context.session(sliceUrl(this.src, 'td3-actor', slices['td3-actor'].model), {
      inputs: { obs: [1, 3] },
      outputs: ['action'],
    });
    const evaluation = await this.#evaluate({ critic, actor }, context.infer);
    const formulas = await Promise.all([
      // Fujimoto et al. 2018, section 4.2 and Algorithm 1.
      mathml("y = r + \\gamma \\min_{i=1,2} Q_{\\theta'_i}(s', \\tilde{a})", true),
      mathml('\\mathbb{E}_\\epsilon\\Big[\\max_a \\big(Q(s,a) + \\epsilon_a\\big)\\Big] \\ge \\max_a Q(s,a)', true),
    ]);
    if (signal.aborted) return;

    this.#handles = { critic, actor };
    this.formulas = formulas;
    this.record = log.criticEstimates;
    this.evaluation = evaluation;
    this.#measure();
    await this.updateComplete;
    await Promise.all([this.#drawCurves(), this.#drawBias(), this.#drawRecord()]);
  }

  async #evaluate(
    handles: { critic: SessionHandle; actor: SessionHandle },
    infer: Infer,
  ): Promise<Evaluation & { key: string }> {
    const { angle, velocity } = this;
    const key = this.#stateKey;
    const [q, a] = await Promise.all([
      infer(handles.critic, criticFeeds(angle, velocity, ACTIONS)),
      infer(handles.actor, actorFeeds(angle, velocity)),
    ]);
    const q1 = q['q1']!.data;
    const q2 = q['q2']!.data;
    const min = q1.map((v, i) => Math.min(v, q2[i]!));
    const argmaxes: Evaluation['argmax'] = [argmax(q1), argmax(q2), argmax(min)];
    return { key, angle, velocity, actions: ACTIONS, q1, q2, min, mu: a['action']!.data[0]!, argmax: argmaxes };
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
        let ms = 0;
        const evaluation = await this.#evaluate(handles, async (h, f) => {
          const result = await h.run(f);
          ms += result.ms;
          this.timings.inference.push(result.ms);
          return result.outputs;
        });
        if (this.#handles !== handles || this.status !== 'ready') return;
        this.evaluation = evaluation;
        this.ranOn = { backend: handles.critic.backend, ms };
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
    const e = this.evaluation!;
    // The critics' mean stands in for the true Q(s, ·).
    const truth = e.q1.map((v, i) => (v + e.q2[i]!) / 2);
    const { single, clipped } = overestimation(truth, this.sigma, this.samples, new Random(this.seed));
    this.experiment = {
      key: this.#experimentKey,
      single: meanInterval(single),
      clipped: meanInterval(clipped),
    };
    this.#draws = { single, clipped };
  }

  #find = (name: string) => () => this.renderRoot.querySelector<HTMLElement>(`[data-chart=${name}]`);

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
    return html`
      <div part="formula">
        ${this.formulas[0] ? unsafeHTML(this.formulas[0]) : nothing}
        <span class="cite">TD3's target: the smaller of two target critics (Fujimoto et al. 2018, §4.2).</span>
      </div>
      ${this.renderState()}
      <h4 id="curves-title">Q1, Q2 and min(Q1, Q2) over every torque, for this state</h4>
      <div part="chart" data-chart="curves" role="group" aria-labelledby="curves-title" aria-describedby="curves-caption"></div>
      <p part="caption" id="curves-caption">${e ? describeCurves(e) : 'The critics run when the figure is scrolled into view.'}</p>

      <h4 id="bias-title">Why two: the maximum of noisy estimates is biased upward</h4>
      <div part="formula">${this.formulas[1] ? unsafeHTML(this.formulas[1]) : nothing}</div>
      <p class="explain">
        Take (Q1 + Q2) / 2 as the true Q(s, ·) and give each critic an independent error ε ~ N(0, σ²) at
        every action. One critic's target is its own maximum; TD3's is the smaller of both critics at the
        action the first one prefers. ${this.samples} seeded draws:
      </p>
      <div part="controls">
        ${slider('sigma', 'Critic error σ', this.sigma, [0, SIGMA_MAX, 0.1], this.sigma.toFixed(1), this.#onSlide)}
      </div>
      <div part="chart" data-chart="bias" role="group" aria-labelledby="bias-title" aria-describedby="bias-caption"></div>
      ${x ? this.renderTable(x) : nothing}
      <p part="caption" id="bias-caption">${x ? describeBias(x, this.sigma, this.samples) : ''}</p>

      <h4 id="record-title">During training: mean estimates at start states against the return</h4>
      <div part="chart" data-chart="record" role="group" aria-labelledby="record-title" aria-describedby="record-caption"></div>
      <p part="caption" id="record-caption">${describeRecord(this.record)}</p>
    `;
  }

  protected renderState(): unknown {
    const preset = (name: Preset) => {
      const p = PRESETS[name];
      const on = p.angle === this.angle && p.velocity === this.velocity;
      return html`<button type="button" data-preset=${name} aria-pressed=${on ? 'true' : 'false'} @click=${this.#onPreset}>
        ${p.label}
      </button>`;
    };
    return html`
      <div part="controls" role="group" aria-label="Pendulum state">
        ${pendulumIcon(this.angle, this.velocity)}
        ${(Object.keys(PRESETS) as Preset[]).map(preset)}
        <button type="button" data-preset="random" @click=${this.#onRandom}>Random state</button>
        ${slider('angle', 'Angle θ', this.angle, [-180, 180, 1], `${this.angle.toFixed(0)}°`, this.#onSlide)}
        ${slider('velocity', 'Velocity θ̇', this.velocity, [-MAX_SPEED, MAX_SPEED, 0.1], `${this.velocity.toFixed(1)} rad/s`, this.#onSlide)}
      </div>
    `;
  }

  protected renderTable(x: { single: MeanInterval; clipped: MeanInterval }): unknown {
    const row = (name: string, m: MeanInterval) => html`<tr>
      <th scope="row">${name}</th>
      <td class="mono">${m.mean.toFixed(3)}</td>
      <td class="mono">${m.low.toFixed(3)} to ${m.high.toFixed(3)}</td>
    </tr>`;
    return html`<table part="table">
      <thead><tr><th scope="col">Target</th><th scope="col">Mean bias</th><th scope="col">95% interval</th></tr></thead>
      <tbody>${row(METHODS[0]!, x.single)}${row(METHODS[1]!, x.clipped)}</tbody>
    </table>`;
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
    const changes = [['angle', angle], ['velocity', velocity]] as const;
    for (const [setting, value] of changes) this.dispatchEvent(new SettingChangeEvent(setting, value));
  };
}
