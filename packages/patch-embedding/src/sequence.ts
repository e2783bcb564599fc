/** The row of steps from the image to the embedded sequence, in words and shapes. */
import type { PlainTensor } from '@model-walkthroughs/core';
import type { PatchLayout } from './patches.js';

/** One run of the slice, with what the figure derives from its input. */
export interface PatchResult {
  /** The normalised input, [1, 3, 224, 224]. */
  image: PlainTensor;
  /** The resized photo, planar RGB 0…1, [3, 224, 224]. */
  rgb: Float32Array;
  /** Every patch flattened, [196, 768], in the manifest's flatten order. */
  vectors: PlainTensor;
  /** E·x + b for every patch: [1, 196, 768]. */
  patchTokens: PlainTensor;
  /** [CLS] prepended: [1, 197, 768]. */
  tokens: PlainTensor;
  /** Position embeddings added: [1, 197, 768]. */
  embedded: PlainTensor;
}

export type StepId = 'image' | 'patches' | 'vectors' | 'patchTokens' | 'tokens' | 'embedded';

export interface Step {
  id: StepId;
  name: string;
  note: string;
  /** The shape as the paper writes it, read from the tensors. */
  shape: string;
  /** Rows of a token matrix, and which row holds the selected patch. */
  rows?: number;
  offset?: number;
}

const dims = (t: PlainTensor) => (t.dims[0] === 1 ? t.dims.slice(1) : t.dims).join('×');

/** The six steps, with shapes from `result` (or the layout before the first run). */
export function sequenceSteps(layout: PatchLayout, result?: PatchResult): Step[] {
  const { size, patch, grid } = layout;
  const n = grid * grid;
  const d = 3 * patch * patch;
  const [c, h, w] = result ? result.image.dims.slice(1) : [3, size, size];
  const rows = (t: PlainTensor | undefined, fallback: number) => (t ? t.dims.at(-2)! : fallback);
  return [
    { id: 'image', name: 'Image', note: 'resized', shape: `${h}×${w}×${c}` },
    {
      id: 'patches',
      name: 'Patches',
      note: `cut ${grid}×${grid}`,
      shape: `${n}×${patch}×${patch}×${c}`,
    },
    {
      id: 'vectors',
      name: 'Flattened',
      note: `each to ${d} numbers`,
      shape: result ? dims(result.vectors) : `${n}×${d}`,
      rows: n,
      offset: 0,
    },
    {
      id: 'patchTokens',
      name: 'Projected',
      note: 'E·x + b, one E for all',
      shape: result ? dims(result.patchTokens) : '…',
      rows: rows(result?.patchTokens, n),
      offset: 0,
    },
    {
      id: 'tokens',
      name: '+ [CLS]',
      note: 'a learned token, row 0',
      shape: result ? dims(result.tokens) : '…',
      rows: rows(result?.tokens, n + 1),
      offset: 1,
    },
    {
      id: 'embedded',
      name: '+ position',
      note: 'E_pos added, row by row',
      shape: result ? dims(result.embedded) : '…',
      rows: rows(result?.embedded, n + 1),
      offset: 1,
    },
  ];
}
