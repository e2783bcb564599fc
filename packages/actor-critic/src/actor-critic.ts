import {
  FigureError,
  WalkthroughFigure,
  badValue,
  sliceUrl,
  themeColors,
  userModelNote,
  type ModelContract,
  type RunContext,
  type SessionHandle,
} from '@model-walkthroughs/core';
import { CARTPOLE } from '@model-walkthroughs/environments';
import { loadManifest, slices } from '@model-walkthroughs/slices-rl';
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { actorCriticStyles } from './actor-critic.styles.js';
import { CANVAS, drawScene } from './drawing.js';
import { Episode, type ActionRule } from './episode.js';
import { renderPanel, type Frame } from './panel.js';
import { Playback } from './playback.js';
import { estimate, fromOutputs, median, observationFeed } from './policy.js';

const ACTOR: ModelContract = { inputs: { obs: [1, 4] }, outputs: ['probs'] };
const CRITIC: ModelContract = { inputs: { obs: [1, 4] }, outputs: ['value'] };
const MAX_SEED = 2 ** 32 - 1;
const SPEEDS = [1, 60] as const;
const POLICIES: readonly string[] = ['auto', 'sampled', 'greedy'];

/**
 * The reader's shove: 15 N, one and a half times the agent's own push, for
 * 3 steps (0.06 s). The trained policy recovers from one (checked in Python
 * on ten seeds); hold the key down and the push goes on until the pole falls.
 */
export const PUSH = Object.freeze({ force: 15, steps: 3 });

/**
 * A trained PPO actor and critic balancing CartPole in the page. Each step
 * the actor gives π(left | s) and π(right | s), an action is chosen from
 * them, the cart moves, and the critic gives V(s) for the new state. The
 * reader can push the cart and watch the policy recover.
 *
 * @summary The actor acts, the critic judges: PPO's two networks live on
 * CartPole.
 *
 * @csspart canvas - The cart, pole and track; focus it to push with ← and →.
 * @csspart controls - Play, step, new episode and the push buttons.
 * @csspart policy - The two action-probability bars.
 * @csspart value - V(s) now and its sparkline over the episode.
 * @csspart episode - Step count, return so far and the episode's seed.
 *
 * @cssprop [--mw-actor-critic-bar=var(--mw-color-accent)] - Bars and the value line.
 * @cssprop [--mw-actor-critic-push=var(--mw-color-skip)] - The reader's push.
 *
 * @fires ready - The networks loaded and the first state is drawn (`FigureReadyEvent`).
 * @fires error - The figure cannot run (`FigureErrorEvent`, with a `code`).
 */
export class ActorCritic extends WalkthroughFigure {
  static readonly version = '0.1.0';

  static override styles = [...WalkthroughFigure.styles, actorCriticStyles];

  protected static override runProperties = [...WalkthroughFigure.runProperties, 'seed'];

  #episode = new Episode();
  #playback = new Playback(this, {
    step: () => this.#advance(),
    rate: () => this.speed,
    enabled: () => this.active && this.status === 'ready' && this.#actor !== undefined,
  });
  #actor?: SessionHandle;
  #critic?: SessionHandle;
  #rule: ActionRule = 'sampled';
  #stepMs: number[] = [];
  #busy = false;
  #fresh = false;
  #generation = 0;
  #note = '';

  /** Seed of the first episode (0 … 2³² − 1); each next episode takes the next seed. */
  @property({ type: Number })
  seed = 0;

  /** Plays as soon as the figure is ready, unless the reader prefers reduced motion. */
  @property({ type: Boolean })
  autoplay = false;

  /** Steps per second while playing, 1 … 60; 50 is real time (τ = 0.02 s). */
  @property({ type: Number })
  speed = 50;

  /**
   * How actions are chosen: `sampled` from π as in training, `greedy` (the
   * likelier one), or `auto`, the way the manifest's evaluation chose.
   */
  @property()
  policy: 'auto' | ActionRule = 'auto';

  @state()
  private active = false;

  @state()
  private frame?: Frame;

  @state()
  private timing = '';

  /** Whether the episode is running (it still waits while off screen). */
  get playing(): boolean {
    return this.active;
  }

  /** The episode as shown: state, π, V, the values so far, step and return. */
  get episode(): Readonly<Frame> | undefined {
    return this.frame;
  }

  /** Milliseconds of each step's actor + critic inference, latest last (up to 500). */
  get stepTimes(): readonly number[] {
    return this.#stepMs;
  }

  override disconnectedCallback(): void {
    // The base class releases the sessions; nothing may use them after.
    this.#generation++;
    this.#busy = false;
    this.active = false;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Autoplay starts on the first ready, never against prefers-reduced-motion.
    if (changed.has('status') && this.status === 'ready' && changed.get('status') === 'loading') {
      const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      if (this.autoplay && !still) this.active = true;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('frame') || changed.has('status')) this.#draw();
  }

  protected override validate(): string | undefined {
    const problem = super.validate();
    if (problem) return problem;
    if (!Number.isInteger(this.seed) || this.seed < 0 || this.seed > MAX_SEED) {
      const raw = this.getAttribute('seed') ?? this.seed;
      return `seed="${raw}" is not a whole number from 0 to ${MAX_SEED}.`;
    }
    if (!(this.speed >= SPEEDS[0] && this.speed <= SPEEDS[1])) {
      const raw = this.getAttribute('speed') ?? this.speed;
      return `speed="${raw}" is not a number of steps per second from ${SPEEDS[0]} to ${SPEEDS[1]}.`;
    }
    if (!POLICIES.includes(this.policy)) return badValue('policy', this.policy, POLICIES);
    return undefined;
  }

  protected override get figureTitle(): string {
    return 'Actor and critic: a trained PPO agent balancing CartPole';
  }

  protected override get weightsNote(): string {
    return this.src ? userModelNote(this.src, 'The critic is the built-in one.') : this.#note;
  }

  protected override async execute(context: RunContext): Promise<void> {
    const { signal } = context;
    this.#generation++;
    this.#busy = false;
    this.#actor = this.#critic = undefined;

    const manifest = await loadManifest('ppo-actor', { signal }).catch((cause: unknown) => {
      const message = 'The manifest of the PPO actor could not be loaded.';
      throw new FigureError('model-not-found', message, { cause });
    });
    const builtIn = slices['ppo-actor'].model;
    const actor = await context.session(sliceUrl(this.src, 'ppo-actor', builtIn, true), ACTOR);
    const critic = await context.session(
      sliceUrl(this.src, 'ppo-critic', slices['ppo-critic'].model),
      CRITIC,
    );

    // The first state goes through the base class's infer, which times it.
    const feeds = observationFeed(this.#episode.start(this.seed));
    const start = performance.now();
    const probs = await context.infer(actor, feeds, ['probs']);
    const value = await context.infer(critic, feeds, ['value']);
    const first = fromOutputs(probs, value, performance.now() - start);
    if (signal.aborted) return;

    const greedy = manifest.evaluation.policy.startsWith('greedy');
    this.#rule = this.policy === 'auto' ? (greedy ? 'greedy' : 'sampled') : this.policy;
    this.#note = manifest.weights.note;
    this.#actor = actor;
    this.#critic = critic;
    this.#stepMs = [first.ms];
    this.timing = '';
    this.frame = this.#episode.frame(first.probs, first.value);
  }

  /** Starts playing (once the figure is ready). */
  play(): void {
    this.active = true;
  }

  /** Stops after the step in progress. */
  pause(): void {
    this.active = false;
    this.#summarise();
  }

  /** Takes one step (or starts the next episode after the last one ended). */
  step(): Promise<void> {
    return this.#advance();
  }

  /** Pushes the cart for the next steps: `PUSH.force` newtons to one side. */
  push(side: 'left' | 'right'): void {
    const force = side === 'left' ? -PUSH.force : PUSH.force;
    this.#episode.push(force, PUSH.steps);
    if (this.frame) this.frame = { ...this.frame, push: force };
  }

  /** Starts a new episode from the next seed. */
  newEpisode(): Promise<void> {
    this.#fresh = true;
    return this.#advance();
  }

  protected override renderBody(): unknown {
    const frame = this.frame;
    const off = !(this.status === 'ready' && frame);
    return html`
      <canvas
        part="canvas"
        tabindex="0"
        role="img"
        width=${CANVAS.width}
        height=${CANVAS.height}
        aria-label=${frame ? describe(frame) : 'The cart and pole appear here.'}
        aria-keyshortcuts="ArrowLeft ArrowRight Space"
        @keydown=${this.#onKey}
      ></canvas>
      <div part="controls">
        <button type="button" ?disabled=${off} @click=${this.#onPlay}>
          ${this.active ? 'Pause' : 'Play'}
        </button>
        <button type="button" ?disabled=${off || this.active} @click=${() => this.step()}>
          Step once
        </button>
        <button type="button" ?disabled=${off} @click=${() => this.newEpisode()}>
          New episode
        </button>
        <button type="button" class="push" ?disabled=${off} @click=${() => this.push('left')}>
          ← Push left
        </button>
        <button type="button" class="push" ?disabled=${off} @click=${() => this.push('right')}>
          Push right →
        </button>
      </div>
      ${
        frame
          ? renderPanel(frame, CARTPOLE.maxSteps)
          : html`<div class="placeholder" ?data-busy=${this.status === 'loading'}>
              Loading the actor and the critic…
            </div>`
      }
    `;
  }

  protected override renderStatus(): unknown {
    if (this.status !== 'ready' || !this.ranOn) return super.renderStatus();
    const backend = this.ranOn.backend === 'webgpu' ? 'WebGPU' : 'WASM';
    const first = `actor + critic took ${this.#stepMs[0]!.toFixed(1)} ms for the first state`;
    return `Ran on ${backend}: ${this.timing || first}. ${this.weightsNote}`;
  }

  #onPlay = (): void => (this.active ? this.pause() : this.play());

  #onKey = (event: KeyboardEvent): void => {
    if (this.status !== 'ready') return;
    if (event.key === 'ArrowLeft') this.push('left');
    else if (event.key === 'ArrowRight') this.push('right');
    else if (event.key === ' ') this.#onPlay();
    else return;
    event.preventDefault();
  };

  async #advance(): Promise<void> {
    const [frame, actor, critic] = [this.frame, this.#actor, this.#critic];
    if (!frame || !actor || !critic || this.#busy) return;
    this.#busy = true;
    const generation = this.#generation;
    try {
      if (this.#fresh || frame.end) {
        this.#fresh = false;
        const seed = (frame.seed + 1) % (MAX_SEED + 1);
        const next = await estimate(actor, critic, this.#episode.start(seed));
        if (generation === this.#generation)
          this.frame = this.#episode.frame(next.probs, next.value);
        return;
      }

      const action = this.#episode.choose(frame.probs, this.#rule);
      const { observation, reward, end } = this.#episode.step(action);
      const next = await estimate(actor, critic, observation);
      if (generation !== this.#generation) return;

      this.#stepMs.push(next.ms);
      if (this.#stepMs.length > 500) this.#stepMs.shift();
      this.frame = this.#episode.frame(next.probs, next.value, { frame, action, reward, end });
      if (end) {
        this.#summarise();
        this.#playback.hold(1);
      }
    } catch (error) {
      if (generation !== this.#generation) return;
      this.active = false;
      const detail = error instanceof Error ? error.message : String(error);
      this.notice = `The networks stopped answering (${detail}).`;
    } finally {
      if (generation === this.#generation) this.#busy = false;
    }
  }

  #summarise(): void {
    // Said rarely: the footnote is a live region.
    const ms = median(this.#stepMs).toFixed(2);
    this.timing = `actor + critic take ${ms} ms per step (median of the last ${this.#stepMs.length})`;
  }

  #draw(): void {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas[part=canvas]');
    if (!canvas || !this.frame) return;
    const scale = Math.min(2, globalThis.devicePixelRatio || 1);
    drawScene(canvas, this.frame, themeColors(this), scale);
  }
}

function describe(frame: Frame): string {
  const [x, , theta] = frame.state;
  const deg = (theta! * 180) / Math.PI;
  const side = deg >= 0 ? 'right' : 'left';
  return (
    `Cart at x = ${x!.toFixed(2)} m on a track from −2.4 to 2.4 m; pole leaning ` +
    `${Math.abs(deg).toFixed(1)}° to the ${side}; step ${frame.steps}.`
  );
}
