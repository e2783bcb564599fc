export { Random } from './random.js';
export { CARTPOLE, CartPole } from './cartpole.js';
export { PENDULUM, Pendulum, angleNormalize } from './pendulum.js';
export type { ResetOptions, StepResult } from './types.js';
export {
  PENDULUM_STATES,
  PENDULUM_STATE_INFO,
  pendulumObservation,
  pendulumObservations,
  type ObservationBatch,
  type PendulumState,
} from './pendulum-states.js';
