/**
 * Cutting an image into patches, as ViT-B/16's patch embedding sees it
 * (Dosovitskiy et al. 2021, Sec. 3.1): a 224×224 image, 16×16 patches, a
 * 14×14 grid of 196, patch p = row·14 + col. Free of the DOM so tests can
 * check it directly.
 */
import { IMAGENET_MEAN, IMAGENET_STD, type PlainTensor } from '@model-walkthroughs/core';

/** Image side, patch side and patches per side. */
export interface PatchLayout {
  size: number;
  patch: number;
  grid: number;
}

export const VIT_B16_LAYOUT: PatchLayout = { size: 224, patch: 16, grid: 14 };

/**
 * One patch of planar [3, S, S] data (a [1, 3, S, S] tensor's numbers, or
 * RGB floats) as planar [3, P, P]. That layout, read straight through, is
 * the order in which the projection's weights meet the pixels, a PyTorch
 * conv weight [D, 3, P, P]: index = c·P² + y·P + x.
 */
export function cropPatch(
  planar: ArrayLike<number>,
  index: number,
  layout: PatchLayout = VIT_B16_LAYOUT,
): Float32Array {
  const { size, patch, grid } = layout;
  const top = Math.floor(index / grid) * patch;
  const left = (index % grid) * patch;
  const out = new Float32Array(3 * patch * patch);
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < patch; y++) {
      for (let x = 0; x < patch; x++) {
        out[c * patch * patch + y * patch + x] = planar[(c * size + top + y) * size + left + x]!;
      }
    }
  }
  return out;
}

/** The flattened patch p of a normalised [1, 3, S, S] input: P²·3 numbers. */
export function patchVector(
  image: PlainTensor,
  index: number,
  layout = VIT_B16_LAYOUT,
): Float32Array {
  return cropPatch(image.data, index, layout);
}

/** Row `index` of a [1, N, D] tensor, without copying. */
export function row(t: PlainTensor, index: number): Float32Array {
  const d = t.dims.at(-1)!;
  return t.data.subarray(index * d, (index + 1) * d);
}

/** Largest |v|: a symmetric scale for a diverging colour map. */
export function maxAbs(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) m = Math.max(m, Math.abs(data[i]!));
  return m;
}

/**
 * The largest |value| ImageNet normalisation can give a pixel in 0…1:
 * (1 − 0.406) / 0.225 ≈ 2.64, blue at full intensity. One fixed scale for
 * every patch, so two patches' strips compare.
 */
export const NORMALISED_BOUND = Math.max(
  ...IMAGENET_MEAN.map((m, c) => Math.max(m, 1 - m) / IMAGENET_STD[c]!),
);

/** "row 3, column 5" for patch p. */
export function position(index: number, grid = VIT_B16_LAYOUT.grid): [number, number] {
  return [Math.floor(index / grid), index % grid];
}

/**
 * A number for a caption: two decimals, or two significant digits below
 * 0.1 so that small values do not all read 0.00; a true minus sign.
 */
export function formatValue(v: number): string {
  const text = v === 0 || Math.abs(v) >= 0.1 ? v.toFixed(2) : v.toPrecision(2);
  return text.replace('-', '−');
}
