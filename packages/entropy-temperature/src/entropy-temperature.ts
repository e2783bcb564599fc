import {
  FigureError,
  WalkthroughFigure,
  badValue,
  coalesce,
  fetchJson,
  linspace,
  mathml,
  outOfRange,
  replaceChart,
  sliceUrl,
  themeColors,
  userModelNote,
  type Chart,
  type RunContext,
} from '@model-walkthroughs/core';
import {
  PENDULUM_STATES,
  PENDULUM_STATE_INFO,
  pendulumObservations,
  type PendulumState,
} from '@model-walkthroughs/environments';
import { loadManifest, logs, slices } from '@model-walkthroughs/slices-rl';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { alphaForEntropy, boltzmann, type BoltzmannStats } from './boltzmann.js';
import { FORMULAS, describePolicy, describeTraining, fmt } from './captions.js';
import { entropyTemperatureStyles } from './entropy-temperature.styles.js';
import { policySpec, returnSpec, trainingSpec } from './sac-charts.js';
import { parseSacLog, type SacLog } from './training-log.js';

/** The temperatures the slider offers (log scale) and the attribute accepts. */
export const ALPHA_RANGE = [1e-3, 10] as const;

/** Torques the critics are asked about: 101 from −2 to 2. */
export const ACTIONS = linspace(101, -2, 2);
const DA = 4 / (ACTIONS.length - 1);

/** Fired when the reader moves the α slider or picks another state. */
export class TemperatureChangeEvent extends Event {
  readonly alpha: number;
  readonly state: PendulumState;

  constructor(alpha: number, state: PendulumState) {
    super('change', { bubbles: true, composed: true });
    this.alpha = alpha;
    this.state = state;
  }
}

/**
 * How SAC's temperature α trades reward for entropy: the soft objective,
 * the recorded automatic tuning of α against the policy's entropy and its
 * target, and, for a Pendulum state, the Boltzmann policy exp(Q/α) over 101
 * torques from the trained critics as an α slider moves.
 *
 * @summary α in J = Σ E[r + α H(π)]: recorded tuning and exp(Q/α) on real critics.
 *
 * @csspart formula - The soft objective, soft value and temperature loss as MathML.
 * @csspart controls - The α slider and the state picker.
 * @csspart slider - The α range input (log scale).
 * @csspart chart - Each chart: training, return, policy.
 * @csspart measurement - Entropy, E[Q] and soft value at the current α.
 * @csspart caption - The training charts' summary in words.
 *
 * @cssprop [--mw-entropy-temperature-chart-height=240px] - Space kept for each chart.
 *
 * @fires change - The reader moved α or picked a state (`TemperatureChangeEvent`).
 * @fires ready - The critics ran and the charts are drawn (`FigureReadyEvent`).
 * @fires error - The figure cannot run (`FigureErrorEvent`, with a `code`).
 */
export class EntropyTemperature extends WalkthroughFigure {
  static readonly version = '0.1.0';

  static override styles = [...WalkthroughFigure.styles, entropyTemperatureStyles];

  protected static override runProperties = [...WalkthroughFigure.runProperties, 'log'];

  #training: Chart[] = [];
  #policy?: Chart;
  /** Redraws soon; slider steps that arrive while drawing fold into one. */
  #redraw = coalesce(
    () => this.#drawCharts(false),
    () => (this.notice = 'The charts could not be redrawn.'),
  );
  #note = '';

  /** The temperature for the policy panel; empty for the last one training reached. */
  @property({ type: Number })
  alpha?: number;

  /** The Pendulum state whose critic values the policy panel shows. */
  @property({ reflect: true })
  state: PendulumState = 'upright';

  /** URL of a SAC training log in place of the built-in one. */
  @property()
  log = '';

  @state()
  private data?: SacLog;

  @state()
  private critic?: Record<PendulumState, Float64Array>;

  @state()
  private formulas: string[] = [];

  /** The α in use: the attribute's, else the last one of training. */
  get currentAlpha(): number {
    return this.alpha ?? this.data?.curve.at(-1)?.alpha ?? 0.1;
  }

  /** min(Q₁, Q₂)(s, a) over ACTIONS for each state, from the last run. */
  get criticValues(): Readonly<Record<PendulumState, Float64Array>> | undefined {
    return this.critic;
  }

  /** The Boltzmann policy at the current α and state; undefined before a run. */
  get policy(): BoltzmannStats | undefined {
    const q = this.critic?.[this.state];
    return q ? boltzmann(q, this.currentAlpha, DA) : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#finalize();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const watched = changed.has('alpha') || changed.has('state');
    if (watched && this.hasUpdated && this.status !== 'idle') {
      if (this.status === 'error' || this.#problem()) void this.refresh();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.status === 'error') this.#finalize();
    else if (this.status === 'ready' && (changed.has('alpha') || changed.has('state'))) {
      this.#redraw();
    }
  }

  protected override validate(): string | undefined {
    return super.validate() ?? this.#problem();
  }

  protected override get figureTitle(): string {
    return "SAC's temperature α: reward against entropy";
  }

  protected override get weightsNote(): string {
    const critics = this.src ? userModelNote(this.src, '').trim() : this.#note;
    return this.log ? `${critics} Training log from ${this.log}.` : critics;
  }

  protected override async execute(context: RunContext): Promise<void> {
    const { signal } = context;
    const url = this.log || logs.sac;
    const [json, manifest, formulas] = await Promise.all([
      fetchJson(url, 'SAC training log', signal),
      loadManifest('sac-critics', { signal }).catch((error: unknown) => {
        throw new FigureError(
          'model-not-found',
          'The manifest of the sac-critics slice could not be loaded.',
          { cause: error },
        );
      }),
      Promise.all(FORMULAS.map((f) => mathml(f, true))),
    ]);
    const data = parseSacLog(json, url);

    // Every state × every torque in one batch: [3 · 101, ·].
    const n = PENDULUM_STATES.length * ACTIONS.length;
    const obs = pendulumObservations(
      PENDULUM_STATES.flatMap((s) => Array<PendulumState>(ACTIONS.length).fill(s)),
    );
    const action = { data: new Float32Array(n), dims: [n, 1] };
    for (let i = 0; i < n; i++) action.data[i] = ACTIONS[i % ACTIONS.length]!;
    const model = sliceUrl(this.src, 'sac-critics', slices['sac-critics'].model, true);
    const contract = { inputs: { obs: [n, 3], action: [n, 1] }, outputs: ['q1', 'q2'] };
    const session = await context.session(model, contract);
    const out = await context.infer(session, { obs, action }, ['q1', 'q2']);
    if (signal.aborted) return;

    const critic = {} as Record<PendulumState, Float64Array>;
    PENDULUM_STATES.forEach((s, k) => {
      critic[s] = Float64Array.from(ACTIONS, (_, i) => {
        const j = k * ACTIONS.length + i;
        return Math.min(out['q1']!.data[j]!, out['q2']!.data[j]!);
      });
    });
    this.#note = manifest.weights.note;
    this.formulas = formulas;
    this.data = data;
    this.critic = critic;
    await this.updateComplete;
    await this.#drawCharts(true);
  }

  protected override renderBody(): unknown {
    const alpha = this.currentAlpha;
    const trained = this.data?.curve.at(-1)?.alpha;
    const chart = (name: string, label: string, describedBy: string) =>
      this.data
        ? html`<div
            part="chart"
            data-chart=${name}
            role="group"
            aria-label=${label}
            aria-describedby=${describedBy}
          ></div>`
        : html`<div class="placeholder" ?data-busy=${this.status === 'loading'}>Loading…</div>`;
    return html`
      <div part="formula" role="region" aria-label="Formulas" tabindex="0">
        ${this.formulas.map((f) => unsafeHTML(f))}
        <span class="cite">Haarnoja et al. 2018, Eq. 1; 2018b, Eq. 3 and 18.</span>
      </div>
      <h4>Automatic α during training</h4>
      ${chart('training', 'Temperature α and policy entropy over training', 'training-caption')}
      ${chart('return', 'Mean return over training', 'training-caption')}
      <p part="caption" id="training-caption">
        ${this.data ? describeTraining(this.data) : nothing}
      </p>
      <h4>What α does to the policy in one state</h4>
      <p class="explain">
        For a fixed critic, the maximum-entropy policy is the Boltzmann distribution π(a|s) ∝
        exp(Q(s, a)/α): SAC's actor is trained toward it within its family of squashed Gaussians.
        Here it is computed exactly over ${ACTIONS.length} torques from the trained critics. A small
        α puts all mass on the best torque; a large α spreads it out, giving up some Q for entropy.
        SAC tunes one α for all states, so that the entropy averaged over the states it visits meets
        the target: a state whose Q differs a lot between torques would need a larger α.
      </p>
      <div part="controls">
        <label for="alpha">Temperature α</label>
        <input
          part="slider"
          id="alpha"
          type="range"
          min="-3"
          max="1"
          step="0.05"
          aria-valuetext=${`α = ${fmt(alpha)}`}
          .value=${String(Math.log10(alpha))}
          @input=${this.#onAlpha}
          @change=${this.#onChange}
        />
        <output for="alpha" class="mono">${fmt(alpha)}</output>
        ${
          trained === undefined ? nothing : html`<span class="hint">trained: ${fmt(trained)}</span>`
        }
      </div>
      <div part="controls">
        <label for="state">Pendulum state:</label>
        <select id="state" @change=${this.#onState}>
          ${PENDULUM_STATES.map(
            (s) => html`
              <option value=${s} ?selected=${this.state === s}>
                ${PENDULUM_STATE_INFO[s].label}, at rest
              </option>
            `,
          )}
        </select>
      </div>
      ${chart('policy', 'Boltzmann policy and Q over torque', 'measurement')}
      <p part="measurement" id="measurement">${this.#describePolicy() ?? nothing}</p>
    `;
  }

  #describePolicy(): string | undefined {
    const stats = this.policy;
    const q = this.critic?.[this.state];
    if (!stats || !q || !this.data) return undefined;
    let best = 0;
    for (let i = 1; i < q.length; i++) if (q[i]! > q[best]!) best = i;
    const target = this.data.hyperparameters.targetEntropy;
    return describePolicy(
      stats,
      { a: ACTIONS[best]!, q: q[best]! },
      target,
      alphaForEntropy(q, DA, target),
      DA,
    );
  }

  #onAlpha = (event: Event): void => {
    this.alpha = 10 ** Number((event.currentTarget as HTMLInputElement).value);
  };

  #onState = (event: Event): void => {
    this.state = (event.currentTarget as HTMLSelectElement).value as PendulumState;
    this.#onChange();
  };

  #onChange = (): void => {
    this.dispatchEvent(new TemperatureChangeEvent(this.currentAlpha, this.state));
  };

  #problem(): string | undefined {
    if (!(PENDULUM_STATES as readonly string[]).includes(this.state))
      return badValue('state', this.state, PENDULUM_STATES);
    return outOfRange(this, [['alpha', this.alpha, ALPHA_RANGE]]);
  }

  async #drawCharts(all: boolean): Promise<void> {
    const { data, policy } = this;
    const q = this.critic?.[this.state];
    if (!data || !policy || !q) return;
    const colors = themeColors(this);
    const box = (name: string) =>
      this.renderRoot.querySelector<HTMLElement>(`[part=chart][data-chart=${name}]`);
    if (all) {
      this.#finalize();
      const caption = describeTraining(data);
      for (const [name, spec] of [
        ['training', trainingSpec(data, colors, caption)],
        ['return', returnSpec(data, colors, caption)],
      ] as const) {
        const el = box(name);
        const chart = el && (await replaceChart(el, spec, this, undefined));
        if (chart) this.#training.push(chart);
      }
    }
    const el = box('policy');
    if (!el) return;
    const spec = policySpec(ACTIONS, q, policy, DA, colors, this.#describePolicy()!);
    this.#policy = await replaceChart(el, spec, this, this.#policy);
  }

  #finalize(): void {
    for (const chart of [...this.#training, this.#policy]) chart?.finalize();
    this.#training = [];
    this.#policy = undefined;
  }
}
