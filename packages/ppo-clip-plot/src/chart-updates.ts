/**
 * Redrawing charts as sliders move: calls that arrive during a redraw fold
 * into one more, and a chart whose container left the page (an error
 * state, a disconnect) during the await is released at once.
 */
import { renderChart, type Chart, type ChartSpec } from '@model-walkthroughs/core';

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
