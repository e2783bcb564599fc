/**
 * Generalised advantage estimation (Schulman et al. 2016, Eqs. 11–16) on
 * one rollout, in float64. Index t runs over the T steps taken; `values`
 * has T + 1 entries, the last being V of the state after the last step.
 * `dones[t]` is 1 when step t ended the episode (terminated): nothing
 * after it is bootstrapped. A rollout cut short (truncated) has done 0 at
 * its last step and bootstraps from V(s_T), as PPO does at its time limit.
 */

/** δₜ = rₜ + γ V(sₜ₊₁)(1 − doneₜ) − V(sₜ). */
export function tdErrors(
  rewards: ArrayLike<number>,
  values: ArrayLike<number>,
  dones: ArrayLike<number>,
  gamma: number,
): Float64Array {
  const T = rewards.length;
  if (values.length !== T + 1) throw new RangeError('tdErrors: values needs T + 1 entries.');
  const deltas = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    deltas[t] = rewards[t]! + gamma * values[t + 1]! * (1 - dones[t]!) - values[t]!;
  }
  return deltas;
}

/**
 * Âₜ = Σₗ (γλ)ˡ δₜ₊ₗ up to the episode's end, by the backward recursion
 * Âₜ = δₜ + γλ(1 − doneₜ) Âₜ₊₁ (Eq. 16 of the GAE paper, PPO's Eq. 11).
 */
export function gae(
  deltas: ArrayLike<number>,
  dones: ArrayLike<number>,
  gamma: number,
  lambda: number,
): Float64Array {
  const T = deltas.length;
  const advantages = new Float64Array(T);
  let next = 0;
  for (let t = T - 1; t >= 0; t--) {
    next = deltas[t]! + gamma * lambda * (1 - dones[t]!) * next;
    advantages[t] = next;
  }
  return advantages;
}

/**
 * Gₜ = rₜ + γ(1 − doneₜ) Gₜ₊₁, starting from G_T = `bootstrap` (V(s_T) for
 * a cut rollout; ignored when the last step is done). With it, λ = 1 gives
 * Âₜ = Gₜ − V(sₜ): the Monte Carlo advantage.
 */
export function discountedReturns(
  rewards: ArrayLike<number>,
  dones: ArrayLike<number>,
  gamma: number,
  bootstrap = 0,
): Float64Array {
  const T = rewards.length;
  const returns = new Float64Array(T);
  let next = bootstrap;
  for (let t = T - 1; t >= 0; t--) {
    next = rewards[t]! + gamma * (1 - dones[t]!) * next;
    returns[t] = next;
  }
  return returns;
}

/** max |aₜ − bₜ| over the common length (0 for none). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  }
  return worst;
}

/** Everything the figure shows for one γ and λ. */
export interface Estimates {
  deltas: Float64Array;
  advantages: Float64Array;
  /** Gₜ, bootstrapped from V(s_T) when the rollout was cut. */
  returns: Float64Array;
  /** max |Â − δ|: 0 exactly at λ = 0. */
  fromTd: number;
  /** max |Â − (G − V)|: 0 up to rounding at λ = 1. */
  fromMonteCarlo: number;
}

/** δ, Â, G and the two distances, for the figure. */
export function estimates(
  rewards: ArrayLike<number>,
  values: ArrayLike<number>,
  dones: ArrayLike<number>,
  gamma: number,
  lambda: number,
): Estimates {
  const T = rewards.length;
  const deltas = tdErrors(rewards, values, dones, gamma);
  const advantages = gae(deltas, dones, gamma, lambda);
  const returns = discountedReturns(rewards, dones, gamma, values[T]!);
  const mcAdvantage = returns.map((g, t) => g - values[t]!);
  return {
    deltas,
    advantages,
    returns,
    fromTd: maxAbsDiff(advantages, deltas),
    fromMonteCarlo: maxAbsDiff(advantages, mcAdvantage),
  };
}
