// The pure signal-propagation functions on hand-made tensors, with norms
// worked out by hand.
import { expect } from '@open-wc/testing';
import {
  depthNorms,
  l2,
  mulberry32,
  normaliseImageNet,
  normRatio,
  probeBatch,
  unitDirection,
} from '../src/signal-propagation.js';

describe('skip-connection signal propagation', () => {
  it('gives activation and JVP norms per depth from a hand-made hidden tensor', () => {
    // hidden [2 depths, 3 samples, 1 channel, 2, 2]
    const hidden = {
      dims: [2, 3, 1, 2, 2],
      data: new Float32Array([
        // depth 0: x₀ = (3, 4, 0, 0); probes differ by (2, 2, 2, 2)
        3, 4, 0, 0, 1, 1, 1, 1, -1, -1, -1, -1,
        // depth 1: x₀ = (1, 2, 2, 0); probes differ by (0, 0, 0, 0.5)
        1, 2, 2, 0, 0, 0, 0, 0.25, 0, 0, 0, -0.25,
      ]),
    };

    const norms = depthNorms(hidden, 0.5);

    // ‖(3, 4, 0, 0)‖ = 5, ‖(1, 2, 2, 0)‖ = 3
    expect(norms.activation).to.deep.equal([5, 3]);
    // ‖(2, 2, 2, 2) / (2 · 0.5)‖ = 4, ‖(0, 0, 0, 0.5) / 1‖ = 0.5
    expect(norms.jvp).to.deep.equal([4, 0.5]);
  });

  it('divides the probe difference by 2ε', () => {
    const hidden = { dims: [1, 3, 1], data: new Float32Array([0, 0.5, -0.5]) };
    expect(depthNorms(hidden, 1e-2).jvp[0]).to.be.closeTo(50, 1e-9);
  });

  it('refuses a hidden tensor without the three probes', () => {
    const hidden = { dims: [2, 2, 4], data: new Float32Array(16) };
    expect(() => depthNorms(hidden, 0.1)).to.throw(RangeError, /\[L, 3/);
    const ok = { dims: [1, 3, 1], data: new Float32Array(3) };
    expect(() => depthNorms(ok, 0)).to.throw(RangeError, /epsilon/);
  });

  it('builds the batch [x₀, x₀ + εv, x₀ − εv]', () => {
    const x0 = { dims: [1, 1, 1, 2], data: new Float32Array([1, -2]) };
    const batch = probeBatch(x0, [0.6, 0.8], 0.5);
    expect(batch.dims).to.deep.equal([3, 1, 1, 2]);
    expect([...batch.data]).to.deep.equal([1, -2, 1.3, -1.6, 0.7, -2.4].map(Math.fround));
    expect(() => probeBatch(x0, [1], 0.5)).to.throw(RangeError);
  });

  it('draws the same numbers from the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).to.deep.equal(first);
    expect(first.every((v) => v >= 0 && v < 1)).to.equal(true);
    expect(mulberry32(43)()).to.not.equal(first[0]);
  });

  it('makes a unit direction with zero-mean entries', () => {
    const v = unitDirection(9408, 2016);
    expect(l2(v)).to.be.closeTo(1, 1e-12);

    // Gaussian entries: mean near 0, each about 1/√n in size.
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    expect(Math.abs(mean)).to.be.below(3 / v.length);
    expect(unitDirection(9408, 2016)).to.deep.equal(v);
  });

  it('normalises with the ImageNet statistics', () => {
    // One pixel: RGB = (0.485, 0.456 + 0.224, 0.406 − 0.225) → (0, 1, −1)
    const t = normaliseImageNet(new Float32Array([0.485, 0.68, 0.181]), 1, 1);
    expect(t.dims).to.deep.equal([1, 3, 1, 1]);
    [0, 1, -1].forEach((want, c) => expect(t.data[c]).to.be.closeTo(want, 1e-6));
  });

  it('measures one norm against another', () => {
    expect(normRatio([3, 4], [0, 10])).to.equal(0.5);
  });
});
