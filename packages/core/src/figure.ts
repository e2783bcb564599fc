/**
 * The base every figure extends: lazy start, loading / ready / error
 * states, a reflected `status`, `ready` and `error` events, backend choice
 * and timings. Subclasses implement `execute()` and `renderBody()`.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { warnOnce } from './dev-mode.js';
import { FigureError, toFigureError } from './errors.js';
import { FigureErrorEvent, FigureReadyEvent } from './events.js';
import { figureStyles } from './figure.styles.js';
import {
  BACKEND_CHOICES,
  acquireSession,
  resolveBackend,
  type BackendChoice,
  type ModelContract,
  type PlainTensor,
  type ResolvedBackend,
  type SessionHandle,
} from './runtime.js';
import { snapshotPng, snapshotSvg } from './snapshot.js';
import { themeStyles } from './theme.js';

const LOADING_CHOICES: readonly string[] = ['lazy', 'eager'];

/** Where a figure is in its life: before, during and after its first run. */
export type FigureStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Milliseconds on the page clock (performance.now()). */
export interface FigureTimings {
  connected?: number;
  firstRender?: number;
  ready?: number;
  /** Each inference call's duration, in order. */
  inference: number[];
}

/** What a run may use: the chosen backend, sessions and an abort signal. */
export interface RunContext {
  readonly signal: AbortSignal;
  readonly backend: ResolvedBackend;
  /** Opens a model (shared per page) for the length of the figure's use. */
  session(url: string, contract?: ModelContract): Promise<SessionHandle>;
  /** Runs a session and records the time taken. */
  infer(
    handle: SessionHandle,
    feeds: Record<string, PlainTensor>,
    outputs?: string[],
  ): Promise<Record<string, PlainTensor>>;
}

/**
 * Base of every figure.
 *
 * @fires ready - FigureReadyEvent: the model ran and the result is drawn;
 *   carries `backend` and `inferenceMs`. Bubbles.
 * @fires error - FigureErrorEvent: the figure cannot show its content;
 *   carries `code` and `message`, also shown inside the figure. Does not
 *   bubble, like the `error` event of <img>.
 * @csspart figure - the frame around everything
 * @csspart title - the figure's heading
 * @csspart alert - the message shown when the figure cannot run
 * @csspart save - the button that saves the figure as a PNG
 * @csspart footnote - the line saying which backend ran, how fast, and
 *   where the weights come from
 * @cssprop [--mw-color-fg=#1c2128] - text colour (dark: #e6edf3)
 * @cssprop [--mw-color-bg=#ffffff] - background (dark: #0d1117)
 * @cssprop [--mw-color-surface=#f4f6f8] - panels and buttons (dark: #161b22)
 * @cssprop [--mw-color-muted=#57606a] - secondary text (dark: #9da7b3)
 * @cssprop [--mw-color-border=#d0d7de] - lines and frames (dark: #30363d)
 * @cssprop [--mw-color-accent=#0b6bcb] - selection and focus (dark: #58a6ff)
 * @cssprop [--mw-color-error=#b42318] - error text (dark: #ffa198)
 * @cssprop [--mw-color-skip=#c2410c] - shortcut paths (dark: #fb923c)
 * @cssprop [--mw-font=system-ui] - text font
 * @cssprop [--mw-font-mono=ui-monospace] - numbers and shapes
 * @cssprop [--mw-radius=8px] - corner radius
 * @cssprop [--mw-space=12px] - inner spacing
 */
export abstract class WalkthroughFigure extends LitElement {
  static override styles = [themeStyles, figureStyles];

  /** Properties whose change re-runs the model. */
  protected static runProperties: readonly string[] = ['src', 'backend', 'image'];

  #observer?: IntersectionObserver;
  #run?: AbortController;
  #held: SessionHandle[] = [];
  #started = false;
  #runPromise: Promise<void> = Promise.resolve();
  #status: FigureStatus = 'idle';

  /** Where the figure is: `idle`, `loading`, `ready` or `error`. Read-only. */
  @property({ reflect: true })
  status: FigureStatus = 'idle';

  /** Which runtime to use: `auto` (WebGPU if available), `webgpu` or `wasm`. */
  @property()
  backend: BackendChoice = 'auto';

  /** URL of your own ONNX export, in place of the built-in slice. */
  @property()
  src = '';

  /** URL of the input image, in place of the built-in sample photo. */
  @property()
  image = '';

  /** `lazy` starts when scrolled near or touched; `eager` at once. */
  @property()
  loading: 'lazy' | 'eager' = 'lazy';

  /** The message shown when the figure cannot run. */
  @state()
  protected errorMessage = '';

  /** A side note to the reader, such as a backend fallback. */
  @state()
  protected notice = '';

  /** The backend that ran and how long the last inference took. */
  @state()
  protected ranOn?: { backend: ResolvedBackend; ms: number };

  /** Page-clock timings, for the benchmark and for curious hosts. */
  readonly timings: FigureTimings = { inference: [] };

  override connectedCallback(): void {
    super.connectedCallback();
    this.timings.connected ??= performance.now();

    if (this.loading === 'eager' || typeof IntersectionObserver === 'undefined') {
      this.#start();
      return;
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this.#start();
      },
      { rootMargin: '200px' },
    );
    this.#observer.observe(this);
    this.addEventListener('pointerenter', this.#start, { once: true });
    this.addEventListener('focusin', this.#start, { once: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#run?.abort();
    this.#releaseHeld();
    this.#started = false;
    this.#setStatus('idle');
  }

  protected override willUpdate(changed: PropertyValues): void {
    // `status` reports; it does not steer. A value set from outside (an
    // attribute in the page's HTML, say) is put back at once.
    if (changed.has('status') && this.status !== this.#status) this.status = this.#status;

    const ctor = this.constructor as typeof WalkthroughFigure;
    const rerun = ctor.runProperties.some((p) => changed.has(p));
    if (this.#started && rerun && this.hasUpdated) this.#schedule();
  }

  protected override firstUpdated(): void {
    this.timings.firstRender ??= performance.now();
  }

  /** Runs the model again now; resolves when the figure is ready or failed. */
  refresh(): Promise<void> {
    this.#started = true;
    this.#schedule();
    return this.#runPromise;
  }

  /** Resolves once the current run, if any, has finished. */
  get settled(): Promise<void> {
    return this.#runPromise;
  }

  /**
   * The figure as it is now, as a self-contained SVG document (canvases
   * embedded as PNG), for pages that take no interactive content.
   */
  toSVG(): string {
    return snapshotSvg(this);
  }

  /** The figure as it is now, as a PNG at `scale` times its size on screen. */
  toPNG(scale = 2): Promise<Blob> {
    return snapshotPng(this, scale);
  }

  /** Checks attribute values; returns a message for the first bad one. */
  protected validate(): string | undefined {
    if (!BACKEND_CHOICES.includes(this.backend)) {
      return badValue('backend', this.backend, BACKEND_CHOICES);
    }
    if (!LOADING_CHOICES.includes(this.loading)) {
      return badValue('loading', this.loading, LOADING_CHOICES);
    }
    return undefined;
  }

  /** Does the figure's work: load models and images, infer, keep results. */
  protected abstract execute(context: RunContext): Promise<void>;

  /** The figure's content below its title. */
  protected abstract renderBody(): unknown;

  /** The figure's visible title. */
  protected abstract get figureTitle(): string;

  /** One sentence on where the weights come from. */
  protected get weightsNote(): string {
    return '';
  }

  override render(): TemplateResult {
    return html`
      <div part="figure" role="figure" aria-labelledby="title">
        <h3 part="title" id="title">${this.figureTitle}</h3>
        ${
          this.status === 'error'
            ? html`<div part="alert" role="alert">${this.errorMessage}</div>`
            : // What an earlier run drew would be read as this input's result.
              this.renderBody()
        }
        <p part="footnote" aria-live="polite">
          ${this.renderStatus()}
          ${this.notice ? html`<span class="notice">${this.notice}</span>` : nothing}
          ${
            this.status === 'ready'
              ? html`<button part="save" type="button" @click=${this.#save}>Save as PNG</button>`
              : nothing
          }
        </p>
      </div>
    `;
  }

  protected renderStatus(): unknown {
    switch (this.status) {
      case 'idle':
        return 'Runs when scrolled into view.';
      case 'loading':
        return 'Running the model…';
      case 'error':
        return 'The figure could not run.';
      case 'ready': {
        const ran = this.ranOn
          ? `Ran on ${this.ranOn.backend === 'webgpu' ? 'WebGPU' : 'WASM'} in ${formatMs(this.ranOn.ms)}. `
          : '';
        return `${ran}${this.weightsNote}`;
      }
    }
  }

  #save = async (): Promise<void> => {
    const blob = await this.toPNG().catch(() => undefined);
    if (blob === undefined) {
      this.notice = 'This browser could not draw the figure as a picture.';
      return;
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${this.localName}.png`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  #start = (): void => {
    if (this.#started) return;
    this.#started = true;
    this.#observer?.disconnect();
    this.#schedule();
  };

  #schedule(): void {
    this.#run?.abort();
    const controller = new AbortController();
    this.#run = controller;
    this.#runPromise = this.#execute(controller);
  }

  async #execute(controller: AbortController): Promise<void> {
    const { signal } = controller;
    const next: SessionHandle[] = [];

    this.#setStatus('loading');
    this.errorMessage = '';
    try {
      const problem = this.validate();
      if (problem) {
        warnOnce('bad-attribute', this.localName, problem);
        throw new FigureError('bad-attribute', problem);
      }

      const { backend, fallback } = await resolveBackend(this.backend);
      this.notice = fallback ?? '';
      if (fallback) warnOnce('webgpu-unavailable', this.localName, fallback);

      let last = 0;
      await this.execute({
        signal,
        backend,
        session: async (url, contract) => {
          const handle = await acquireSession(url, backend, contract);
          next.push(handle);
          return handle;
        },
        infer: async (handle, feeds, outputs) => {
          const { outputs: result, ms } = await handle.run(feeds, outputs);
          last += ms;
          this.timings.inference.push(ms);
          return result;
        },
      });
      if (signal.aborted) return;

      this.#releaseHeld();
      this.#held = next.splice(0);
      this.ranOn = { backend, ms: last };
      this.#setStatus('ready');
      this.timings.ready = performance.now();
      await this.updateComplete;
      this.dispatchEvent(new FigureReadyEvent(backend, last));
    } catch (error) {
      if (signal.aborted) return;
      const failure = toFigureError(error, 'inference-failed');
      this.errorMessage = failure.message;
      this.#setStatus('error');
      await this.updateComplete;
      this.dispatchEvent(new FigureErrorEvent(failure.code, failure.message));
    } finally {
      for (const handle of next) handle.release();
    }
  }

  #setStatus(status: FigureStatus): void {
    this.#status = status;
    this.status = status;
  }

  #releaseHeld(): void {
    for (const handle of this.#held) handle.release();
    this.#held = [];
  }
}

/** The standard message for an attribute value that is not allowed. */
export function badValue(name: string, value: unknown, allowed: readonly unknown[]): string {
  return `${name}="${String(value)}" is not one of ${allowed.map((a) => `"${String(a)}"`).join(', ')}.`;
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
