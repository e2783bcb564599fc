/** Vega-Lite specs: the critic with the target actions on it, and their distribution. */
import type { ChartSpec } from '@model-walkthroughs/core';
import { MAX_TORQUE } from '@model-walkthroughs/twin-critics';
import type { Smoothing } from './results.js';
import { expectedCounts, histogram } from './smoothing.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const BOTTOM = { orient: 'bottom', direction: 'vertical' };
const X = {
  field: 'a',
  type: 'quantitative',
  title: 'action a (torque)',
  scale: { domain: [-2, 2] },
};

/** Width of the distribution's bins, in newton-metres. */
export const BIN = 0.05;

/** min(Q1, Q2)(s, ·), the clip range, μ(s) and the seeded ã on the curve. */
export function criticSpec(s: Smoothing, caption: string): ChartSpec {
  const line = [...s.actions].map((a, i) => ({ a, q: s.curve[i] }));
  const dots = [...s.samples].map((a, i) => ({ a, q: s.sampleQ[i] }));
  const y = {
    field: 'q',
    type: 'quantitative',
    title: 'min(Q1, Q2)(s, a)',
    scale: { zero: false },
  };
  const lo = Math.max(-MAX_TORQUE, s.mu - s.clip);
  const hi = Math.min(MAX_TORQUE, s.mu + s.clip);
  // Labels sit on the side away from the draws: μ(s) names its rule at the
  // top, the mean names its own at the far end.
  const right = s.mu > 0;
  const text = {
    x: { type: 'text', align: right ? 'right' : 'left', dx: right ? -4 : 4, y: 0, baseline: 'top' },
    y: { type: 'text', align: right ? 'left' : 'right', x: right ? 0 : 'width', dy: -6 },
  };
  const mark = (label: string, at: Record<string, number>, key: 'x' | 'y', dash = [4, 3]) => ({
    data: { values: [{ ...at, label }] },
    layer: [
      {
        mark: { type: 'rule', strokeDash: dash },
        encoding: { [key]: { field: key, type: 'quantitative' } },
      },
      {
        mark: text[key],
        encoding: { [key]: { field: key, type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  });
  return {
    $schema: SCHEMA,
    description: caption,
    height: 220,
    layer: [
      {
        data: { values: [{ lo, hi }] },
        mark: { type: 'rect', opacity: 0.12 },
        encoding: { x: { ...X, field: 'lo' }, x2: { field: 'hi' } },
      },
      { data: { values: line }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x: X, y } },
      {
        data: { values: dots },
        mark: { type: 'point', filled: true, size: 18, opacity: 0.45, color: '#c2410c' },
        encoding: { x: X, y },
      },
      mark('μ(s)', { x: s.mu }, 'x'),
      mark('E[Q(s, ã)]', { y: s.smoothed.mean }, 'y', [2, 2]),
    ],
  };
}

/** Sampled ã per bin against what the clipped-noise distribution expects. */
export function distributionSpec(s: Smoothing, caption: string): ChartSpec {
  const n = s.samples.length;
  const got = histogram(s.samples, BIN);
  const want = expectedCounts(s.mu, s.sigma, s.clip, n, BIN);
  const values = got.flatMap((count, j) => {
    const a = -MAX_TORQUE + j * BIN;
    return count || want[j]! > 0.05 ? [{ a, b: a + BIN, count, want: want[j] }] : [];
  });
  const color = (label: string) => ({ datum: label, type: 'nominal', title: null, legend: BOTTOM });
  return {
    $schema: SCHEMA,
    description: caption,
    height: 120,
    data: { values },
    layer: [
      {
        mark: { type: 'rect', opacity: 0.7 },
        encoding: {
          x: X,
          x2: { field: 'b' },
          y: { field: 'count', type: 'quantitative', title: 'draws' },
          color: color(`${n} seeded ã`),
        },
      },
      {
        mark: { type: 'tick', thickness: 2 },
        encoding: {
          x: { field: 'c', type: 'quantitative', title: X.title },
          y: { field: 'want', type: 'quantitative' },
          color: color('expected'),
        },
      },
    ],
    transform: [{ calculate: `datum.a + ${BIN / 2}`, as: 'c' }],
  };
}
