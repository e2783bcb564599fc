export { SettingChangeEvent, TargetSmoothing } from './target-smoothing.js';
export {
  delaySchedule,
  expectedCounts,
  histogram,
  normalCdf,
  sampleTargetActions,
  targetAction,
  targetCdf,
} from './smoothing.js';
export type { Smoothing } from './results.js';
