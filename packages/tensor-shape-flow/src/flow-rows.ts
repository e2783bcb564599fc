/** The rows of the flow and what the runtime measured for them. */
import { drawFeatureTiles, type PlainTensor } from '@model-walkthroughs/core';
import type { Stage, StageAnalysis } from './preset.js';

/** What a slice reported for one stage. */
export interface Measurement {
  /** The runtime's dims, NCHW. */
  dims: number[];
  /** Which slice and output gave them. */
  from: string;
  /** Mean |activation| over channels, or the photo for the input. */
  thumb?: HTMLCanvasElement;
  mismatch: boolean;
}

/** A row of the flow: the input image or one stage, with what it implies. */
export interface Node {
  id: string;
  label: string;
  stage?: Stage;
  analysis?: StageAnalysis;
  output: readonly number[];
}

/** Mean |x| over channels of a [1, C, H, W] tensor, drawn with viridis. */
export function energyMap(t: PlainTensor): HTMLCanvasElement | undefined {
  if (t.dims.length !== 4) return undefined;
  const [, c, h, w] = t.dims as [number, number, number, number];
  const plane = h * w;
  const data = new Float32Array(plane);
  for (let k = 0; k < c; k++) {
    for (let i = 0; i < plane; i++) data[i]! += Math.abs(t.data[k * plane + i]!) / c;
  }
  const canvas = document.createElement('canvas');
  drawFeatureTiles(canvas, { data, dims: [1, h, w] }, { channels: [0], columns: 1 });
  return canvas;
}
