/**
 * One chart that is redrawn as the reader moves a slider: draws run one at
 * a time and only the latest request is drawn, so fast key repeats never
 * leave two vega views fighting over one container.
 */
import { renderChart, type Chart, type ChartSpec } from '@model-walkthroughs/core';

export class ChartSlot {
  #chart?: Chart;
  #queue: Promise<void> = Promise.resolve();
  #wanted = 0;

  /** Draws `spec` into the container `find` returns, when drawn at all. */
  draw(find: () => HTMLElement | null, spec: ChartSpec, theme: Element): Promise<void> {
    const mine = ++this.#wanted;
    const turn = this.#queue.then(async () => {
      if (mine !== this.#wanted) return;
      const container = find();
      this.#chart?.finalize();
      this.#chart = undefined;
      if (container === null) return;
      const chart = await renderChart(container, spec, theme);
      if (mine === this.#wanted) this.#chart = chart;
      else chart.finalize();
    });
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  /** Drops the view, for a container that is gone. */
  clear(): void {
    this.#wanted++;
    this.#chart?.finalize();
    this.#chart = undefined;
  }
}
