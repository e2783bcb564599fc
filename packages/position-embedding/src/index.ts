export {
  PositionEmbedding,
  type EmbeddingKind,
  type EmbeddingView,
  type PositionResult,
} from './position-embedding.js';
export {
  cosineSimilarity,
  locality,
  mostSimilar,
  patchPositions,
  similarityMatrix,
  sinusoidal2d,
  sinusoidalSimilarity,
} from './similarity.js';
