/**
 * The overestimation experiment of Fujimoto et al. 2018, section 4, in
 * miniature: a known value curve q(a), critics that see it through
 * independent zero-mean Gaussian errors, and how far the targets built
 * from them land from max_a q(a).
 */

/** A seeded source of standard normal draws (environments' `Random`). */
export interface NormalSource {
  normal(): number;
}

/** The index of the largest value (the first one on ties). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** Bias of each target over the draws, one value per draw. */
export interface Overestimation {
  /** max_a (q + ε)(a) − max_a q(a): one critic, as in DQN and DDPG. */
  single: Float64Array;
  /** min(q + ε₁, q + ε₂)(a*) − max_a q(a) at a* = argmax_a (q + ε₁)(a): TD3's target. */
  clipped: Float64Array;
}

/**
 * Draws `samples` pairs of error curves ε₁, ε₂ ~ N(0, σ²) (independent per
 * action) and measures both targets against the true maximum. The actor
 * follows the first critic, as TD3's does (section 4.2).
 */
export function overestimation(
  q: ArrayLike<number>,
  sigma: number,
  samples: number,
  random: NormalSource,
): Overestimation {
  const k = q.length;
  let trueMax = -Infinity;
  for (let i = 0; i < k; i++) trueMax = Math.max(trueMax, q[i]!);

  const single = new Float64Array(samples);
  const clipped = new Float64Array(samples);
  const first = new Float64Array(k);
  for (let n = 0; n < samples; n++) {
    for (let i = 0; i < k; i++) first[i] = q[i]! + sigma * random.normal();
    const best = argmax(first);
    // ε₂ is needed only where the actor points; a draw elsewhere would not
    // change the target, so one draw stands for the whole curve.
    const second = q[best]! + sigma * random.normal();
    single[n] = first[best]! - trueMax;
    clipped[n] = Math.min(first[best]!, second) - trueMax;
  }
  return { single, clipped };
}

/** Mean and the 95% interval of the mean (normal approximation). */
export interface MeanInterval {
  mean: number;
  low: number;
  high: number;
}

export function meanInterval(values: ArrayLike<number>): MeanInterval {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
  const half = n > 1 ? 1.959964 * Math.sqrt(squares / (n - 1) / n) : 0;
  return { mean, low: mean - half, high: mean + half };
}
