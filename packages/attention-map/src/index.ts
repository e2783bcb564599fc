export { AttentionMap } from './attention-map.js';
export type { AttentionResult } from './vit-slice.js';
export {
  attentionMatrix,
  attentionShape,
  headMean,
  matmul,
  normaliseRows,
  objectShare,
  rollout,
  rolloutOf,
  row,
  type HeadChoice,
  type Matrix,
} from './rollout.js';
