/**
 * The two charts: V(sₜ) against the discounted return Gₜ, and δₜ, Âₜ and
 * Gₜ − V(sₜ) against t. Âₜ lies on δₜ at λ = 0 and on Gₜ − V(sₜ) at λ = 1.
 */
import type { ChartSpec } from '@model-walkthroughs/core';

export const SERIES = {
  advantage: 'Âₜ (GAE)',
  delta: 'δₜ (TD error)',
  monteCarlo: 'Gₜ − V(sₜ) (λ = 1 target)',
  value: 'V(sₜ) (critic)',
  ret: 'Gₜ (discounted return)',
} as const;

const LEGEND = { orient: 'bottom', direction: 'horizontal', title: null };

interface Series {
  name: string;
  values: ArrayLike<number>;
}

/** Where the push acted: [first step, last step + 1], or none. */
export type PushSpan = [number, number] | undefined;

/** What both charts share: the step marked, the push and its colour. */
export interface Marks {
  selected: number;
  push: PushSpan;
  pushColor: string;
}

function layers(series: Series[], { selected, push, pushColor }: Marks, yTitle: string): unknown[] {
  const names = series.map((s) => s.name);
  const out: unknown[] = [];
  if (push) {
    out.push({
      data: { values: [{ from: push[0], to: push[1], what: 'push' }] },
      mark: { type: 'rect', opacity: 0.18, color: pushColor },
      encoding: { x: { field: 'from', type: 'quantitative' }, x2: { field: 'to' } },
    });
  }
  // One layer per series, so each keeps its own width and dash; the shared
  // colour domain merges their legends into one.
  const color = { field: 'series', type: 'nominal', scale: { domain: names }, legend: LEGEND };
  series.forEach((s, i) => {
    out.push({
      data: { values: Array.from(s.values, (value, t) => ({ t, series: s.name, value })) },
      mark: { type: 'line', strokeWidth: i === 0 ? 3 : 1.5, strokeDash: i === 2 ? [6, 4] : [1, 0] },
      encoding: {
        x: { field: 't', type: 'quantitative', title: 'time step t' },
        y: { field: 'value', type: 'quantitative', title: yTitle },
        color,
        tooltip: [{ field: 'series' }, { field: 't' }, { field: 'value', format: '.4f' }],
      },
    });
  });
  out.push({
    data: { values: [{ t: selected }] },
    mark: { type: 'rule', strokeDash: [2, 2] },
    encoding: { x: { field: 't', type: 'quantitative' } },
  });
  return out;
}

/** δₜ, Âₜ and Gₜ − V(sₜ) against t, the step `selected` marked. */
export function advantageSpec(
  data: { advantages: ArrayLike<number>; deltas: ArrayLike<number>; monteCarlo: ArrayLike<number> },
  marks: Marks,
  description: string,
): ChartSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    height: 160,
    layer: layers(
      [
        { name: SERIES.advantage, values: data.advantages },
        { name: SERIES.delta, values: data.deltas },
        { name: SERIES.monteCarlo, values: data.monteCarlo },
      ],
      marks,
      'advantage',
    ),
  };
}

/** V(sₜ) and Gₜ against t. */
export function valueSpec(
  data: { values: ArrayLike<number>; returns: ArrayLike<number> },
  marks: Marks,
  description: string,
): ChartSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    height: 100,
    layer: layers(
      [
        { name: SERIES.value, values: data.values },
        { name: SERIES.ret, values: data.returns },
      ],
      marks,
      'return',
    ),
  };
}
