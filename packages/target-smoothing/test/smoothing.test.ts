import { expect } from '@open-wc/testing';
import { Random } from '@model-walkthroughs/environments';
import {
  binIndex,
  delaySchedule,
  expectedCounts,
  histogram,
  meanInterval,
  normalCdf,
  sampleTargetActions,
  targetAction,
  targetCdf,
} from '../src/smoothing.js';

describe('smoothing', () => {
  it('clips the noise to ±c, then the action to ±2 (by hand)', () => {
    // μ = 0.5, c = 0.5: ε = 0.2 passes, ε = 0.9 is cut to 0.5, ε = −3 to −0.5.
    expect(targetAction(0.5, 0.2, 0.5)).to.be.closeTo(0.7, 1e-12);
    expect(targetAction(0.5, 0.9, 0.5)).to.equal(1);
    expect(targetAction(0.5, -3, 0.5)).to.equal(0);
    // μ = 1.8: 1.8 + 0.5 = 2.3 is cut to the torque limit 2.
    expect(targetAction(1.8, 0.7, 0.5)).to.equal(2);
    expect(targetAction(-1.9, -0.3, 1)).to.equal(-2);
    // c = 0: no smoothing at all.
    expect(targetAction(0.3, 5, 0)).to.equal(0.3);
  });

  it('has the normal CDF to 1e-7', () => {
    expect(normalCdf(0)).to.be.closeTo(0.5, 1e-7);
    expect(normalCdf(1)).to.be.closeTo(0.8413447461, 1e-7);
    expect(normalCdf(-1.959964)).to.be.closeTo(0.025, 1e-7);
    expect(normalCdf(-2.5)).to.be.closeTo(0.0062096653, 1e-7);
  });

  it('puts the clipped tails on the clip points', () => {
    // σ = 0.4, c = 1: each tail beyond ±c holds Φ(−2.5) ≈ 0.62%.
    const tail = normalCdf(-2.5);
    expect(targetCdf(-0.5, 0.5, 0.4, 1)).to.equal(0);
    expect(targetCdf(-0.4999, 0.5, 0.4, 1)).to.be.closeTo(tail, 1e-4);
    expect(targetCdf(0.5, 0.5, 0.4, 1)).to.be.closeTo(0.5, 1e-7);
    expect(targetCdf(1.5, 0.5, 0.4, 1)).to.be.closeTo(1 - tail, 1e-7);
    expect(targetCdf(1.5001, 0.5, 0.4, 1)).to.equal(1);
    // Near the torque limit the limit clips first: P(ã = 2) = P(ε ≥ 0.2) = Φ(−0.5).
    expect(1 - targetCdf(2, 1.8, 0.4, 1)).to.be.closeTo(normalCdf(-0.5), 1e-7);
  });

  it('draws as often on the clip points as the distribution says', () => {
    const n = 20000;
    const a = sampleTargetActions(0.5, 0.4, 0.6, n, new Random(2));
    // Float32 storage: compare against the stored values of 0.5 ± 0.6.
    const hi = Math.fround(0.5 + 0.6);
    const lo = Math.fround(0.5 - 0.6);
    const edges = [...a].filter((v) => v === hi || v === lo).length;
    const want = 2 * normalCdf(-1.5) * n; // 13.4% of draws
    expect(edges).to.be.closeTo(want, 4 * Math.sqrt(want));
    expect(Math.max(...a)).to.equal(hi);
    expect(Math.min(...a)).to.equal(lo);
  });

  it('bins the draws like the expected counts', () => {
    const n = 5000;
    const w = 0.05;
    const a = sampleTargetActions(1.7, 0.4, 1, n, new Random(9));
    const got = histogram(a, w);
    const want = expectedCounts(1.7, 0.4, 1, n, w);
    expect(got).to.have.length(80);
    expect(got.reduce((s, v) => s + v, 0)).to.equal(n);
    expect(want.reduce((s, v) => s + v, 0)).to.be.closeTo(n, 1e-6);
    // The last bin [1.95, 2] holds P(ã ≥ 1.95) = Φ(−0.625): the atom at the
    // torque limit, P(ε ≥ 0.3) = Φ(−0.75) ≈ 22.7%, and the density below it.
    expect(binIndex(2, w)).to.equal(79);
    expect(want[79]).to.be.closeTo(n * normalCdf(-0.625), 1e-3);
    expect(got[79]).to.be.above(n * normalCdf(-0.75));
    for (let j = 0; j < 80; j++)
      expect(got[j]).to.be.closeTo(want[j]!, 5 * Math.sqrt(want[j]!) + 1);
  });

  it('gives the mean and its 95% interval', () => {
    const m = meanInterval([2, 4]);
    expect(m.mean).to.equal(3);
    expect(m.high - m.mean).to.be.closeTo((1.959964 * Math.sqrt(2)) / Math.sqrt(2), 1e-12);
  });

  it('moves the actor every d-th update, counting from 1', () => {
    expect(delaySchedule(6, 2)).to.deep.equal([false, true, false, true, false, true]);
    expect(delaySchedule(4, 1)).to.deep.equal([true, true, true, true]);
    expect(
      delaySchedule(7, 3)
        .map((v, i) => (v ? i + 1 : 0))
        .filter(Boolean),
    ).to.deep.equal([3, 6]);
  });
});
