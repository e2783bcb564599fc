export { EPSILON_RANGE, EpsilonChangeEvent, PpoClipPlot } from './ppo-clip-plot.js';
export { describeHistory, describeStats, percent, type ClipStats } from './captions.js';
export {
  clip,
  clipFraction,
  clipObjective,
  flatRegion,
  isZeroGradient,
  zeroGradientFraction,
  type RatioSample,
} from './clip-objective.js';
export { R_RANGE, historySpec, panelSpec, type PanelColors } from './clip-chart.js';
export { parsePpoLog, type PpoIteration, type PpoLog, type RatioBatch } from './training-log.js';
