import { expect } from '@open-wc/testing';
import {
  cosineSimilarity,
  locality,
  mostSimilar,
  patchPositions,
  similarityMatrix,
  sinusoidal2d,
  sinusoidalSimilarity,
} from '../src/similarity.js';
import { GAP, tileAt } from '../src/heat.js';

/** A small deterministic set of vectors, not aligned with any axis. */
function vectors(count: number, dim: number): Float32Array {
  const out = new Float32Array(count * dim);
  for (let i = 0; i < out.length; i++) out[i] = Math.sin(1.3 * i + 0.2) + 0.3 * Math.cos(0.7 * i);
  return out;
}

describe('position-embedding maths', () => {
  it('computes cosine similarity as by hand', () => {
    expect(cosineSimilarity([1, 0], [1, 1])).to.be.closeTo(Math.SQRT1_2, 1e-15);
    expect(cosineSimilarity([1, 2, 3], [-2, 1, 0])).to.equal(0);
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).to.be.closeTo(1, 1e-15);
    expect(cosineSimilarity([1, 2, 3], [-1, -2, -3])).to.be.closeTo(-1, 1e-15);
    // (3·1 + 4·0) / (5 · 1)
    expect(cosineSimilarity([3, 4], [1, 0])).to.be.closeTo(0.6, 1e-15);
    expect(cosineSimilarity([0, 0], [1, 0])).to.equal(0);
  });

  it('has ones on the diagonal and is symmetric', () => {
    const [n, d] = [9, 12];
    const v = vectors(n, d);
    const m = similarityMatrix(v, n, d);
    for (let p = 0; p < n; p++) {
      expect(m[p * n + p]).to.be.closeTo(1, 1e-12);
      for (let q = 0; q < n; q++) {
        expect(m[p * n + q]).to.equal(m[q * n + p]);
        const direct = cosineSimilarity(v.subarray(p * d, p * d + d), v.subarray(q * d, q * d + d));
        expect(m[p * n + q]).to.be.closeTo(direct, 1e-12);
      }
    }
  });

  it('builds the 2D sinusoidal embedding of a hand-computed small case', () => {
    // D = 4, d = 2: one frequency, ω₀ = 1; e(r, c) = [sin r, cos r, sin c, cos c].
    const e = sinusoidal2d(2, 4);
    const want = [
      [0, 1, 0, 1],
      [0, 1, Math.sin(1), Math.cos(1)],
      [Math.sin(1), Math.cos(1), 0, 1],
      [Math.sin(1), Math.cos(1), Math.sin(1), Math.cos(1)],
    ];
    expect(e.length).to.equal(16);
    want.flat().forEach((w, i) => expect(e[i], `e[${i}]`).to.be.closeTo(w, 1e-7));

    // (0·0 + 1·1 + 0·sin 1 + 1·cos 1) / (√2 · √2) = (1 + cos 1) / 2
    const m = similarityMatrix(e, 4, 4);
    expect(m[1]).to.be.closeTo((1 + Math.cos(1)) / 2, 1e-7);
    expect(m[1]).to.be.closeTo(0.7701511529, 1e-7);
    expect(m[3]).to.be.closeTo(Math.cos(1), 1e-7);

    // D = 8, d = 4: ω = 1 and 1/100; row 0 col 0 is [0, 1, 0, 1, 0, 1, 0, 1].
    const e8 = sinusoidal2d(3, 8);
    const at = (r: number, c: number) => [...e8.subarray((r * 3 + c) * 8, (r * 3 + c + 1) * 8)];
    expect(at(0, 0)).to.deep.equal([0, 1, 0, 1, 0, 1, 0, 1]);
    const r2 = at(2, 0);
    const want2 = [Math.sin(2), Math.cos(2), Math.sin(0.02), Math.cos(0.02), 0, 1, 0, 1];
    want2.forEach((w, i) => expect(r2[i]).to.be.closeTo(w, 1e-7));
  });

  it('gives every sinusoidal embedding the length √(D/2)', () => {
    const [grid, dim] = [8, 64];
    const e = sinusoidal2d(grid, dim);
    for (let p = 0; p < grid * grid; p++) {
      let s = 0;
      for (let k = 0; k < dim; k++) s += e[p * dim + k]! ** 2;
      expect(Math.sqrt(s)).to.be.closeTo(Math.sqrt(dim / 2), 1e-5);
    }
  });

  it('makes sinusoidal similarity depend on the offset alone', () => {
    const [grid, dim] = [8, 64];
    const n = grid * grid;
    const m = similarityMatrix(sinusoidal2d(grid, dim), n, dim);
    let checked = 0;
    for (let p = 0; p < n; p++) {
      for (let q = 0; q < n; q++) {
        const dr = Math.floor(q / grid) - Math.floor(p / grid);
        const dc = (q % grid) - (p % grid);
        // The closed form, and the same offset from another start.
        expect(m[p * n + q]).to.be.closeTo(sinusoidalSimilarity(dr, dc, dim), 1e-6);
        const [r0, c0] = [dr < 0 ? -dr : 0, dc < 0 ? -dc : 0];
        const p2 = r0 * grid + c0;
        const q2 = (r0 + dr) * grid + c0 + dc;
        expect(m[p * n + q]).to.be.closeTo(m[p2 * n + q2]!, 1e-6);
        checked++;
      }
    }
    expect(checked).to.equal(4096);
    // Only |Δ| matters, and row and column play the same part.
    expect(sinusoidalSimilarity(2, -3, dim)).to.be.closeTo(sinusoidalSimilarity(-3, 2, dim), 1e-12);
    expect(sinusoidalSimilarity(0, 0, dim)).to.be.closeTo(1, 1e-12);
  });

  it('makes learned-like embeddings lose translation invariance', () => {
    // A control for the test above: random vectors do not pass it.
    const [grid, dim] = [4, 16];
    const n = grid * grid;
    const m = similarityMatrix(vectors(n, dim), n, dim);
    expect(Math.abs(m[0 * n + 1]! - m[5 * n + 6]!)).to.be.above(1e-3);
  });

  it('refuses a dimension the two halves cannot share', () => {
    expect(() => sinusoidal2d(8, 30)).to.throw(RangeError, /multiple of 4/);
  });

  it('takes the patch rows of a [1, N+1, D] table and measures locality', () => {
    const table = { data: Float32Array.from({ length: 3 * 2 }, (_, i) => i), dims: [1, 3, 2] };
    expect([...patchPositions(table)]).to.deep.equal([2, 3, 4, 5]);

    // On a 2×2 grid, adjacent pairs are (0,1), (0,2), (1,3), (2,3) both ways.
    const m = new Float64Array([
      1, 0.5, 0.25, 0, 0.5, 1, 0, 0.75, 0.25, 0, 1, 0.5, 0, 0.75, 0.5, 1,
    ]);
    const l = locality(m, 2, 2);
    expect(l.adjacent).to.be.closeTo((0.5 + 0.25 + 0.75 + 0.5) / 4, 1e-15);
    expect(l.far).to.equal(0);
    expect(mostSimilar(m, 4, 3)).to.equal(1);
    expect(mostSimilar(m, 4, 0)).to.equal(1);

    // Sinusoidal neighbours are more alike than far-apart positions.
    const s = similarityMatrix(sinusoidal2d(8, 64), 64, 64);
    const sl = locality(s, 8);
    expect(sl.adjacent).to.be.above(sl.far);
    expect(sl.adjacent).to.be.closeTo(sinusoidalSimilarity(0, 1, 64), 1e-6);
  });

  it('finds the tile under the pointer in the small multiples', () => {
    // 8 tiles of 8 px with 2 px gaps: 78 px, drawn here at 156 px.
    const side = 8 * 8 + 7 * GAP;
    expect(side).to.equal(78);
    expect(tileAt(1, 1, 156, 8)).to.equal(0);
    expect(tileAt(155, 155, 156, 8)).to.equal(63);
    // (row 2, col 5): x in 5·10 … 5·10 + 8 px of the canvas, ×2 on screen.
    expect(tileAt(2 * 53, 2 * 24, 156, 8)).to.equal(21);
    // The gap between tile 0 and tile 1 is 8 … 10 canvas px.
    expect(tileAt(2 * 9, 2, 156, 8)).to.equal(undefined);
  });
});
