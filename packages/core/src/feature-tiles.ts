/**
 * Feature maps drawn as a grid of tiles, one tile per channel, each pixel
 * coloured through a perceptual colour map.
 */
import { colormap, type ColormapName } from './colormap.js';
import type { PlainTensor } from './runtime.js';

export interface TileOptions {
  /** Which channels to draw, in order. */
  channels: readonly number[];
  /** Tiles per row. */
  columns: number;
  /** Colour map; `diverging` centres zero. */
  colormap?: ColormapName;
  /**
   * `shared`: one scale for every tile, so tiles compare; `per-tile`: each
   * tile stretched to its own range, so weak channels stay visible.
   */
  scale?: 'shared' | 'per-tile';
  /** Fixed range to use instead of the data's own (for side-by-side maps). */
  range?: readonly [number, number];
  /** Gap between tiles in pixels. */
  gap?: number;
}

/** The range a set of channels spans: [min, max]. */
export function channelRange(t: PlainTensor, channels: readonly number[]): [number, number] {
  const [h, w] = t.dims.slice(-2) as [number, number];
  let min = Infinity;
  let max = -Infinity;
  for (const c of channels) {
    for (let i = c * h * w; i < (c + 1) * h * w; i++) {
      const v = t.data[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return [min, max];
}

/**
 * Draws channels of a [1, C, H, W] or [C, H, W] tensor into a canvas, which
 * is resized to fit the grid at one canvas pixel per feature-map pixel.
 */
export function drawFeatureTiles(
  canvas: HTMLCanvasElement,
  t: PlainTensor,
  options: TileOptions,
): void {
  const [h, w] = t.dims.slice(-2) as [number, number];
  const { channels, columns, gap = 2 } = options;
  const rows = Math.ceil(channels.length / columns);
  const width = columns * w + (columns - 1) * gap;
  const height = rows * h + (rows - 1) * gap;
  canvas.width = width;
  canvas.height = height;

  const context = canvas.getContext('2d');
  if (context === null) return;
  const image = context.createImageData(width, height);
  const table = colormap(options.colormap ?? 'viridis');
  const signed = options.colormap === 'diverging';
  const shared = options.range ?? channelRange(t, channels);

  channels.forEach((channel, n) => {
    const [lo, hi] =
      options.scale === 'per-tile' && !options.range ? channelRange(t, [channel]) : shared;
    const bound = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    const span = hi - lo || 1;
    const ox = (n % columns) * (w + gap);
    const oy = Math.floor(n / columns) * (h + gap);

    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const v = t.data[channel * h * w + y * w + x]!;
        const u = signed ? 0.5 + v / (2 * bound) : (v - lo) / span;
        const k = Math.max(0, Math.min(255, Math.round(u * 255))) * 3;
        const p = ((oy + y) * width + ox + x) * 4;
        image.data[p] = table[k]!;
        image.data[p + 1] = table[k + 1]!;
        image.data[p + 2] = table[k + 2]!;
        image.data[p + 3] = 255;
      }
    }
  });
  context.putImageData(image, 0, 0);
}

/** Draws RGB pixels (planar 0..1 floats, [3, H, W]) into a canvas. */
export function drawRgb(
  canvas: HTMLCanvasElement,
  data: Float32Array,
  width: number,
  height: number,
): void {
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (context === null) return;
  const image = context.createImageData(width, height);
  const plane = width * height;
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) image.data[i * 4 + c] = Math.round(data[c * plane + i]! * 255);
    image.data[i * 4 + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}
