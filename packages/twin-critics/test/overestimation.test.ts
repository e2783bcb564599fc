import { expect } from '@open-wc/testing';
import { Random } from '@model-walkthroughs/environments';
import { argmax, meanInterval, overestimation } from '../src/overestimation.js';
import { actionGrid, criticFeeds, observation, rodTip, toDegrees } from '../src/pendulum-state.js';

// E[max of K standard normals], by quadrature of K x Φ(x)^(K−1) φ(x):
// K = 2 is 1/√π and K = 3 is 3/(2√π) in closed form.
const E_MAX = {
  1: 0,
  2: 1 / Math.sqrt(Math.PI),
  3: 1.5 / Math.sqrt(Math.PI),
  101: 2.511148,
  102: 2.514664,
};

describe('overestimation', () => {
  it('finds the first largest value', () => {
    expect(argmax([1, 3, 2, 3])).to.equal(1);
    expect(argmax([-5])).to.equal(0);
    expect(argmax(Float32Array.of(-3, -1, -2))).to.equal(1);
  });

  it('gives the mean and its 95% interval', () => {
    const m = meanInterval([1, 2, 3, 4]);
    expect(m.mean).to.equal(2.5);
    // sd = √(5/3), half-width = 1.96 · sd / √4
    const half = (1.959964 * Math.sqrt(5 / 3)) / 2;
    expect(m.low).to.be.closeTo(2.5 - half, 1e-12);
    expect(m.high).to.be.closeTo(2.5 + half, 1e-12);
  });

  it('has no bias without noise', () => {
    const q = [0, 1, 3, 2];
    const { single, clipped } = overestimation(q, 0, 20, new Random(1));
    expect([...single].every((v) => v === 0)).to.equal(true);
    expect([...clipped].every((v) => v === 0)).to.equal(true);
  });

  // For a flat curve of K actions, the single max is σ·E[max of K normals]
  // and the clipped target E[min(M_K, Z)] = E[M_K] − E[M_{K+1}] ≤ 0.
  for (const k of [2, 101] as const) {
    it(`matches σ·E[max of ${k} normals] on a flat curve, and the clipped target is not above`, () => {
      const sigma = 1.5;
      const n = 20000;
      const { single, clipped } = overestimation(new Float64Array(k), sigma, n, new Random(7));
      const s = meanInterval(single);
      const c = meanInterval(clipped);
      const next = (k + 1) as 3 | 102;
      const wantSingle = sigma * E_MAX[k];
      const wantClipped = sigma * (E_MAX[k] - E_MAX[next]);
      // Within the 95% interval (widened a little: one in twenty would miss).
      const slack = 1.5 * (s.high - s.mean);
      expect(s.mean).to.be.closeTo(wantSingle, slack);
      expect(c.mean).to.be.closeTo(wantClipped, 1.5 * (c.high - c.mean));
      expect(c.mean).to.be.below(s.mean);
      expect(c.low).to.be.below(0);
    });
  }

  it('K = 2 by hand: the single max is σ/√π ≈ 0.5642σ above, clipped σ/(2√π) below', () => {
    const { single, clipped } = overestimation([0, 0], 1, 40000, new Random(3));
    expect(meanInterval(single).mean).to.be.closeTo(0.5642, 0.012);
    expect(meanInterval(clipped).mean).to.be.closeTo(-0.2821, 0.012);
  });

  it('on a sharp peak the single max is unbiased and the clipped target is σ/√π low', () => {
    // One action far above the rest: the argmax never moves, so the single
    // target is q + ε (unbiased) and the clipped one E[min(ε1, ε2)] = −σ/√π.
    const q = Array.from({ length: 11 }, (_, i) => (i === 5 ? 100 : 0));
    const { single, clipped } = overestimation(q, 1, 20000, new Random(11));
    expect(meanInterval(single).mean).to.be.closeTo(0, 0.03);
    expect(meanInterval(clipped).mean).to.be.closeTo(-1 / Math.sqrt(Math.PI), 0.03);
  });

  it('repeats itself for a seed', () => {
    const q = [0, 0.5, 1, 0.5];
    const a = overestimation(q, 2, 50, new Random(5));
    const b = overestimation(q, 2, 50, new Random(5));
    expect([...a.single]).to.deep.equal([...b.single]);
    expect([...a.clipped]).to.deep.equal([...b.clipped]);
  });
});

describe('pendulum state', () => {
  it('spaces 101 actions 0.04 apart from −2 to 2', () => {
    const a = actionGrid(101);
    expect(a[0]).to.equal(-2);
    expect(a[50]).to.equal(0);
    expect(a[100]).to.equal(2);
    expect(a[1]).to.be.closeTo(-1.96, 1e-6);
  });

  it('observes [cos θ, sin θ, θ̇] with θ = 0 upright', () => {
    const down = observation(180, 0.5);
    expect(down[0]).to.be.closeTo(-1, 1e-12);
    expect(down[1]).to.be.closeTo(0, 1e-12);
    expect(down[2]).to.equal(0.5);
    const side = observation(90, 0);
    expect(side[0]).to.be.closeTo(0, 1e-12);
    expect(side[1]).to.be.closeTo(1, 1e-12);
  });

  it('repeats the state once per action in the critic feeds', () => {
    const { obs, action } = criticFeeds(90, -1, actionGrid(5));
    expect(obs.dims).to.deep.equal([5, 3]);
    expect(action.dims).to.deep.equal([5, 1]);
    expect([...obs.data.subarray(12, 15)].map((v) => Math.round(v * 1e6) / 1e6)).to.deep.equal([
      0, 1, -1,
    ]);
    expect([...action.data]).to.deep.equal([-2, -1, 0, 1, 2]);
  });

  it('wraps radians to degrees and draws the rod', () => {
    expect(toDegrees(Math.PI)).to.equal(180);
    expect(toDegrees(-Math.PI / 2)).to.be.closeTo(-90, 1e-12);
    expect(toDegrees((3 * Math.PI) / 2)).to.be.closeTo(-90, 1e-12);
    const [x, y] = rodTip(0, 10);
    expect([x, y]).to.deep.equal([10, 2]);
    // Positive θ leans counter-clockwise: to the left of upright.
    expect(rodTip(90, 10)[0]).to.be.closeTo(2, 1e-12);
  });
});
