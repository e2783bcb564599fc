export {
  ACTION_SCALE,
  MU_RANGE,
  PolicyChangeEvent,
  SAMPLES,
  SIGMA_RANGE,
  SquashedGaussian,
} from './squashed-gaussian.js';
export type { ActorPolicy } from './actor-policy.js';
export {
  PENDULUM_STATES as STATES,
  PENDULUM_STATE_INFO as STATE_INFO,
  pendulumObservations as observationBatch,
  type PendulumState,
} from '@model-walkthroughs/environments';
export { U_RANGE, densitySpec } from './gaussian-charts.js';
export {
  expectedTanh,
  histogram,
  integrate,
  logOneMinusTanh2,
  mulberry32,
  normalLogPdf,
  normalPdf,
  reparameterise,
  softplus,
  squashedLogProb,
  squashedPdf,
  standardNormals,
  type LogProbParts,
} from './tanh-gaussian.js';
