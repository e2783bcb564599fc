/** What the figure computes and reads, as plain data. */

/** Both critics over the action grid for one state, and the actor's action. */
export interface Evaluation {
  /** The state, degrees and rad/s, as evaluated. */
  angle: number;
  velocity: number;
  actions: Float32Array;
  q1: Float32Array;
  q2: Float32Array;
  /** min(Q1, Q2) per action. */
  min: Float32Array;
  /** μ(s), the actor's torque. */
  mu: number;
  /** Grid indices of the largest Q1, Q2 and min(Q1, Q2). */
  argmax: [number, number, number];
}

export type { CriticEstimate, Td3Log } from '@model-walkthroughs/slices-rl';
