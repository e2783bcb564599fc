import {
  FigureError,
  WalkthroughFigure,
  mathml,
  sliceUrl,
  userModelNote,
  type ModelContract,
  type RunContext,
} from '@model-walkthroughs/core';
import { loadManifest, slices, type SliceName } from '@model-walkthroughs/slices-rl';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ChartPair } from './chart-pair.js';
import { renderControls, type EpisodeKind } from './controls.js';
import { gaeAdvantageStyles } from './gae-advantage.styles.js';
import { estimates, type Estimates } from './gae.js';
import { rollout, type Rollout } from './rollout.js';
import { describeRun, identities, problem } from './text.js';
import { renderStep } from './step-table.js';

const ACTOR: ModelContract = { inputs: { obs: [1, 4] }, outputs: ['probs'] };
const CRITIC: ModelContract = { inputs: { obs: [1, 4] }, outputs: ['value'] };

/**
 * The push of the `pushed` episode: 30 N, three times the agent's own, for
 * 5 steps (0.1 s) from step 60. More than the trained policy can catch: the
 * pole falls a few steps later, so the rollout ends with a failure.
 */
export const PUSH = Object.freeze({ at: 60, force: 30, steps: 5 });

/**
 * Generalised advantage estimation on a real rollout of the trained PPO
 * policy in CartPole: rewards, the critic's V(sₜ), the TD errors δₜ and the
 * advantages Âₜ = Σ (γλ)ˡ δₜ₊ₗ, with γ and λ on sliders. At λ = 0 the
 * advantage is δₜ; at λ = 1 it is the Monte Carlo return minus V(sₜ).
 *
 * @summary How far back should a surprise be credited? GAE's λ, live.
 *
 * @csspart formula - δₜ and Âₜ as MathML.
 * @csspart controls - γ and λ sliders, the episode and its seed.
 * @csspart identity - max |Â − δ| and max |Â − (G − V)|, computed live.
 * @csspart chart - Each of the two charts.
 * @csspart step - The step slider and the numbers of that step.
 * @csspart caption - The rollout in words.
 *
 * @cssprop [--mw-gae-advantage-chart-height=250px] - Space kept for each chart.
 *
 * @fires ready - The rollout and the charts are drawn (`FigureReadyEvent`).
 * @fires error - The figure cannot run (`FigureErrorEvent`, with a `code`).
 */
export class GaeAdvantage extends WalkthroughFigure {
  static readonly version = '0.1.0';

  static override styles = [...WalkthroughFigure.styles, gaeAdvantageStyles];

  protected static override runProperties = [
    ...WalkthroughFigure.runProperties,
    'seed',
    'episode',
    'steps',
  ];

  #charts = new ChartPair(this);
  #note = '';
  #trained = { gamma: 0.99, lambda: 0.95 };
  #calls = 0;

  /** Seed of the episode: its start state and its action draws (0 … 2³² − 1). */
  @property({ type: Number })
  seed = 0;

  /** `pushed`: a 30 N push at step 60 topples the pole; `free`: the policy alone. */
  @property()
  episode: EpisodeKind = 'pushed';

  /** The most steps rolled out (10 … 500); a longer episode is cut and bootstrapped. */
  @property({ type: Number })
  steps = 200;

  /** Discount γ (0.5 … 1); by default the one PPO trained with. */
  @property({ type: Number })
  gamma?: number;

  /** GAE's λ (0 … 1); by default the one PPO trained with. */
  @property({ type: Number })
  lambda?: number;

  @state()
  private run?: { rollout: Rollout; values: Float64Array };

  @state()
  private selected = 0;

  @state()
  private formulas = ['', ''];

  /** The rollout shown: observations, actions, rewards, dones, pushes. */
  get rollout(): Rollout | undefined {
    return this.run?.rollout;
  }

  /** V(s₀) … V(s_T) from the critic, one batched call. */
  get values(): Float64Array | undefined {
    return this.run?.values;
  }

  /** δ, Â, G and the two distances for the γ and λ shown. */
  get estimates(): Estimates | undefined {
    const run = this.run;
    if (!run) return undefined;
    const { rewards, dones } = run.rollout;
    return estimates(rewards, run.values, dones, this.#gamma, this.#lambda);
  }

  get #gamma(): number {
    return this.gamma ?? this.#trained.gamma;
  }

  get #lambda(): number {
    return this.lambda ?? this.#trained.lambda;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#charts.finalize();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.status !== 'ready') {
      this.#charts.finalize();
      return;
    }
    const keys = ['run', 'selected', 'gamma', 'lambda', 'status'];
    if (!keys.some((k) => changed.has(k))) return;
    const drawing = this.#charts.draw(() => {
      const [run, estimates] = [this.run, this.estimates];
      if (!run || !estimates) return undefined;
      const description = describeRun(run.rollout, run.values, PUSH);
      return { ...run, estimates, selected: this.selected, description };
    });
    drawing.catch(() => (this.notice = 'The charts could not be drawn in this browser.'));
  }

  protected override validate(): string | undefined {
    return super.validate() ?? problem(this);
  }

  protected override get figureTitle(): string {
    return 'Generalised advantage estimation on a CartPole rollout';
  }

  protected override get weightsNote(): string {
    return this.src ? userModelNote(this.src, 'The critic is the built-in one.') : this.#note;
  }

  protected override async execute(context: RunContext): Promise<void> {
    const { signal } = context;
    const manifest = (name: SliceName) =>
      loadManifest(name, { signal }).catch((cause: unknown) => {
        throw new FigureError('model-not-found', `The manifest of ${name} could not be loaded.`, {
          cause,
        });
      });
    const [actorManifest, criticManifest] = await Promise.all([
      manifest('ppo-actor'),
      manifest('ppo-critic'),
    ]);
    const builtIn = slices['ppo-actor'].model;
    const actor = await context.session(sliceUrl(this.src, 'ppo-actor', builtIn, true), ACTOR);
    const critic = await context.session(
      sliceUrl(this.src, 'ppo-critic', slices['ppo-critic'].model),
      CRITIC,
    );

    // The actor decides step by step; the critic then sees every state at once.
    const greedy = actorManifest.evaluation.policy.startsWith('greedy');
    const run = await rollout(
      async (obs) => {
        const { probs } = await context.infer(actor, { obs: { data: obs, dims: [1, 4] } }, [
          'probs',
        ]);
        return [probs!.data[0]!, probs!.data[1]!] as const;
      },
      {
        seed: this.seed,
        maxSteps: this.steps,
        rule: greedy ? 'greedy' : 'sampled',
        push: this.episode === 'pushed' ? PUSH : undefined,
      },
    );
    const T = run.actions.length;
    const { value } = await context.infer(
      critic,
      { obs: { data: run.observations, dims: [T + 1, 4] } },
      ['value'],
    );
    const formulas = await Promise.all([
      mathml('\\delta_t = r_t + \\gamma\\,V(s_{t+1})\\,(1 - d_t) - V(s_t)', true),
      mathml('\\hat{A}_t = \\sum_{l=0}^{T-t-1} (\\gamma\\lambda)^l\\,\\delta_{t+l}', true),
    ]);
    if (signal.aborted) return;

    const hp = criticManifest.hyperparameters as { gamma?: number; lambda?: number };
    this.#trained = { gamma: hp.gamma ?? 0.99, lambda: hp.lambda ?? 0.95 };
    this.#note = criticManifest.weights.note;
    this.#calls = T;
    this.formulas = formulas;
    this.selected = Math.max(0, T - 1);
    this.run = { rollout: run, values: Float64Array.from(value!.data) };
  }

  protected override renderBody(): unknown {
    const run = this.run;
    const e = this.estimates;
    return html`
      <div part="formula" role="region" aria-label="Formulas" tabindex="0">
        ${this.formulas.map((f) => (f ? unsafeHTML(f) : nothing))}
        <span class="cite">Schulman et al. 2016, Eqs. 11–16; dₜ = 1 where the episode ended.</span>
      </div>
      ${this.renderControls()}
      ${
        run && e
          ? this.renderResults(run.rollout, run.values, e)
          : html`<div class="placeholder" ?data-busy=${this.status === 'loading'}>
              A rollout of the trained policy appears here.
            </div>`
      }
    `;
  }

  protected renderControls(): unknown {
    return renderControls({
      gamma: this.#gamma,
      lambda: this.#lambda,
      episode: this.episode,
      seed: this.seed,
      pushAt: PUSH.at,
      onSlider: (name, value) => (this[name] = value),
      onEpisode: (kind) => (this.episode = kind),
      onSeed: (seed) => (this.seed = seed),
    });
  }

  protected renderResults(run: Rollout, values: Float64Array, e: Estimates): unknown {
    const T = run.actions.length;
    const [gamma, lambda] = [this.#gamma, this.#lambda];
    return html`
      <p part="identity" aria-live="polite">${identities(e, lambda)}</p>
      <h4 id="advantage-title">δₜ, Âₜ (λ = ${lambda.toFixed(2)}) and Gₜ − V(sₜ) per step</h4>
      <div
        part="chart"
        data-chart="advantage"
        role="group"
        aria-labelledby="advantage-title"
        aria-describedby="caption"
      ></div>
      <h4 id="value-title">
        The critic's V(sₜ) and the discounted return Gₜ (γ = ${gamma.toFixed(2)})
      </h4>
      <div
        part="chart"
        data-chart="value"
        role="group"
        aria-labelledby="value-title"
        aria-describedby="caption"
      ></div>
      <div part="step">
        <label>
          <span>Step t</span>
          <input
            type="range"
            name="step"
            min="0"
            max=${T - 1}
            step="1"
            .value=${String(this.selected)}
            @input=${this.#onStep}
          />
          <output class="mono">${this.selected}</output>
        </label>
        ${renderStep(run, values, e, this.selected, gamma)}
      </div>
      <p part="caption" id="caption">${describeRun(run, values, PUSH)}</p>
    `;
  }

  protected override renderStatus(): unknown {
    if (this.status !== 'ready' || !this.ranOn) return super.renderStatus();
    const backend = this.ranOn.backend === 'webgpu' ? 'WebGPU' : 'WASM';
    const ms = this.ranOn.ms < 10 ? this.ranOn.ms.toFixed(1) : Math.round(this.ranOn.ms);
    const calls = `${this.#calls} actor calls and one critic call on all ${this.#calls + 1} states`;
    return `Ran on ${backend}: ${calls}, ${ms} ms in all. ${this.weightsNote}`;
  }

  #onStep = (event: Event): void => {
    this.selected = Number((event.currentTarget as HTMLInputElement).value);
  };
}
