import {
  WalkthroughFigure,
  badValue,
  coalesce,
  mathml,
  outOfRange,
  replaceChart,
  themeColors,
  userModelNote,
  type Chart,
  type RunContext,
} from '@model-walkthroughs/core';
import {
  PENDULUM_STATES as STATES,
  PENDULUM_STATE_INFO as STATE_INFO,
  type PendulumState,
} from '@model-walkthroughs/environments';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { actorManifest, runActor, type ActorPolicy } from './actor-policy.js';
import { densitySpec } from './gaussian-charts.js';
import { squashedGaussianStyles } from './squashed-gaussian.styles.js';
import { FORMULAS, describeSamples, renderActorLine, renderWorkedSample } from './worked-sample.js';
import {
  mulberry32,
  reparameterise,
  squashedLogProb,
  standardNormals,
  type LogProbParts,
} from './tanh-gaussian.js';

/** The ranges the sliders offer and the attributes accept. */
export const MU_RANGE = [-6, 6] as const;
export const SIGMA_RANGE = [0.02, 3] as const;

/** Samples per draw. */
export const SAMPLES = 1000;

/** Pendulum's action is 2·tanh(u): max torque 2. */
export const ACTION_SCALE = 2;

/** Fired when the reader changes μ, σ or the state. */
export class PolicyChangeEvent extends Event {
  readonly mu: number;
  readonly sigma: number;
  readonly state: PendulumState | '';

  constructor(mu: number, sigma: number, state: PendulumState | '') {
    super('change', { bubbles: true, composed: true });
    this.mu = mu;
    this.sigma = sigma;
    this.state = state;
  }
}

const STATE_CHOICES: readonly string[] = ['', ...STATES];

/**
 * SAC's tanh-squashed Gaussian policy: the density of u ~ N(μ, σ²) and of
 * a = tanh(u), seeded reparameterised samples a = tanh(μ + σε), the
 * change-of-variables correction of log π for one sample, and μ and σ from
 * the trained SAC actor on a few Pendulum states.
 *
 * @summary a = tanh(μ + σε): densities, samples and the log π correction.
 *
 * @csspart formula - The formulas as MathML.
 * @csspart controls - Sliders, the state picker and the Draw button.
 * @csspart slider - The μ and σ range inputs.
 * @csspart draw - The Draw samples button.
 * @csspart panels - The two density panels.
 * @csspart chart - Each density chart.
 * @csspart measurement - log π for one sample, worked through.
 * @csspart caption - The sample mean against E[tanh u].
 *
 * @cssprop [--mw-squashed-gaussian-chart-height=230px] - Space kept for each chart.
 *
 * @fires change - The reader changed μ, σ or the state (`PolicyChangeEvent`).
 * @fires ready - The actor ran and the charts are drawn (`FigureReadyEvent`).
 * @fires error - The figure cannot run (`FigureErrorEvent`, with a `code`).
 */
export class SquashedGaussian extends WalkthroughFigure {
  static readonly version = '0.1.0';

  static override styles = [...WalkthroughFigure.styles, squashedGaussianStyles];

  #charts: (Chart | undefined)[] = [];
  /** Redraws soon; slider steps that arrive while drawing fold into one. */
  #redraw = coalesce(
    () => this.#drawCharts(),
    () => (this.notice = 'The charts could not be redrawn.'),
  );
  #note = '';
  #next = mulberry32(1);

  /** Mean of u before tanh. */
  @property({ type: Number })
  mu = 0.5;

  /** Standard deviation of u before tanh. */
  @property({ type: Number })
  sigma = 1;

  /** A Pendulum state whose μ and σ come from the trained SAC actor; empty for the sliders. */
  @property({ reflect: true })
  state: PendulumState | '' = '';

  /** Seed of the ε ~ N(0, 1) draws; the same seed draws the same samples. */
  @property({ type: Number })
  seed = 1;

  @state()
  private actor?: Record<PendulumState, ActorPolicy>;

  @state()
  private eps?: Float64Array;

  @state()
  private draws = 0;

  @state()
  private formulas: string[] = [];

  /** μ and σ of the trained actor for each state, from the last run. */
  get actorPolicies(): Readonly<Record<PendulumState, ActorPolicy>> | undefined {
    return this.actor;
  }

  /** The current samples: ε, and a = tanh(μ + σε). */
  get samples(): { eps: Float64Array; actions: Float64Array } | undefined {
    if (!this.eps) return undefined;
    return { eps: this.eps, actions: reparameterise(this.mu, this.sigma, this.eps) };
  }

  /** log π worked through for the first sample of the current draw. */
  get firstSample(): LogProbParts | undefined {
    const e = this.eps?.[0];
    if (e === undefined) return undefined;
    return squashedLogProb(this.mu + this.sigma * e, this.mu, this.sigma, ACTION_SCALE);
  }

  /** Draws SAMPLES new ε from the seeded stream; μ and σ stay. */
  drawSamples(): void {
    this.eps = standardNormals(this.#next, SAMPLES);
    this.draws++;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#finalize();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('seed') || !this.eps) {
      this.#next = mulberry32(this.seed);
      this.draws = 0;
      this.drawSamples();
    }
    if ((changed.has('state') || changed.has('actor')) && this.state && this.actor?.[this.state]) {
      ({ mu: this.mu, sigma: this.sigma } = this.actor[this.state]);
    }
    const watched = ['mu', 'sigma', 'state', 'seed'];
    if (this.hasUpdated && this.status !== 'idle' && watched.some((p) => changed.has(p))) {
      if (this.status === 'error' || this.#problem()) void this.refresh();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.status === 'error') this.#finalize();
    else if (this.status === 'ready' && ['mu', 'sigma', 'eps'].some((p) => changed.has(p))) {
      this.#redraw();
    }
  }

  protected override validate(): string | undefined {
    return super.validate() ?? this.#problem();
  }

  protected override get figureTitle(): string {
    return 'The squashed Gaussian: a = tanh(u), u ~ N(μ, σ²)';
  }

  protected override get weightsNote(): string {
    return this.src ? userModelNote(this.src, '').trim() : this.#note;
  }

  protected override async execute(context: RunContext): Promise<void> {
    const { signal } = context;
    const [manifest, formulas, actor] = await Promise.all([
      actorManifest(signal),
      Promise.all(FORMULAS.map((f) => mathml(f, true))),
      runActor(context, this.src),
    ]);
    if (signal.aborted) return;

    this.#note = manifest.weights.note;
    this.formulas = formulas;
    this.actor = actor;
    await this.updateComplete;
    await this.#drawCharts();
  }

  protected override renderBody(): unknown {
    const slider = (
      name: 'mu' | 'sigma',
      label: string,
      [min, max]: readonly number[],
      step: number,
    ) =>
      html`<span class="field">
        <label for=${name}>${label}</label>
        <input
          part="slider"
          id=${name}
          type="range"
          min=${min}
          max=${max}
          step=${step}
          .value=${String(this[name])}
          @input=${this.#onSlider}
          @change=${this.#onChange}
        />
        <output for=${name} class="mono">${this[name].toFixed(2)}</output>
      </span>`;
    return html`
      <div part="formula" role="region" aria-label="Formulas" tabindex="0">
        ${this.formulas.map((f) => unsafeHTML(f))}
        <span class="cite">Haarnoja et al. 2018, Eq. 11 and Appendix C, Eq. 21.</span>
      </div>
      <div part="controls">
        ${slider('mu', 'μ', MU_RANGE, 0.05)} ${slider('sigma', 'σ', SIGMA_RANGE, 0.01)}
      </div>
      <div part="controls">
        <label for="state">μ and σ from the trained SAC actor:</label>
        <select id="state" @change=${this.#onState}>
          <option value="" ?selected=${!this.state}>no, the sliders</option>
          ${STATES.map(
            (s) => html`
              <option value=${s} ?selected=${this.state === s}>${STATE_INFO[s].label}</option>
            `,
          )}
        </select>
        <button part="draw" type="button" @click=${this.drawSamples}>Draw samples</button>
        <span class="hint">draw ${this.draws}, ${SAMPLES} samples, seed ${this.seed}</span>
      </div>
      ${this.renderActorLine()}
      <div part="panels">
        ${this.renderPanel('before', 'Before tanh: u ~ N(μ, σ²)')}
        ${this.renderPanel('after', 'After tanh: a = tanh(u), p(a) = N(atanh a; μ, σ²) / (1 − a²)')}
      </div>
      ${this.renderNumbers()}
    `;
  }

  protected renderActorLine(): unknown {
    const policy = this.state && this.actor?.[this.state];
    if (!policy) return nothing;
    return renderActorLine(STATE_INFO[this.state as PendulumState].label, policy, ACTION_SCALE);
  }

  protected renderPanel(which: 'before' | 'after', title: string): unknown {
    return html`
      <figure>
        <figcaption id=${which}>${title}</figcaption>
        ${
          this.actor
            ? html`<div
                part="chart"
                data-panel=${which}
                role="group"
                aria-labelledby=${which}
                aria-describedby="caption"
              ></div>`
            : html`<div class="placeholder" ?data-busy=${this.status === 'loading'}>
                Running the actor…
              </div>`
        }
      </figure>
    `;
  }

  protected renderNumbers(): unknown {
    const p = this.firstSample;
    if (!p) return nothing;
    return html`
      ${renderWorkedSample(this.eps![0]!, p)}
      <p part="caption" id="caption">${this.#describe()}</p>
    `;
  }

  #describe(): string {
    return describeSamples(this.samples!.actions, this.mu, this.sigma);
  }

  #onSlider = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    this.state = '';
    this[input.id as 'mu' | 'sigma'] = Number(input.value);
  };

  #onState = (event: Event): void => {
    this.state = (event.currentTarget as HTMLSelectElement).value as PendulumState | '';
    this.#onChange();
  };

  #onChange = (): void => {
    this.updateComplete.then(() =>
      this.dispatchEvent(new PolicyChangeEvent(this.mu, this.sigma, this.state)),
    );
  };

  #problem(): string | undefined {
    if (!STATE_CHOICES.includes(this.state)) return badValue('state', this.state, STATE_CHOICES);
    if (!Number.isInteger(this.seed)) {
      return `seed="${this.getAttribute('seed') ?? this.seed}" is not an integer.`;
    }
    // With a state, μ and σ are the actor's, whatever the attributes say.
    if (this.state) return undefined;
    return outOfRange(this, [
      ['mu', this.mu, MU_RANGE],
      ['sigma', this.sigma, SIGMA_RANGE],
    ]);
  }

  async #drawCharts(): Promise<void> {
    const { eps, actions } = this.samples ?? {};
    if (!eps || !actions) return;
    const colors = themeColors(this);
    const caption = this.#describe();
    const u = eps.map((e) => this.mu + this.sigma * e);
    const first = this.firstSample!;
    for (const [i, which] of (['before', 'after'] as const).entries()) {
      const box = this.renderRoot.querySelector<HTMLElement>(`[part=chart][data-panel=${which}]`);
      if (!box) continue;
      const [values, marker] = which === 'before' ? [u, first.u] : [actions, first.a];
      const spec = densitySpec(which, this.mu, this.sigma, values, marker, colors, caption);
      this.#charts[i] = await replaceChart(box, spec, this, this.#charts[i]);
    }
  }

  #finalize(): void {
    for (const chart of this.#charts) chart?.finalize();
    this.#charts = [];
  }
}
