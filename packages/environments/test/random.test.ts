import { expect } from '@open-wc/testing';
import { Random } from '../src/index.js';

describe('Random', () => {
  it('gives xoshiro128** outputs seeded by splitmix32', () => {
    // From an independent Python transcription of the reference C code
    // (which gives 11520, 0, 5927040, 70819200 from the state {1, 2, 3, 4}).
    const draws = (seed: number) => {
      const r = new Random(seed);
      return [r.nextUint32(), r.nextUint32(), r.nextUint32(), r.nextUint32()];
    };
    expect(draws(0)).to.deep.equal([3809008728, 1133695204, 53579671, 2891528803]);
    expect(draws(42)).to.deep.equal([2837322924, 544945897, 479756282, 3500138142]);
  });

  it('joins two outputs into one double with 53 bits', () => {
    // (2837322924 >>> 5) · 2²⁶ + (544945897 >>> 6), over 2⁵³.
    const want = ((2837322924 >>> 5) * 2 ** 26 + (544945897 >>> 6)) / 2 ** 53;
    expect(new Random(42).next()).to.equal(want);
    expect(want).to.be.closeTo(0.6606157208001621, 1e-16);
  });

  it('repeats a sequence for the same seed and differs for another', () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).to.deep.equal(xs);
    expect(Array.from({ length: 100 }, () => c.next())).not.to.deep.equal(xs);

    a.seed(7);
    expect(a.next()).to.equal(xs[0]);
  });

  it('tells large seeds apart', () => {
    expect(new Random(1).next()).not.to.equal(new Random(1 + 2 ** 32).next());
  });

  it('draws uniform and normal values with the right moments', () => {
    const r = new Random(2024);
    const n = 50_000;
    let sum = 0;
    let inRange = true;
    for (let i = 0; i < n; i++) {
      const u = r.uniform(-2, 3);
      sum += u;
      inRange &&= u >= -2 && u < 3;
    }
    expect(inRange).to.equal(true);
    // Mean 0.5, standard error 5/√12/√n ≈ 0.0065: four of them.
    expect(sum / n).to.be.closeTo(0.5, 0.026);

    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s1 += z;
      s2 += z * z;
    }
    expect(s1 / n).to.be.closeTo(0, 0.018);
    expect(s2 / n).to.be.closeTo(1, 0.026);
  });

  it('refuses a seed that is not a number', () => {
    expect(() => new Random(Number.NaN)).to.throw(RangeError);
  });
});
