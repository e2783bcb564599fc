export {
  ACTIONS,
  ALPHA_RANGE,
  EntropyTemperature,
  TemperatureChangeEvent,
} from './entropy-temperature.js';
export { alphaForEntropy, boltzmann, temperatureLoss, type BoltzmannStats } from './boltzmann.js';
export { describePolicy, describeTraining } from './captions.js';
export {
  PENDULUM_STATES as STATES,
  PENDULUM_STATE_INFO as STATE_INFO,
  pendulumObservations as observationBatch,
  type PendulumState,
} from '@model-walkthroughs/environments';
export { policySpec, returnSpec, trainingSpec, type SacColors } from './sac-charts.js';
export { parseSacLog, type SacLog, type SacPoint } from './training-log.js';
