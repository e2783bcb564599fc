/**
 * PPO's clipped surrogate objective for one sample (Schulman et al. 2017,
 * Eq. 7) and the batch statistics the figure prints. Pure functions, so the
 * tests check them on hand-worked cases.
 */

/** One sample of a PPO minibatch: probability ratio r and advantage Â. */
export interface RatioSample {
  ratio: number;
  advantage: number;
}

/** clip(x, lo, hi). */
export function clip(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** L^CLIP = min(r·Â, clip(r, 1 − ε, 1 + ε)·Â). */
export function clipObjective(ratio: number, advantage: number, epsilon: number): number {
  return Math.min(ratio * advantage, clip(ratio, 1 - epsilon, 1 + epsilon) * advantage);
}

/**
 * Whether the min picks the clipped, constant term, so the sample adds no
 * gradient: Â > 0 and r > 1 + ε, or Â < 0 and r < 1 − ε. On the other side
 * of 1 the min keeps r·Â, which still pulls the ratio back.
 */
export function isZeroGradient(ratio: number, advantage: number, epsilon: number): boolean {
  return (advantage > 0 && ratio > 1 + epsilon) || (advantage < 0 && ratio < 1 - epsilon);
}

/**
 * The interval of r where L^CLIP is flat for an advantage of this sign:
 * (1 + ε, ∞) for Â > 0, (0, 1 − ε) for Â < 0 (r is a ratio of
 * probabilities, so never negative).
 */
export function flatRegion(sign: 1 | -1, epsilon: number): [number, number] {
  return sign > 0 ? [1 + epsilon, Infinity] : [0, 1 - epsilon];
}

/**
 * The clip fraction as PPO implementations log it (CleanRL, Stable
 * Baselines3): the share of samples with |r − 1| > ε, whatever the sign of
 * Â.
 */
export function clipFraction(samples: readonly RatioSample[], epsilon: number): number {
  if (samples.length === 0) return 0;
  let n = 0;
  for (const { ratio } of samples) if (Math.abs(ratio - 1) > epsilon) n++;
  return n / samples.length;
}

/** The share of samples whose gradient the clip removes (see isZeroGradient). */
export function zeroGradientFraction(samples: readonly RatioSample[], epsilon: number): number {
  if (samples.length === 0) return 0;
  let n = 0;
  for (const s of samples) if (isZeroGradient(s.ratio, s.advantage, epsilon)) n++;
  return n / samples.length;
}
