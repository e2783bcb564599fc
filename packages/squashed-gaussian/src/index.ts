export {
  ACTION_SCALE,
  MU_RANGE,
  PolicyChangeEvent,
  SAMPLES,
  SIGMA_RANGE,
  SquashedGaussian,
} from './squashed-gaussian.js';
export type { ActorPolicy } from './actor-policy.js';
export { STATES, STATE_INFO, observationBatch, type PendulumState } from './pendulum-states.js';
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
