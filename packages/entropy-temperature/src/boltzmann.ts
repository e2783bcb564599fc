/**
 * The maximum-entropy policy for a fixed critic: π_α(a|s) ∝ exp(Q(s,a)/α)
 * over a grid of actions (Haarnoja et al. 2017, Eq. 6; SAC's policy
 * improvement step projects onto this). Pure functions: the figure feeds
 * them the trained critics' Q values for a Pendulum state.
 */

/** What a temperature makes of one state's Q values. */
export interface BoltzmannStats {
  alpha: number;
  /** π_α over the grid; sums to 1. */
  probs: Float64Array;
  /**
   * Differential entropy in nats, each grid action standing for a cell of
   * width `da`: −Σ p log(p / da). log(n·da) for the uniform policy.
   */
  entropy: number;
  /** E_π[Q(s, a)]. */
  expectedQ: number;
  /** The soft value V = α log Σ exp(Q/α)·da = E_π[Q] + α·H. */
  softValue: number;
}

/** π_α, its entropy, E[Q] and the soft value, computed stably in float64. */
export function boltzmann(q: ArrayLike<number>, alpha: number, da: number): BoltzmannStats {
  let max = -Infinity;
  for (let i = 0; i < q.length; i++) max = Math.max(max, q[i]!);
  const probs = new Float64Array(q.length);
  let z = 0;
  for (let i = 0; i < q.length; i++) z += probs[i] = Math.exp((q[i]! - max) / alpha);
  let entropy = 0;
  let expectedQ = 0;
  for (let i = 0; i < q.length; i++) {
    const p = (probs[i]! /= z);
    if (p > 0) entropy -= p * Math.log(p / da);
    expectedQ += p * q[i]!;
  }
  const softValue = max + alpha * (Math.log(z) + Math.log(da));
  return { alpha, probs, entropy, expectedQ, softValue };
}

/**
 * The α at which π_α's entropy equals `target`, by bisection on log α
 * (entropy rises with α); undefined when [lo, hi] does not bracket it.
 */
export function alphaForEntropy(
  q: ArrayLike<number>,
  da: number,
  target: number,
  lo = 1e-4,
  hi = 1e3,
): number | undefined {
  const h = (alpha: number) => boltzmann(q, alpha, da).entropy - target;
  if (h(lo) > 0 || h(hi) < 0) return undefined;
  let [a, b] = [Math.log(lo), Math.log(hi)];
  for (let i = 0; i < 60; i++) {
    const m = (a + b) / 2;
    if (h(Math.exp(m)) < 0) a = m;
    else b = m;
  }
  return Math.exp((a + b) / 2);
}

/**
 * SAC's temperature loss J(α) = E[−α(log π(a|s) + H̄)] (Haarnoja et al.
 * 2018b, Eq. 18) for sampled log-probabilities, and its derivative in α,
 * which is E[−log π] − H̄ with the sign flipped: gradient descent lowers α
 * while the entropy is above the target and raises it below.
 */
export function temperatureLoss(
  alpha: number,
  logProbs: ArrayLike<number>,
  targetEntropy: number,
): { loss: number; gradient: number } {
  let mean = 0;
  for (let i = 0; i < logProbs.length; i++) mean += logProbs[i]!;
  mean /= logProbs.length;
  return { loss: -alpha * (mean + targetEntropy), gradient: -(mean + targetEntropy) };
}
