/**
 * Steps a figure on animation frames while it plays and is on screen: at
 * most one step a frame, `rate()` steps a second on average. Stops when
 * the figure scrolls out of view or leaves the page, so no frame callback
 * outlives it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PlaybackOptions {
  /** Takes one step; the next waits until it has settled. */
  step(): Promise<void>;
  /** Steps per second. */
  rate(): number;
  /** Whether the figure wants to play (playing and ready). */
  enabled(): boolean;
}

export class Playback implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #options: PlaybackOptions;
  #observer?: IntersectionObserver;
  #visible = true;
  #frame = 0;
  #last = 0;
  #due = 0;
  #pending = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: PlaybackOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether any part of the figure is in the viewport. */
  get visible(): boolean {
    return this.#visible;
  }

  hostConnected(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    this.#observer = new IntersectionObserver((entries) => {
      this.#visible = entries.at(-1)!.isIntersecting;
      this.sync();
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  /** Lets `seconds` of play pass before the next step (after an episode ends). */
  hold(seconds: number): void {
    this.#due = -seconds * this.#options.rate();
  }

  /** Starts or stops the frame loop to match the figure's state. */
  sync(): void {
    const run = this.#options.enabled() && this.#visible && this.#host.isConnected;
    if (run && this.#frame === 0) {
      this.#last = 0;
      this.#frame = requestAnimationFrame(this.#tick);
    } else if (!run && this.#frame !== 0) {
      cancelAnimationFrame(this.#frame);
      this.#frame = 0;
    }
  }

  #tick = (now: number): void => {
    this.#frame = 0;
    this.sync();
    if (this.#frame === 0) return;

    // A long gap (a background tab) does not turn into a burst of steps.
    const elapsed = this.#last === 0 ? 1000 / 60 : Math.min(now - this.#last, 100);
    this.#last = now;
    this.#due = Math.min(this.#due + (elapsed * this.#options.rate()) / 1000, 1.5);
    if (this.#due >= 1 && !this.#pending) {
      this.#due -= 1;
      this.#pending = true;
      void this.#options.step().finally(() => (this.#pending = false));
    }
  };
}
