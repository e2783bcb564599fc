/** The figure's numbers in words, for captions and screen readers. */
import type { Smoothing } from './results.js';
import { normalCdf } from './smoothing.js';

export const f = (v: number, digits = 2) => v.toFixed(digits).replace('-', '−');

/** The unsmoothed and the smoothed target value. */
export function describeValues(s: Smoothing): string {
  const m = s.smoothed;
  return (
    `μ(s) = ${f(s.mu)} N·m. Unsmoothed target value min(Q1, Q2)(s, μ(s)) = ${f(s.atMu)}; ` +
    `smoothed E[min(Q1, Q2)(s, ã)] = ${f(m.mean)} (95% interval ${f(m.low)} to ${f(m.high)}) ` +
    `over ${s.samples.length} draws of ã.`
  );
}

/** How much of the noise the clip catches. */
export function describeNoise(s: Smoothing): string {
  const tails = s.sigma > 0 ? 2 * normalCdf(-s.clip / s.sigma) : 0;
  return (
    `With σ = ${f(s.sigma)} and c = ${f(s.clip)} N·m, ${f(100 * tails, 1)}% of the noise ` +
    `lies beyond ±c and is set to ±c; ã is then clipped to the torque range [−2, 2].`
  );
}
