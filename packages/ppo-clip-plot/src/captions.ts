/** The figure's numbers in sentences, for its captions and screen readers. */
import type { PpoLog } from './training-log.js';

// Schulman et al. 2017, Eq. 7 and the ratio of Eq. 6, as two blocks that wrap.
export const FORMULAS = [
  String.raw`L^{\mathrm{CLIP}}(\theta) = \hat{\mathbb{E}}_t\!\left[\min\!\left(` +
    String.raw`r_t(\theta)\hat{A}_t,\; \operatorname{clip}(r_t(\theta), 1-\epsilon, 1+\epsilon)` +
    String.raw`\,\hat{A}_t\right)\right]`,
  String.raw`r_t(\theta) = \frac{\pi_\theta(a_t \mid s_t)}` +
    String.raw`{\pi_{\theta_{\mathrm{old}}}(a_t \mid s_t)}`,
];

/** The batch statistics at one ε (see `PpoClipPlot.clipStats`). */
export interface ClipStats {
  epsilon: number;
  samples: number;
  /** Share with |r − 1| > ε, as PPO implementations log it. */
  clipFraction: number;
  /** Share whose gradient the clip removes. */
  zeroGradient: number;
  /** What the training loop logged for this batch, and at which ε. */
  recorded: { epsilon: number; clipFraction: number };
}

/** A share as a percentage with one decimal. */
export function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

/** The clip fraction now and as recorded, in one sentence. */
export function describeStats(s: ClipStats): string {
  return (
    `At ε = ${s.epsilon.toFixed(2)}, ${percent(s.clipFraction)} of the ${s.samples} ratios ` +
    `lie outside [1 − ε, 1 + ε] (the clip fraction; training logged ` +
    `${percent(s.recorded.clipFraction)} for this batch at ε = ${s.recorded.epsilon}), and ` +
    `${percent(s.zeroGradient)} sit on a flat part, where the clip removes their gradient.`
  );
}

/** The logged clip fraction over training, in one sentence. */
export function describeHistory({ iterations, ratioBatch }: PpoLog): string {
  const first = iterations[0]!;
  const last = iterations[iterations.length - 1]!;
  const peak = iterations.reduce((a, b) => (b.clipFraction > a.clipFraction ? b : a));
  return (
    `Over ${iterations.length} iterations the logged clip fraction went from ` +
    `${percent(first.clipFraction)} to ${percent(last.clipFraction)}, highest ` +
    `${percent(peak.clipFraction)} at ${peak.envSteps.toLocaleString('en')} steps; ` +
    `the minibatch above is from iteration ${ratioBatch.iteration} (the dot).`
  );
}
