import { expect } from '@open-wc/testing';
import { imageToTensor, type Pixels } from '@model-walkthroughs/core';
import {
  NORMALISED_BOUND,
  VIT_B16_LAYOUT,
  formatValue,
  cropPatch,
  maxAbs,
  patchVector,
  position,
  row,
} from '../src/patches.js';
import { sequenceSteps } from '../src/sequence.js';

/** A 224×224 image whose every pixel says where it is: R = x, G = y, B = (x + y) mod 256. */
function coordinates(): Pixels {
  const data = new Uint8ClampedArray(224 * 224 * 4);
  for (let y = 0; y < 224; y++) {
    for (let x = 0; x < 224; x++) {
      data.set([x, y, (x + y) % 256, 255], (y * 224 + x) * 4);
    }
  }
  return { width: 224, height: 224, data };
}

describe('patch-embedding maths', () => {
  it('cuts patch p = row·14 + col and flattens it as c·256 + y·16 + x', () => {
    const t = imageToTensor(coordinates(), 224);
    const p = 3 * 14 + 5;
    expect(position(p)).to.deep.equal([3, 5]);
    const v = patchVector(t, p);
    expect(v.length).to.equal(768);

    // Undo the normalisation: the pixel values tell where each number came from.
    const pixel = (i: number, c: number) =>
      Math.round((v[i]! * [0.229, 0.224, 0.225][c]! + [0.485, 0.456, 0.406][c]!) * 255);
    for (const [c, y, x] of [
      [0, 0, 0],
      [0, 15, 15],
      [1, 2, 7],
      [2, 9, 4],
    ] as const) {
      const i = c * 256 + y * 16 + x;
      const [px, py] = [5 * 16 + x, 3 * 16 + y];
      const want = [px, py, (px + py) % 256][c]!;
      expect(pixel(i, c), `v[${i}]`).to.equal(want);
    }
    // Red is x: the first 16 numbers run along the patch's top row, 80 … 95.
    expect([...v.subarray(0, 16)].map((_, i) => pixel(i, 0))).to.deep.equal(
      Array.from({ length: 16 }, (_, x) => 80 + x),
    );
  });

  it('takes every number of the image exactly once over the 196 patches', () => {
    const t = imageToTensor(coordinates(), 224);
    let sum = 0;
    for (let p = 0; p < 196; p++) for (const v of cropPatch(t.data, p)) sum += v;
    let whole = 0;
    for (const v of t.data) whole += v;
    expect(sum).to.be.closeTo(whole, 1e-6 * Math.abs(whole));

    const small = { size: 4, patch: 2, grid: 2 };
    const planar = Float32Array.from({ length: 48 }, (_, i) => i);
    // Patch 3 = row 1, col 1: pixels (2..3, 2..3) of each 4×4 plane.
    expect([...cropPatch(planar, 3, small)]).to.deep.equal([
      10, 11, 14, 15, 26, 27, 30, 31, 42, 43, 46, 47,
    ]);
  });

  it('knows the largest normalised value and reads rows of a token tensor', () => {
    expect(NORMALISED_BOUND).to.be.closeTo((1 - 0.406) / 0.225, 1e-12);
    expect(NORMALISED_BOUND).to.be.closeTo(2.64, 1e-9);
    expect(maxAbs([0.5, -3, 2])).to.equal(3);
    expect([1.125, -0.5, 0, -0.0043, 0.0712].map(formatValue)).to.deep.equal([
      '1.13',
      '−0.50',
      '0.00',
      '−0.0043',
      '0.071',
    ]);
    const t = { data: Float32Array.from({ length: 12 }, (_, i) => i), dims: [1, 3, 4] };
    expect([...row(t, 2)]).to.deep.equal([8, 9, 10, 11]);
  });

  it('names the shape of every step before the first run', () => {
    expect(sequenceSteps(VIT_B16_LAYOUT).map((s) => s.shape)).to.deep.equal([
      '224×224×3',
      '196×16×16×3',
      '196×768',
      '…',
      '…',
      '…',
    ]);
  });
});
