export { AttentionMap, type AttentionResult } from './attention-map.js';
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
