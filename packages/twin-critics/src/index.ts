export { SettingChangeEvent, TwinCritics } from './twin-critics.js';
export { argmax, meanInterval, overestimation } from './overestimation.js';
export type { MeanInterval, NormalSource, Overestimation } from './overestimation.js';
export {
  MAX_SPEED,
  MAX_TORQUE,
  PRESETS,
  actionGrid,
  actorFeeds,
  criticFeeds,
  observation,
  rodTip,
  toDegrees,
  type Preset,
} from './pendulum-state.js';
export { ACTIONS, evaluateCurves } from './critic-curves.js';
export type { CriticEstimate, Evaluation, Td3Log } from './results.js';
// What <target-smoothing> shares with this figure.
export { heldInfer, openTd3, type Infer, type Td3Handles } from './td3-slices.js';
export { stateControls } from './controls.js';
export { td3Styles } from './td3.styles.js';
