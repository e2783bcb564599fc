/**
 * Canvases of the figure, one canvas pixel per value (CSS scales them up,
 * pixelated): strips of numbers, matrices of tokens, the photo cut apart.
 */
import { colormap } from '@model-walkthroughs/core';
import type { PatchLayout } from './patches.js';

function context(canvas: HTMLCanvasElement, width: number, height: number) {
  canvas.width = width;
  canvas.height = height;
  return canvas.getContext('2d');
}

/**
 * `rows` × `cols` values through the diverging map, −bound blue, 0 grey,
 * +bound red. A strip is one row.
 */
export function drawMatrix(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  rows: number,
  cols: number,
  bound: number,
): void {
  const ctx = context(canvas, cols, rows);
  if (ctx === null) return;
  const image = ctx.createImageData(cols, rows);
  const table = colormap('diverging');
  const scale = bound || 1;
  for (let i = 0; i < rows * cols; i++) {
    const u = 0.5 + values[i]! / (2 * scale);
    const k = Math.max(0, Math.min(255, Math.round(u * 255))) * 3;
    image.data.set([table[k]!, table[k + 1]!, table[k + 2]!, 255], i * 4);
  }
  ctx.putImageData(image, 0, 0);
}

/** RGB floats 0…1, planar [3, h, w], drawn at (x, y) of an ImageData. */
function putRgb(
  image: ImageData,
  rgb: ArrayLike<number>,
  w: number,
  h: number,
  x0 = 0,
  y0 = 0,
): void {
  const plane = w * h;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = ((y0 + y) * image.width + x0 + x) * 4;
      for (let c = 0; c < 3; c++) image.data[p + c] = Math.round(rgb[c * plane + y * w + x]! * 255);
      image.data[p + 3] = 255;
    }
  }
}

/** A patch's pixels, planar [3, P, P] in 0…1. */
export function drawPatch(canvas: HTMLCanvasElement, rgb: Float32Array, patch: number): void {
  const ctx = context(canvas, patch, patch);
  if (ctx === null) return;
  const image = ctx.createImageData(patch, patch);
  putRgb(image, rgb, patch, patch);
  ctx.putImageData(image, 0, 0);
}

/**
 * The photo cut into its patches, `gap` pixels apart: the 196 × 16×16×3
 * step. `crop(p)` gives patch p as planar RGB.
 */
export function drawExploded(
  canvas: HTMLCanvasElement,
  crop: (p: number) => Float32Array,
  layout: PatchLayout,
  gap = 2,
): void {
  const { patch, grid } = layout;
  const side = grid * patch + (grid - 1) * gap;
  const ctx = context(canvas, side, side);
  if (ctx === null) return;
  const image = ctx.createImageData(side, side);
  for (let p = 0; p < grid * grid; p++) {
    const [x, y] = [(p % grid) * (patch + gap), Math.floor(p / grid) * (patch + gap)];
    putRgb(image, crop(p), patch, patch, x, y);
  }
  ctx.putImageData(image, 0, 0);
}

/** The photo, planar RGB 0…1 at size × size, with the patch grid drawn over it. */
export function drawPhoto(canvas: HTMLCanvasElement, rgb: Float32Array, layout: PatchLayout): void {
  const { size, patch, grid } = layout;
  const ctx = context(canvas, size, size);
  if (ctx === null) return;
  const image = ctx.createImageData(size, size);
  putRgb(image, rgb, size, size);
  ctx.putImageData(image, 0, 0);

  // Light lines with a dark edge read on any photo.
  ctx.beginPath();
  for (let k = 1; k < grid; k++) {
    ctx.moveTo(k * patch + 0.5, 0);
    ctx.lineTo(k * patch + 0.5, size);
    ctx.moveTo(0, k * patch + 0.5);
    ctx.lineTo(size, k * patch + 0.5);
  }
  ctx.strokeStyle = 'rgb(255 255 255 / 0.75)';
  ctx.lineWidth = 1;
  ctx.stroke();
}
