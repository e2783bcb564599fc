/**
 * TD3's target policy smoothing and delayed updates (Fujimoto et al. 2018,
 * section 5): ã = clip(μ′(s′) + clip(ε, −c, c), −2, 2), ε ~ N(0, σ²), and
 * an actor that moves only every d-th critic update.
 */
import { MAX_TORQUE } from '@model-walkthroughs/twin-critics';

/** A seeded source of standard normal draws (environments' `Random`). */
export interface NormalSource {
  normal(): number;
}

export function clip(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/** The smoothed target action for one noise draw ε. */
export function targetAction(mu: number, epsilon: number, c: number): number {
  return clip(mu + clip(epsilon, -c, c), -MAX_TORQUE, MAX_TORQUE);
}

/** `n` seeded target actions around μ. */
export function sampleTargetActions(
  mu: number,
  sigma: number,
  c: number,
  n: number,
  random: NormalSource,
): Float32Array {
  return Float32Array.from({ length: n }, () => targetAction(mu, sigma * random.normal(), c));
}

/** Φ(x), the standard normal CDF (erfc by Numerical Recipes' erfcc, |error| < 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const poly = [
    -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398,
    1.48851587, -0.82215223, 0.17087277,
  ].reduceRight((acc, k) => acc * t + k, 0);
  const erfc = t * Math.exp(-z * z + poly);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * P(ã < a): the noise's Gaussian CDF between the clip points, which hold
 * the mass of both tails (atoms at max(−2, μ − c) and min(2, μ + c)).
 */
export function targetCdf(a: number, mu: number, sigma: number, c: number): number {
  const lo = Math.max(-MAX_TORQUE, mu - c);
  const hi = Math.min(MAX_TORQUE, mu + c);
  if (a <= lo) return 0;
  if (a > hi) return 1;
  if (sigma === 0) return a > mu ? 1 : 0;
  return normalCdf((a - mu) / sigma);
}

/** Mean and the 95% interval of the mean (normal approximation). */
export function meanInterval(values: ArrayLike<number>): {
  mean: number;
  low: number;
  high: number;
} {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
  const half = n > 1 ? 1.959964 * Math.sqrt(squares / (n - 1) / n) : 0;
  return { mean, low: mean - half, high: mean + half };
}

/**
 * Which of the first `count` updates move the actor and the target
 * networks: every d-th, counting updates from 1 as TD3's reference code
 * does (`if it % policy_freq == 0` after the increment).
 */
export function delaySchedule(count: number, d: number): boolean[] {
  return Array.from({ length: count }, (_, i) => (i + 1) % d === 0);
}

/** Bins of width `w` across [−2, 2]; the last one holds a = 2 as well. */
export function binIndex(a: number, w: number): number {
  const bins = Math.round((2 * MAX_TORQUE) / w);
  return clip(Math.floor((a + MAX_TORQUE) / w), 0, bins - 1);
}

/** How many of `actions` fall in each bin of width `w`. */
export function histogram(actions: ArrayLike<number>, w: number): number[] {
  const counts = new Array<number>(Math.round((2 * MAX_TORQUE) / w)).fill(0);
  for (let i = 0; i < actions.length; i++) counts[binIndex(actions[i]!, w)]!++;
  return counts;
}

/** What the distribution of ã puts in each bin, times `n` draws. */
export function expectedCounts(
  mu: number,
  sigma: number,
  c: number,
  n: number,
  w: number,
): number[] {
  const bins = Math.round((2 * MAX_TORQUE) / w);
  return Array.from({ length: bins }, (_, j) => {
    const upper = j === bins - 1 ? 1 : targetCdf(-MAX_TORQUE + (j + 1) * w, mu, sigma, c);
    return n * (upper - targetCdf(-MAX_TORQUE + j * w, mu, sigma, c));
  });
}
