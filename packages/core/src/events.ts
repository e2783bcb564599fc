import type { FigureErrorCode } from './errors.js';
import type { ResolvedBackend } from './runtime.js';

/** Fired when a figure has run its model and drawn the result. */
export class FigureReadyEvent extends Event {
  static readonly eventName = 'ready';

  readonly backend: ResolvedBackend | undefined;
  readonly inferenceMs: number | undefined;

  constructor(backend?: ResolvedBackend, inferenceMs?: number) {
    super(FigureReadyEvent.eventName, { bubbles: true, composed: true });
    this.backend = backend;
    this.inferenceMs = inferenceMs;
  }
}

/**
 * Fired when a figure cannot show its content. The host page keeps working;
 * the same message is shown inside the figure.
 *
 * Like the native `error` event of <img> and <script>, it does not bubble:
 * a bubbling `error` would reach `window.onerror` and error trackers as if
 * the page had thrown. Listen on the figure itself.
 */
export class FigureErrorEvent extends Event {
  static readonly eventName = 'error';

  readonly code: FigureErrorCode;
  readonly message: string;

  constructor(code: FigureErrorCode, message: string) {
    super(FigureErrorEvent.eventName, { bubbles: false, composed: true });
    this.code = code;
    this.message = message;
  }
}

declare global {
  interface HTMLElementEventMap {
    ready: FigureReadyEvent;
  }
}
