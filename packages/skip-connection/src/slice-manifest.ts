/** A slice's manifest, or the error that says it is missing. */
import { FigureError } from '@model-walkthroughs/core';
import {
  loadManifest,
  type SliceManifest,
  type SliceName,
} from '@model-walkthroughs/slices-resnet';

/** The manifest of one slice; one that cannot be read is a missing model. */
export async function manifest(name: SliceName, signal: AbortSignal): Promise<SliceManifest> {
  try {
    return await loadManifest(name, { signal });
  } catch (error) {
    throw new FigureError(
      'model-not-found',
      `The manifest of the ${name} slice could not be loaded.`,
      {
        cause: error,
      },
    );
  }
}
