// The Boltzmann policy and the temperature loss on hand-worked cases.
import { expect } from '@open-wc/testing';
import { linspace } from '@model-walkthroughs/core';
import { alphaForEntropy, boltzmann, temperatureLoss } from '../src/boltzmann.js';

describe('entropy-temperature maths', () => {
  it('spaces 101 actions over Pendulum torques [−2, 2]', () => {
    const grid = linspace(101, -2, 2);
    expect(grid[0]).to.equal(-2);
    expect(grid[50]).to.equal(0);
    expect(grid[100]).to.equal(2);
    expect(grid[1]! - grid[0]!).to.be.closeTo(0.04, 1e-6);
  });

  it('weighs two actions by exp(Q/α) as worked by hand', () => {
    // Q = (0, ln 3), α = 1: π = (1/4, 3/4).
    const s = boltzmann([0, Math.log(3)], 1, 1);
    expect(s.probs[0]).to.be.closeTo(0.25, 1e-12);
    expect(s.probs[1]).to.be.closeTo(0.75, 1e-12);
    // H = −(¼ ln ¼ + ¾ ln ¾) = 0.5623351
    expect(s.entropy).to.be.closeTo(0.5623351446, 1e-9);
    // E[Q] = ¾ ln 3 = 0.8239592
    expect(s.expectedQ).to.be.closeTo(0.8239592165, 1e-9);
    // V = ln(e⁰ + e^{ln 3}) = ln 4
    expect(s.softValue).to.be.closeTo(Math.log(4), 1e-12);

    // α = 2 halves the gap: π ∝ (1, √3).
    const warm = boltzmann([0, Math.log(3)], 2, 1);
    expect(warm.probs[1]).to.be.closeTo(Math.sqrt(3) / (1 + Math.sqrt(3)), 1e-12);
  });

  it('keeps V = E[Q] + α·H and tends to greedy and uniform', () => {
    const grid = linspace(101, -2, 2);
    const q = Array.from(grid, (a) => -((a - 0.7) ** 2) * 30 - 200);
    const da = 0.04;
    for (const alpha of [0.01, 0.3, 5]) {
      const s = boltzmann(q, alpha, da);
      expect(s.softValue).to.be.closeTo(s.expectedQ + alpha * s.entropy, 1e-9);
      expect(s.probs.reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-12);
    }
    // Cold: all mass on the best action (a = 0.68 or 0.72 sit either side of 0.7).
    const cold = boltzmann(q, 1e-4, da);
    expect(cold.expectedQ).to.be.closeTo(Math.max(...q), 1e-3);
    expect(cold.entropy).to.be.below(Math.log(2 * da) + 1e-9);
    // Hot: uniform over 101 cells of width 0.04.
    const hot = boltzmann(q, 1e6, da);
    expect(hot.entropy).to.be.closeTo(Math.log(101 * da), 1e-4);
    expect(hot.expectedQ).to.be.closeTo(q.reduce((a, b) => a + b) / q.length, 1e-2);
  });

  it('finds the α whose policy has the target entropy', () => {
    const q = Array.from(linspace(101, -2, 2), (a) => -10 * a * a);
    const alpha = alphaForEntropy(q, 0.04, -1)!;
    expect(boltzmann(q, alpha, 0.04).entropy).to.be.closeTo(-1, 1e-6);
    // A Gaussian N(0, α/20) on a fine grid: H = ½ ln(2πe·α/20) = −1 at α = 20e^{−2}/(2πe).
    expect(alpha).to.be.closeTo((20 * Math.exp(-2)) / (2 * Math.PI * Math.E), 2e-3);
    expect(alphaForEntropy(q, 0.04, 3)).to.equal(undefined);
  });

  it('gives the temperature loss and which way it moves α', () => {
    // Mean log π = 0.5, so the entropy −0.5 is above the target H̄ = −1.
    const high = temperatureLoss(0.2, [-0.5, 1.5], -1);
    // J = −0.2·(0.5 − 1) = 0.1; dJ/dα = −(0.5 − 1) = 0.5 > 0, so descent lowers α.
    expect(high.loss).to.be.closeTo(0.1, 1e-12);
    expect(high.gradient).to.be.closeTo(0.5, 1e-12);

    // Mean log π = 2: entropy −2 is below −1; dJ/dα = −(2 − 1) = −1, so α rises.
    const low = temperatureLoss(0.2, [1.5, 2.5], -1);
    expect(low.gradient).to.equal(-1);
  });
});
