import { expect } from '@open-wc/testing';
import { discountedReturns, estimates, gae, maxAbsDiff, tdErrors } from '../src/gae.js';

describe('gae maths', () => {
  // Three steps, the last one ending the episode (done = 1).
  const rewards = [1, 1, 1];
  const values = [2.0, 1.5, 0.5, 7.0]; // V(s₃) = 7 must be ignored: done
  const dones = [0, 0, 1];
  const gamma = 0.9;
  const lambda = 0.5;

  it('computes TD errors worked out by hand', () => {
    // δ₀ = 1 + 0.9·1.5 − 2.0 = 0.35
    // δ₁ = 1 + 0.9·0.5 − 1.5 = −0.05
    // δ₂ = 1 + 0.9·7·(1 − 1) − 0.5 = 0.5
    const deltas = tdErrors(rewards, values, dones, gamma);
    expect(deltas[0]).to.be.closeTo(0.35, 1e-15);
    expect(deltas[1]).to.be.closeTo(-0.05, 1e-15);
    expect(deltas[2]).to.be.closeTo(0.5, 1e-15);
  });

  it('equals the direct double sum Σₗ (γλ)ˡ δₜ₊ₗ', () => {
    // γλ = 0.45:
    // Â₂ = 0.5
    // Â₁ = −0.05 + 0.45·0.5 = 0.175
    // Â₀ = 0.35 + 0.45·(−0.05) + 0.45²·0.5 = 0.42875
    const deltas = tdErrors(rewards, values, dones, gamma);
    const got = gae(deltas, dones, gamma, lambda);
    expect(Array.from(got).map((v) => +v.toFixed(12))).to.deep.equal([0.42875, 0.175, 0.5]);

    const direct = deltas.map((_, t) => {
      let sum = 0;
      for (let l = 0; t + l < deltas.length; l++) sum += (gamma * lambda) ** l * deltas[t + l]!;
      return sum;
    });
    expect(maxAbsDiff(got, direct)).to.be.below(1e-15);
  });

  it('stops at an episode boundary inside the rollout', () => {
    // Two episodes of two steps: the second's δ must not leak into the first.
    const d = [1, 2, 3, 4];
    const got = gae(d, [0, 1, 0, 0], 1, 1);
    expect(Array.from(got)).to.deep.equal([3, 2, 7, 4]);
  });

  it('is the TD error at λ = 0, exactly', () => {
    const e = estimates(rewards, values, dones, gamma, 0);
    expect(Array.from(e.advantages)).to.deep.equal(Array.from(e.deltas));
    expect(e.fromTd).to.equal(0);
  });

  it('is the Monte Carlo return minus V at λ = 1', () => {
    // G₂ = 1; G₁ = 1 + 0.9 = 1.9; G₀ = 1 + 0.9·1.9 = 2.71
    const G = discountedReturns(rewards, dones, gamma, values[3]);
    expect(Array.from(G).map((v) => +v.toFixed(12))).to.deep.equal([2.71, 1.9, 1]);
    const e = estimates(rewards, values, dones, gamma, 1);
    expect(Array.from(e.advantages).map((v) => +v.toFixed(12))).to.deep.equal([0.71, 0.4, 0.5]);
    expect(e.fromMonteCarlo).to.be.below(1e-15);
    expect(e.fromTd).to.be.closeTo(0.45, 1e-12); // |0.4 − (−0.05)|
  });

  it('bootstraps a cut rollout from V(s_T)', () => {
    // Not done at the end: G₁ = 1 + 0.5·10 = 6, G₀ = 1 + 0.5·6 = 4.
    const v = [3, 4, 10];
    const G = discountedReturns([1, 1], [0, 0], 0.5, v[2]);
    expect(Array.from(G)).to.deep.equal([4, 6]);
    const e = estimates([1, 1], v, [0, 0], 0.5, 1);
    expect(Array.from(e.advantages)).to.deep.equal([1, 2]); // G − V
    expect(e.fromMonteCarlo).to.equal(0);
  });

  it('holds the identities on a long random rollout', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 100;
    const T = 300;
    const r = Array.from({ length: T }, () => 1);
    const v = Array.from({ length: T + 1 }, rand);
    const d = r.map((_, t) => (t === T - 1 ? 1 : 0));
    expect(estimates(r, v, d, 0.99, 0).fromTd).to.equal(0);
    expect(estimates(r, v, d, 0.99, 1).fromMonteCarlo).to.be.below(1e-11);
    expect(estimates(r, v, d, 0.99, 0.95).fromTd).to.be.above(1);
  });

  it('refuses values of the wrong length', () => {
    expect(() => tdErrors([1], [1], [0], 0.9)).to.throw(RangeError);
  });
});
