/**
 * Redrawing charts as sliders move: calls that arrive during a redraw fold
 * into one more, and a chart whose container left the page (an error
 * state, a disconnect) during the await is released at once.
 */
import { renderChart, type Chart, type ChartSpec } from './charts.js';

/**
 * Wraps an async task so that calls arriving while it runs fold into one
 * more run: ten slider steps during a redraw redraw once more, not ten times.
 */
export function coalesce(task: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;

  const loop = async (): Promise<void> => {
    running = true;
    while (again) {
      again = false;
      await task().catch(onError);
    }
    running = false;
  };

  return () => {
    again = true;
    if (!running) void loop();
  };
}

/** Draws `spec` into `box` in place of `previous`; undefined if `box` left the page. */
export async function replaceChart(
  box: HTMLElement,
  spec: ChartSpec,
  host: Element,
  previous: Chart | undefined,
): Promise<Chart | undefined> {
  previous?.finalize();
  const chart = await renderChart(box, spec, host);
  if (box.isConnected) return chart;
  chart.finalize();
  return undefined;
}

/**
 * One chart that is redrawn as the reader moves a slider: draws run one at
 * a time and only the latest request is drawn, so fast key repeats never
 * leave two vega views fighting over one container.
 */
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
