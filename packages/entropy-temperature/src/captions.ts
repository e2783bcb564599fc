/** The figure's numbers in sentences, for its captions and screen readers. */
import type { BoltzmannStats } from './boltzmann.js';
import type { SacLog } from './training-log.js';

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
): string {
  const at =
    alphaAtTarget === undefined
      ? ''
      : ` This state's policy has the target entropy ${target} at α = ${fmt(alphaAtTarget)}.`;
  return (
    `At α = ${fmt(stats.alpha)}, π_α has entropy ${stats.entropy.toFixed(2)} nats and ` +
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
