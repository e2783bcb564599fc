export { GaeAdvantage, PUSH } from './gae-advantage.js';
export type { EpisodeKind } from './controls.js';
export { discountedReturns, estimates, gae, maxAbsDiff, tdErrors, type Estimates } from './gae.js';
export { rollout, type Push, type Rollout, type RolloutOptions } from './rollout.js';
