/**
 * The two panels: the density of u ~ N(μ, σ²) and of a = tanh(u), each
 * with a histogram of the current reparameterised samples.
 */
import type { ChartSpec } from '@model-walkthroughs/core';
import { histogram, normalPdf, squashedPdf } from './tanh-gaussian.js';

/** The range of u plotted. */
export const U_RANGE = [-8, 8] as const;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * One panel's spec: `before` plots u, `after` plots a = tanh(u); `marker`
 * is the first sample's u or a, drawn as a dashed rule.
 */
export function densitySpec(
  which: 'before' | 'after',
  mu: number,
  sigma: number,
  samples: ArrayLike<number>,
  marker: number,
  colors: { accent: string; muted: string; skip: string },
  caption: string,
): ChartSpec {
  const before = which === 'before';
  const [lo, hi] = before ? U_RANGE : [-1, 1];
  const n = 400;
  const u0 = Math.max(-9, Math.min(-5, mu - 5 * sigma));
  const u1 = Math.min(9, Math.max(5, mu + 5 * sigma));
  const curve = [];
  for (let i = 0; i <= n; i++) {
    // a is tanh of a grid in u that covers μ ± 5σ, so the curve follows a
    // density squeezed against ±1; it stops short of ±1, where 1 − a² is 0.
    const x = before ? lo + ((hi - lo) * i) / n : Math.tanh(u0 + ((u1 - u0) * i) / n);
    curve.push({ x, density: before ? normalPdf(x, mu, sigma) : squashedPdf(x, mu, sigma) });
  }
  const bins = histogram(samples, lo, hi, before ? 64 : 40);
  const width = (hi - lo) / bins.length;
  const x = {
    field: 'x',
    type: 'quantitative',
    scale: { domain: [lo, hi] },
    title: before ? 'u = μ + σε (before tanh)' : 'a = tanh(u) (Pendulum torque = 2a)',
  };
  // Near a = ±1 the density can shoot up (σ large); cap the axis at what
  // the histogram and the curve away from the edges need, and clip.
  let top = 0;
  for (const b of bins) top = Math.max(top, b.density);
  for (const c of curve)
    if (Math.abs(c.x) < (before ? Infinity : 0.97)) top = Math.max(top, c.density);
  const y = {
    field: 'density',
    type: 'quantitative',
    scale: { domain: [0, 1.1 * top] },
    title: before ? 'density of u' : 'density of a',
  };

  return {
    $schema: SCHEMA,
    description: caption,
    height: 170,
    layer: [
      {
        data: { values: bins.map((b) => ({ ...b, x: b.x - width / 2, x2: b.x + width / 2 })) },
        mark: { type: 'rect', color: colors.muted, opacity: 0.45, clip: true, aria: false },
        encoding: { x, x2: { field: 'x2' }, y },
      },
      {
        data: { values: curve },
        mark: { type: 'line', color: colors.accent, strokeWidth: 2.5, clip: true, aria: false },
        encoding: { x, y },
      },
      {
        // The sample whose log π the figure works through.
        data: { values: [{ x: marker }] },
        mark: { type: 'rule', color: colors.skip, strokeWidth: 2, strokeDash: [4, 3], aria: false },
        encoding: { x },
      },
    ],
  };
}
