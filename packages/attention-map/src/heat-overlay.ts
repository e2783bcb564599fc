/**
 * The image the model saw with one query's attention laid over it: each
 * patch tinted by its weight through viridis, at the model's own
 * resolution, so one canvas pixel is one input pixel.
 */
import { colormap } from '@model-walkthroughs/core';

export interface HeatOptions {
  /** Planar RGB in 0..1, [3, size, size]. */
  rgb: Float32Array;
  size: number;
  /** Patches per side; `weights` has grid² entries, row-major. */
  grid: number;
  weights: ArrayLike<number>;
  /** The weight drawn at the top of the colour map. */
  max: number;
  /** How much of the colour covers the image, 0..1. */
  opacity: number;
}

/** Draws image and heat into `canvas`, resized to size × size. */
export function drawHeat(canvas: HTMLCanvasElement, o: HeatOptions): void {
  const { rgb, size, grid, weights, max, opacity } = o;
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (context === null) return;

  const image = context.createImageData(size, size);
  const table = colormap('viridis');
  const patch = size / grid;
  const plane = size * size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const w = weights[Math.floor(y / patch) * grid + Math.floor(x / patch)]!;
      const k = Math.max(0, Math.min(255, Math.round((w / (max || 1)) * 255))) * 3;
      const i = y * size + x;
      for (let c = 0; c < 3; c++) {
        const v = rgb[c * plane + i]! * 255 * (1 - opacity) + table[k + c]! * opacity;
        image.data[i * 4 + c] = Math.round(v);
      }
      image.data[i * 4 + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
}
