export { SettingChangeEvent, TwinCritics } from './twin-critics.js';
export { argmax, meanInterval, overestimation } from './overestimation.js';
export type { MeanInterval, NormalSource, Overestimation } from './overestimation.js';
export { PRESETS, actionGrid, criticFeeds, observation, type Preset } from './pendulum-state.js';
export { ACTIONS, evaluateCurves } from './critic-curves.js';
export type { CriticEstimate, Evaluation, Td3Log } from './results.js';
