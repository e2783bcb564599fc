/** The photo and the block's three feature maps, drawn into their canvases. */
import {
  drawFeatureTiles,
  drawRgb,
  resizeToFloat,
  type loadPixels,
} from '@model-walkthroughs/core';
import type { BlockTensors } from './results.js';

/**
 * Draws every `canvas[data-map]` under `root`: the photo, then x (or Wₛ x)
 * and F(x) on one signed scale of ±`signedEnd`, the output on 0..`outputEnd`.
 */
export function drawMaps(
  root: ParentNode,
  block: BlockTensors,
  pixels: Awaited<ReturnType<typeof loadPixels>>,
  [signedEnd, outputEnd]: [number, number],
): void {
  const canvases = root.querySelectorAll<HTMLCanvasElement>('canvas[data-map]');
  for (const canvas of canvases) {
    const name = canvas.dataset['map'] as 'shortcut' | 'residual' | 'output' | 'photo';
    if (name === 'photo') {
      drawRgb(canvas, resizeToFloat(pixels, 112, 112), 112, 112);
      continue;
    }
    const signed = name !== 'output';
    drawFeatureTiles(canvas, block[name], {
      channels: block.channels,
      columns: 4,
      colormap: signed ? 'diverging' : 'viridis',
      range: signed ? [-signedEnd, signedEnd] : [0, outputEnd],
    });
  }
}
