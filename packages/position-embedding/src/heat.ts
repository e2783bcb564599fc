/** Similarity maps drawn one canvas pixel per value; CSS scales them up. */
import { colormap } from '@model-walkthroughs/core';

/** Gap in canvas pixels between the tiles of the small multiples. */
export const GAP = 2;

/** Cosine similarity −1 … 1 to an index of the diverging map, 0 in the middle. */
function shade(table: Uint8Array, image: ImageData, pixel: number, v: number): void {
  const k = Math.max(0, Math.min(255, Math.round(((v + 1) / 2) * 255))) * 3;
  image.data[pixel * 4] = table[k]!;
  image.data[pixel * 4 + 1] = table[k + 1]!;
  image.data[pixel * 4 + 2] = table[k + 2]!;
  image.data[pixel * 4 + 3] = 255;
}

/** Row `p` of a similarity matrix as a grid × grid map. */
export function drawMap(
  canvas: HTMLCanvasElement,
  matrix: Float64Array,
  grid: number,
  p: number,
): void {
  const n = grid * grid;
  canvas.width = grid;
  canvas.height = grid;
  const context = canvas.getContext('2d');
  if (context === null) return;
  const image = context.createImageData(grid, grid);
  const table = colormap('diverging');
  for (let q = 0; q < n; q++) shade(table, image, q, matrix[p * n + q]!);
  context.putImageData(image, 0, 0);
}

/**
 * Every row of the matrix as its own map, the maps laid out like the
 * positions they belong to: Dosovitskiy et al. 2021, Fig. 7 (centre).
 */
export function drawSmallMultiples(
  canvas: HTMLCanvasElement,
  matrix: Float64Array,
  grid: number,
): void {
  const n = grid * grid;
  const side = grid * grid + (grid - 1) * GAP;
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d');
  if (context === null) return;
  const image = context.createImageData(side, side);
  const table = colormap('diverging');
  for (let p = 0; p < n; p++) {
    const ox = (p % grid) * (grid + GAP);
    const oy = Math.floor(p / grid) * (grid + GAP);
    for (let q = 0; q < n; q++) {
      const pixel = (oy + Math.floor(q / grid)) * side + ox + (q % grid);
      shade(table, image, pixel, matrix[p * n + q]!);
    }
  }
  context.putImageData(image, 0, 0);
}

/** The tile under a point of the small multiples, or undefined in a gap. */
export function tileAt(x: number, y: number, width: number, grid: number): number | undefined {
  const side = grid * grid + (grid - 1) * GAP;
  const scale = side / width;
  const at = (v: number) => {
    const px = v * scale;
    const k = Math.floor(px / (grid + GAP));
    return px - k * (grid + GAP) < grid && k < grid && k >= 0 ? k : undefined;
  };
  const col = at(x);
  const row = at(y);
  return col === undefined || row === undefined ? undefined : row * grid + col;
}
