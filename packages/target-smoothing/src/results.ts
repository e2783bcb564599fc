/** What the figure computes and reads, as plain data. */

/** The critics over the grid and over the smoothed target actions. */
export interface Smoothing {
  key: string;
  angle: number;
  velocity: number;
  sigma: number;
  clip: number;
  /** μ(s), the actor's torque (the target actor's, up to Polyak lag). */
  mu: number;
  actions: Float32Array;
  /** min(Q1, Q2) over `actions`. */
  curve: Float32Array;
  /** The seeded target actions ã and min(Q1, Q2) at each. */
  samples: Float32Array;
  sampleQ: Float32Array;
  /** min(Q1, Q2)(s, μ(s)), the unsmoothed target value. */
  atMu: number;
  /** E_ε[min(Q1, Q2)(s, ã)] over the draws, with its 95% interval. */
  smoothed: { mean: number; low: number; high: number };
}

export type { Td3Log } from '@model-walkthroughs/slices-rl';
