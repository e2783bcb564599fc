/** The figure's numbers in sentences, for its captions and screen readers. */
import type { BoltzmannStats } from './boltzmann.js';
import type { SacLog } from './training-log.js';

// Haarnoja et al. 2018, Eq. 1; 2018b, Eq. 3 and 18; the Boltzmann policy of 2017, Eq. 6.
export const FORMULAS = [
  String.raw`J(\pi) = \sum_t \mathbb{E}_{(s_t, a_t) \sim \rho_\pi}\!\left[r(s_t, a_t) + ` +
    String.raw`\alpha\,\mathcal{H}(\pi(\cdot \mid s_t))\right]`,
  String.raw`V(s) = \mathbb{E}_{a \sim \pi}\!\left[Q(s, a) - \alpha \log \pi(a \mid s)\right],` +
    String.raw`\quad \pi_\alpha(a \mid s) \propto \exp\!\big(Q(s, a)/\alpha\big)`,
  String.raw`J(\alpha) = \mathbb{E}_{a \sim \pi}\!\left[-\alpha \left(\log \pi(a \mid s) + ` +
    String.raw`\bar{\mathcal{H}}\right)\right]`,
];

/** α and the entropy over training, in one sentence. */
export function describeTraining({ curve, hyperparameters }: SacLog): string {
  const first = curve[0]!;
  const last = curve[curve.length - 1]!;
  const entropy = last.entropy === null ? 'not yet measured' : `${last.entropy.toFixed(2)} nats`;
  return (
    `The temperature went from α = ${fmt(first.alpha)} at ${steps(first.envSteps)} steps to ` +
    `${fmt(last.alpha)} at ${steps(last.envSteps)}, while the policy's entropy settled at ` +
    `${entropy} against the target ${hyperparameters.targetEntropy}; the mean return went ` +
    `from ${first.meanReturn.toFixed(0)} to ${last.meanReturn.toFixed(0)}.`
  );
}

/** What one α makes of one state's Q values, in one sentence. */
export function describePolicy(
  stats: BoltzmannStats,
  best: { a: number; q: number },
  target: number,
  alphaAtTarget: number | undefined,
  da: number,
): string {
  // log(da) is the floor: all mass on one torque of the grid.
  const floor =
    stats.entropy < Math.log(2 * da)
      ? ` (nearly all mass on one torque; on this grid the entropy cannot go below ` +
        `log ${da.toFixed(2)} = ${Math.log(da).toFixed(2)})`
      : '';
  const at =
    alphaAtTarget === undefined
      ? ''
      : ` This state's policy has the target entropy ${target} at α = ${fmt(alphaAtTarget)}.`;
  return (
    `At α = ${fmt(stats.alpha)}, the policy has entropy ${stats.entropy.toFixed(2)} nats${floor} and ` +
    `E[Q] = ${stats.expectedQ.toFixed(2)}, ${(best.q - stats.expectedQ).toFixed(2)} below the ` +
    `greedy torque ${best.a.toFixed(2)} (Q = ${best.q.toFixed(2)}); the soft value ` +
    `E[Q] + αH is ${stats.softValue.toFixed(2)}.${at}`
  );
}

/** α with three significant digits. */
export function fmt(x: number): string {
  return x >= 0.01 ? x.toPrecision(3) : x.toExponential(2);
}

function steps(n: number): string {
  return n.toLocaleString('en');
}
