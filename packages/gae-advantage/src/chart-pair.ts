/**
 * The figure's two charts, redrawn when γ, λ or the step change. Input that
 * arrives while vega is drawing waits for one more pass, never a queue.
 */
import { renderChart, themeColors, type Chart } from '@model-walkthroughs/core';
import { advantageSpec, valueSpec, type Marks } from './chart.js';
import type { Estimates } from './gae.js';
import type { Rollout } from './rollout.js';

export interface ChartInput {
  rollout: Rollout;
  values: Float64Array;
  estimates: Estimates;
  selected: number;
  description: string;
}

export class ChartPair {
  #host: HTMLElement;
  #charts: Chart[] = [];
  #drawing?: Promise<void>;
  #again = false;

  /** `host` is the figure: its shadow root holds the containers, its theme the colours. */
  constructor(host: HTMLElement) {
    this.#host = host;
  }

  /** Draws with what `input()` gives now, and again if asked meanwhile. */
  async draw(input: () => ChartInput | undefined): Promise<void> {
    if (this.#drawing) {
      this.#again = true;
      return this.#drawing;
    }
    this.#drawing = (async () => {
      do {
        this.#again = false;
        const now = input();
        if (now) await this.#drawOnce(now);
      } while (this.#again);
    })();
    try {
      await this.#drawing;
    } finally {
      this.#drawing = undefined;
    }
  }

  /** Lets go of both views (their resize observers included). */
  finalize(): void {
    for (const chart of this.#charts) chart.finalize();
    this.#charts = [];
  }

  async #drawOnce({ rollout, values, estimates: e, selected, description }: ChartInput) {
    const root = this.#host.shadowRoot;
    const boxes = ['advantage', 'value'].map((n) =>
      root?.querySelector<HTMLElement>(`[data-chart=${n}]`),
    );
    if (boxes.some((b) => !b)) return;

    const { pushes, rewards } = rollout;
    const first = pushes.findIndex((f) => f !== 0);
    const marks: Marks = {
      selected,
      push: first < 0 ? undefined : [first, first + pushes.filter((f) => f !== 0).length],
      pushColor: themeColors(this.#host).skip,
    };
    const monteCarlo = e.returns.map((g, t) => g - values[t]!);
    const specs = [
      advantageSpec({ ...e, monteCarlo }, marks, description),
      valueSpec(
        { values: values.subarray(0, rewards.length), returns: e.returns },
        marks,
        description,
      ),
    ];
    const charts = await Promise.all(
      specs.map((spec, i) => renderChart(boxes[i]!, spec, this.#host)),
    );
    // vega-embed emptied the containers; the old views only need stopping.
    this.finalize();
    this.#charts = charts;
  }
}
