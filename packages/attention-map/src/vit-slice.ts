/** The ViT slice the figure runs: its manifest, and what one run returns. */
import { FigureError, type PlainTensor } from '@model-walkthroughs/core';
import { loadManifest, type TinyScenesManifest } from '@model-walkthroughs/slices-vit';

export const SLICE = 'vit-tiny-scenes';

/** The last run: the model's outputs and the image it saw. */
export interface AttentionResult {
  /** [1, K] class scores. */
  logits: PlainTensor;
  /** softmax(logits), one per class of the manifest. */
  probabilities: number[];
  /** [1, L, H, N, N] attention weights, N = 1 + patches, [CLS] first. */
  attention: PlainTensor;
  /** Planar RGB in 0..1 at the model's input size, as drawn. */
  rgb: Float32Array;
  /** The shipped scene this was, or undefined for the reader's image. */
  scene?: number;
}

/** The slice's manifest; one that cannot be read is a missing model. */
export async function manifestOf(): Promise<TinyScenesManifest> {
  try {
    return await loadManifest(SLICE);
  } catch (error) {
    throw new FigureError(
      'model-not-found',
      `The manifest of the ${SLICE} slice could not be loaded.`,
      {
        cause: error,
      },
    );
  }
}
