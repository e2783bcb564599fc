export { ActorCritic, PUSH } from './actor-critic.js';
export type { Frame } from './panel.js';
export { estimate, median, sampleAction, type Estimate } from './policy.js';
