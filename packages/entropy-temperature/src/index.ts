export {
  ACTIONS,
  ALPHA_RANGE,
  EntropyTemperature,
  TemperatureChangeEvent,
} from './entropy-temperature.js';
export {
  alphaForEntropy,
  boltzmann,
  temperatureLoss,
  type BoltzmannStats,
} from './boltzmann.js';
export { describePolicy, describeTraining } from './captions.js';
export { STATES, STATE_INFO, observationBatch, type PendulumState } from './pendulum-states.js';
export { policySpec, returnSpec, trainingSpec, type SacColors } from './sac-charts.js';
export { parseSacLog, type SacLog, type SacPoint } from './training-log.js';
