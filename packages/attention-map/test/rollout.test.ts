import { expect } from '@open-wc/testing';
import type { PlainTensor } from '@model-walkthroughs/core';
import {
  attentionMatrix,
  headMean,
  matmul,
  normaliseRows,
  objectShare,
  rollout,
  rolloutOf,
  row,
  type Matrix,
} from '../src/rollout.js';

const close = (got: ArrayLike<number>, want: readonly number[], tol = 1e-12) => {
  expect(got.length).to.equal(want.length);
  want.forEach((w, i) => expect(got[i], `entry ${i}`).to.be.closeTo(w, tol));
};

const rowSums = (m: Matrix, n: number) =>
  Array.from({ length: n }, (_, i) => row(m, n, i).reduce((a, b) => a + b, 0));

// Two layers, two heads, three tokens, written out so every number below
// can be checked by hand. Layer 1's heads average to
//   A1 = [[0.6, 0.2, 0.2], [0, 0.5, 0.5], [0.4, 0.4, 0.2]]
// and layer 2's to
//   A2 = [[0.2, 0.4, 0.4], [1, 0, 0], [0, 0.5, 0.5]].
const heads: number[][][][] = [
  [
    [
      [1, 0, 0],
      [0, 0, 1],
      [0.4, 0.4, 0.2],
    ],
    [
      [0.2, 0.4, 0.4],
      [0, 1, 0],
      [0.4, 0.4, 0.2],
    ],
  ],
  [
    [
      [0, 0.5, 0.5],
      [1, 0, 0],
      [0, 1, 0],
    ],
    [
      [0.4, 0.3, 0.3],
      [1, 0, 0],
      [0, 0, 1],
    ],
  ],
];
const tiny: PlainTensor = { data: new Float32Array(heads.flat(3)), dims: [1, 2, 2, 3, 3] };

describe('attention-map maths', () => {
  it('reads one head and the mean of heads out of [1, L, H, N, N]', () => {
    close(attentionMatrix(tiny, 1, 0), [0, 0.5, 0.5, 1, 0, 0, 0, 1, 0], 1e-7);
    close(attentionMatrix(tiny, 0, 1), [0.2, 0.4, 0.4, 0, 1, 0, 0.4, 0.4, 0.2], 1e-7);
    close(headMean(tiny, 0), [0.6, 0.2, 0.2, 0, 0.5, 0.5, 0.4, 0.4, 0.2], 1e-7);
    close(headMean(tiny, 1), [0.2, 0.4, 0.4, 1, 0, 0, 0, 0.5, 0.5], 1e-7);
  });

  it('normalises rows to sum to 1', () => {
    const m = normaliseRows(Float64Array.from([1, 1, 2, 0, 0, 5, 3, 3, 3]), 3);
    close(m, [0.25, 0.25, 0.5, 0, 0, 1, 1 / 3, 1 / 3, 1 / 3]);
    close(rowSums(m, 3), [1, 1, 1]);
    // A row of zeros stays zeros rather than turning into NaN.
    close(normaliseRows(new Float64Array(4), 2), [0, 0, 0, 0]);
  });

  it('multiplies matrices', () => {
    close(
      matmul(Float64Array.from([1, 2, 3, 4]), Float64Array.from([5, 6, 7, 8]), 2),
      [19, 22, 43, 50],
    );
  });

  it('rolls out two layers of three tokens as computed by hand', () => {
    // Â = rows of (A + I) renormalised = (A + I) / 2, since rows of A sum to 1:
    //   Â1 = [[0.8, 0.1, 0.1], [0, 0.75, 0.25], [0.2, 0.2, 0.6]]
    //   Â2 = [[0.6, 0.2, 0.2], [0.5, 0.5, 0], [0, 0.25, 0.75]]
    // R2 = Â2 · Â1, row 0: 0.6·[0.8, 0.1, 0.1] + 0.2·[0, 0.75, 0.25] + 0.2·[0.2, 0.2, 0.6]
    //                    = [0.48 + 0 + 0.04, 0.06 + 0.15 + 0.04, 0.06 + 0.05 + 0.12]
    //                    = [0.52, 0.25, 0.23]
    //          row 1: 0.5·[0.8, 0.1, 0.1] + 0.5·[0, 0.75, 0.25] = [0.4, 0.425, 0.175]
    //          row 2: 0.25·[0, 0.75, 0.25] + 0.75·[0.2, 0.2, 0.6] = [0.15, 0.3375, 0.5125]
    const [r1, r2] = rolloutOf(tiny);
    close(r1!, [0.8, 0.1, 0.1, 0, 0.75, 0.25, 0.2, 0.2, 0.6], 1e-7);
    close(r2!, [0.52, 0.25, 0.23, 0.4, 0.425, 0.175, 0.15, 0.3375, 0.5125], 1e-7);
    close(rowSums(r2!, 3), [1, 1, 1], 1e-7);
  });

  it('rolls identity attention out to the identity', () => {
    const n = 5;
    const eye = new Float64Array(n * n);
    for (let i = 0; i < n; i++) eye[i * n + i] = 1;
    for (const r of rollout([eye, eye, eye, eye], n)) close(r, [...eye]);
  });

  it('keeps rows summing to 1 through many random layers', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 9;
    const layers = Array.from({ length: 6 }, () =>
      normaliseRows(Float64Array.from({ length: n * n }, rand), n),
    );
    for (const r of rollout(layers, n)) close(rowSums(r, n), Array(n).fill(1), 1e-12);
  });

  it('measures the share of attention on object patches against their area', () => {
    // [CLS] itself 0.5; patches 0..3 get 0.1, 0.2, 0.15, 0.05 (sum 0.5).
    const weights = [0.5, 0.1, 0.2, 0.15, 0.05];
    const { mass, area } = objectShare(weights, [1, 2]);
    expect(mass).to.be.closeTo((0.2 + 0.15) / 0.5, 1e-12);
    expect(area).to.equal(0.5);
    expect(objectShare(weights, []).mass).to.equal(0);
  });
});
