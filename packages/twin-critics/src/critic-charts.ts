/** Vega-Lite specs of the figure's three charts. */
import type { ChartSpec } from '@model-walkthroughs/core';
import type { Overestimation } from './overestimation.js';
import type { CriticEstimate, Evaluation } from './results.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const BOTTOM = { orient: 'bottom', direction: 'vertical', labelLimit: 400 };
export const CURVES = ['Q1', 'Q2', 'min(Q1, Q2)'] as const;

/** Q1, Q2 and their minimum against the torque, μ(s) and each argmax marked. */
export function curveSpec(e: Evaluation, caption: string): ChartSpec {
  const curves = [e.q1, e.q2, e.min];
  const lines = [];
  const peaks = [];
  for (const [c, values] of curves.entries()) {
    for (const [i, a] of e.actions.entries()) lines.push({ a, curve: CURVES[c], q: values[i] });
    const i = e.argmax[c]!;
    peaks.push({ a: e.actions[i], curve: CURVES[c], q: values[i] });
  }
  const x = { field: 'a', type: 'quantitative', title: 'action a (torque)' };
  const y = { field: 'q', type: 'quantitative', title: 'Q(s, a)', scale: { zero: false } };
  const color = { field: 'curve', type: 'nominal', title: null, sort: CURVES, legend: BOTTOM };
  return {
    $schema: SCHEMA,
    description: caption,
    height: 220,
    layer: [
      {
        data: { values: lines },
        mark: { type: 'line', strokeWidth: 2 },
        // The minimum lies on top of Q1 or Q2 everywhere: dashed, it lets
        // the curve beneath show through.
        encoding: {
          x,
          y,
          color,
          strokeDash: {
            field: 'curve',
            type: 'nominal',
            legend: null,
            scale: {
              domain: CURVES,
              range: [
                [1, 0],
                [1, 0],
                [6, 4],
              ],
            },
          },
        },
      },
      {
        data: { values: peaks },
        mark: { type: 'point', filled: true, size: 70 },
        encoding: { x, y, color, tooltip: [{ field: 'curve' }, { field: 'a', title: 'argmax a' }] },
      },
      {
        data: { values: [{ a: e.mu, label: 'μ(s)' }] },
        layer: [
          { mark: { type: 'rule', strokeDash: [4, 3] }, encoding: { x } },
          {
            mark: { type: 'text', dy: -6, baseline: 'bottom', y: 0 },
            encoding: { x, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
}

export const METHODS = ['one critic: max (Q + ε)', 'two critics: min (Q1 + ε1, Q2 + ε2)'];

/** Histograms of the two targets' bias over the draws, zero marked. */
export function biasSpec(o: Overestimation, caption: string): ChartSpec {
  const values = [];
  for (const bias of o.single) values.push({ m: METHODS[0], bias });
  for (const bias of o.clipped) values.push({ m: METHODS[1], bias });
  return {
    $schema: SCHEMA,
    description: caption,
    height: 160,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', opacity: 0.6 },
        encoding: {
          x: { field: 'bias', bin: { maxbins: 40 }, title: 'target − true max' },
          y: { aggregate: 'count', stack: null, title: 'draws' },
          color: { field: 'm', type: 'nominal', title: null, sort: METHODS, legend: BOTTOM },
        },
      },
      {
        data: { values: [{ x: 0 }] },
        mark: 'rule',
        encoding: { x: { field: 'x', type: 'quantitative' } },
      },
    ],
  };
}

const SERIES = {
  q1: 'Q1',
  q2: 'Q2',
  minQ: 'min(Q1, Q2)',
  discountedReturn: 'measured discounted return',
} as const;

/** The recorded mean estimates at start states against the measured return. */
export function recordSpec(record: CriticEstimate[], caption: string): ChartSpec {
  const values = record.flatMap((r) =>
    (Object.keys(SERIES) as (keyof typeof SERIES)[]).map((k) => ({
      steps: r.envSteps,
      s: SERIES[k],
      v: r[k],
    })),
  );
  return {
    $schema: SCHEMA,
    description: caption,
    height: 180,
    data: { values },
    mark: { type: 'line', strokeWidth: 2 },
    encoding: {
      x: { field: 'steps', type: 'quantitative', title: 'environment steps' },
      y: { field: 'v', type: 'quantitative', title: 'value at start states' },
      color: {
        field: 's',
        type: 'nominal',
        title: null,
        sort: Object.values(SERIES),
        legend: BOTTOM,
      },
      strokeDash: {
        condition: { test: `datum.s === '${SERIES.discountedReturn}'`, value: [5, 3] },
        value: [1, 0],
      },
    },
  };
}
