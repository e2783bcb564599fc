/** What one step of an environment returns, as in Gymnasium's `step()`. */
export interface StepResult {
  /** The observation after the step (float32, as the agents were trained on). */
  observation: Float32Array;
  /** The reward for this step. */
  reward: number;
  /** The episode ended inside the task (the pole fell, the cart left the track). */
  terminated: boolean;
  /** The episode was cut by the time limit. */
  truncated: boolean;
}

/** Options of `reset()`, beside the seed. */
export interface ResetOptions {
  /**
   * Start from this state instead of a random one (float64, the
   * environment's own state order). For replaying a recorded episode.
   */
  state?: ArrayLike<number>;
}
