export { PatchEmbedding, positionEmbedding } from './patch-embedding.js';
export type { PatchResult, Step, StepId } from './sequence.js';
export {
  NORMALISED_BOUND,
  VIT_B16_LAYOUT,
  cropPatch,
  patchVector,
  type PatchLayout,
} from './patches.js';
