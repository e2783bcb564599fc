/**
 * Vega-Lite charts inside shadow roots. vega-embed and the CSP-safe
 * expression interpreter are imported on first use only; charts render as
 * SVG (which carries ARIA roles) and follow the host's width.
 */
import { themeColors } from './theme.js';

/** A Vega-Lite specification; kept loose so core does not import vega types. */
export type ChartSpec = Record<string, unknown>;

/** A rendered chart; call `finalize()` when its element leaves the page. */
export interface Chart {
  finalize(): void;
}

type EmbedModule = typeof import('vega-embed');
type InterpreterModule = typeof import('vega-interpreter');

let modules: Promise<[EmbedModule, InterpreterModule]> | undefined;

function loadVega(): Promise<[EmbedModule, InterpreterModule]> {
  modules ??= Promise.all([import('vega-embed'), import('vega-interpreter')]);
  return modules;
}

/**
 * Renders a spec into `container`. The chart takes the container's width
 * and redraws when it changes; colours and fonts come from the theme tokens
 * of `themeSource`.
 */
export async function renderChart(
  container: HTMLElement,
  spec: ChartSpec,
  themeSource: Element = container,
): Promise<Chart> {
  const [{ default: embed }, { expressionInterpreter }] = await loadVega();
  const colors = themeColors(themeSource);

  // The chart takes its width from the container, so the container must
  // not take its width from the chart (vega-embed's default inline-block
  // would): the two would chase each other into a ResizeObserver loop.
  container.style.display = 'block';
  container.style.width = '100%';
  const width = Math.max(200, container.clientWidth - 60);

  const result = await embed(container, { ...spec, width } as never, {
    renderer: 'svg',
    actions: false,
    defaultStyle: false,
    // The interpreter evaluates expressions without eval(), so charts work
    // under a Content-Security-Policy that forbids 'unsafe-eval'.
    ast: true,
    expr: expressionInterpreter,
    config: {
      background: 'transparent',
      font: 'system-ui, sans-serif',
      axis: {
        labelColor: colors.muted,
        titleColor: colors.fg,
        gridColor: colors.border,
        domainColor: colors.muted,
        tickColor: colors.muted,
      },
      legend: { labelColor: colors.fg, titleColor: colors.fg },
      title: { color: colors.fg },
      // Marks that name no colour of their own would be vega's black,
      // unreadable on a dark page.
      text: { color: colors.fg },
      rule: { color: colors.muted },
      view: { stroke: 'transparent' },
      range: { category: [colors.accent, colors.skip, '#2e8b57', '#8e44ad'] },
    },
  });

  await fitWidth(container, result.view);

  let frame = 0;
  let lastWidth = container.clientWidth;
  const observer = new ResizeObserver(() => {
    // Only width matters, and redrawing inside the observer callback would
    // resize the container again in the same frame: defer to the next one.
    if (container.clientWidth === lastWidth) return;
    lastWidth = container.clientWidth;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const next = Math.max(200, container.clientWidth - 60);
      if (Math.abs(next - result.view.width()) > 4) {
        void result.view
          .width(next)
          .runAsync()
          .then(() => fitWidth(container, result.view));
      }
    });
  });
  observer.observe(container);

  return {
    finalize() {
      cancelAnimationFrame(frame);
      observer.disconnect();
      result.finalize();
    },
  };
}

/**
 * The plot width leaves room for axes, but a legend at the side or long
 * labels can still make the drawing wider than its container (a sideways
 * scroll on a phone): narrow the plot by the overflow.
 */
async function fitWidth(
  container: HTMLElement,
  view: { width(): number; width(w: number): { runAsync(): Promise<unknown> } },
): Promise<void> {
  const drawn = container.querySelector('svg')?.getBoundingClientRect().width ?? 0;
  const overflow = Math.ceil(drawn - container.clientWidth);
  if (overflow > 0) await view.width(Math.max(120, view.width() - overflow)).runAsync();
}
