// The pure functions against hand-worked values and numeric integrals.
import { expect } from '@open-wc/testing';
import {
  expectedTanh,
  histogram,
  integrate,
  logOneMinusTanh2,
  mulberry32,
  normalPdf,
  reparameterise,
  squashedLogProb,
  squashedPdf,
  standardNormals,
} from '../src/tanh-gaussian.js';

const CASES = [
  [0, 1],
  [0.7, 0.5],
  [-1.2, 0.3],
  [2, 0.8],
] as const;

describe('squashed-gaussian maths', () => {
  it('has a density of u that integrates to 1', () => {
    for (const [mu, sigma] of CASES) {
      const mass = integrate(
        (u) => normalPdf(u, mu, sigma),
        mu - 10 * sigma,
        mu + 10 * sigma,
        4000,
      );
      expect(mass, `μ=${mu}, σ=${sigma}`).to.be.closeTo(1, 1e-9);
    }
  });

  it('has a density of a = tanh(u) that integrates to 1 over (−1, 1)', () => {
    for (const [mu, sigma] of CASES) {
      // Uniform in a: the 1 / (1 − a²) factor is what makes this come to 1.
      const mass = integrate((a) => squashedPdf(a, mu, sigma), -1, 1, 200_000);
      expect(mass, `μ=${mu}, σ=${sigma}`).to.be.closeTo(1, 2e-3);
    }
    expect(squashedPdf(1, 0, 1)).to.equal(0);
    expect(squashedPdf(-1.5, 0, 1)).to.equal(0);
  });

  it('corrects log π at u = 0.5, μ = 0, σ = 1 as worked by hand', () => {
    const p = squashedLogProb(0.5, 0, 1, 2);
    // log N(0.5) = −0.125 − ½ log 2π = −1.0439385
    expect(p.logNormal).to.be.closeTo(-1.0439385332, 1e-9);
    // tanh 0.5 = 0.4621172, 1 − tanh² = 0.7864477, log = −0.2402290
    expect(p.a).to.be.closeTo(0.4621171573, 1e-9);
    expect(p.logJacobian).to.be.closeTo(-0.2402290139, 1e-9);
    // log π(a) = −1.0439385 + 0.2402290 = −0.8037095
    expect(p.logProb).to.be.closeTo(-0.8037095193, 1e-9);
    // Pendulum's torque 2a: one more −log 2.
    expect(p.logProbScaled).to.be.closeTo(-1.4968566998, 1e-9);

    // The same number as the density of a.
    expect(Math.exp(p.logProb)).to.be.closeTo(squashedPdf(p.a, 0, 1), 1e-12);
  });

  it('keeps log(1 − tanh²u) finite where the naive form gives −∞', () => {
    for (const u of [-3, -0.2, 0, 0.5, 4]) {
      expect(logOneMinusTanh2(u)).to.be.closeTo(Math.log(1 - Math.tanh(u) ** 2), 1e-9);
    }
    expect(Math.log(1 - Math.tanh(20) ** 2)).to.equal(-Infinity);
    // 1 − tanh²u = 4e^{−2u} / (1 + e^{−2u})² ≈ 4e^{−40}
    expect(logOneMinusTanh2(20)).to.be.closeTo(2 * Math.LN2 - 40, 1e-9);
    expect(logOneMinusTanh2(-20)).to.be.closeTo(2 * Math.LN2 - 40, 1e-9);
  });

  it('draws the same normals from the same seed, with mean 0 and variance 1', () => {
    const a = standardNormals(mulberry32(7), 20_001);
    const b = standardNormals(mulberry32(7), 20_001);
    expect(a).to.deep.equal(b);
    expect(standardNormals(mulberry32(8), 3)).not.to.deep.equal(a.slice(0, 3));
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    const variance = a.reduce((s, x) => s + (x - mean) ** 2, 0) / a.length;
    expect(mean).to.be.closeTo(0, 4 / Math.sqrt(a.length));
    expect(variance).to.be.closeTo(1, 0.04);
  });

  it('gives reparameterised samples whose mean is E[tanh(u)]', () => {
    const eps = standardNormals(mulberry32(2018), 20_000);
    expect(expectedTanh(0, 1)).to.be.closeTo(0, 1e-12);
    for (const [mu, sigma] of CASES) {
      const a = reparameterise(mu, sigma, eps);
      const mean = a.reduce((s, x) => s + x, 0) / a.length;
      const sd = Math.sqrt(a.reduce((s, x) => s + (x - mean) ** 2, 0) / a.length);
      const want = expectedTanh(mu, sigma);
      expect(mean, `μ=${mu}, σ=${sigma}`).to.be.closeTo(want, (4 * sd) / Math.sqrt(a.length));
      // Squashing pulls the mean toward 0: |E[tanh u]| < |tanh μ|.
      if (mu !== 0) expect(Math.abs(want)).to.be.below(Math.abs(Math.tanh(mu)));
    }
    // E[tanh u] at μ = 0.7, σ = 0.5 by an independent quadrature (Simpson, 2001 points).
    let s = 0;
    const h = 12 / 2000;
    for (let i = 0; i <= 2000; i++) {
      const u = 0.7 - 6 + i * h;
      const w = i === 0 || i === 2000 ? 1 : i % 2 ? 4 : 2;
      s += w * Math.tanh(u) * normalPdf(u, 0.7, 0.5);
    }
    expect(expectedTanh(0.7, 0.5)).to.be.closeTo((s * h) / 3, 1e-9);
  });

  it('bins values into densities', () => {
    const bins = histogram([0.1, 0.2, 0.6, 1.5], 0, 1, 2);
    // Two of four in [0, 0.5): density 0.5 / 0.5 = 1; one in [0.5, 1): 0.5.
    expect(bins).to.deep.equal([
      { x: 0.25, density: 1 },
      { x: 0.75, density: 0.5 },
    ]);
  });
});
