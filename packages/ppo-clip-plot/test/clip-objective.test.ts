// The pure functions on cases worked out by hand.
import { expect } from '@open-wc/testing';
import {
  clip,
  clipFraction,
  clipObjective,
  flatRegion,
  isZeroGradient,
  zeroGradientFraction,
} from '../src/clip-objective.js';
import { describeStats, percent } from '../src/captions.js';
import { parsePpoLog } from '../src/training-log.js';

describe('ppo-clip-plot clip objective', () => {
  it('takes the clipped term when it is the smaller one', () => {
    // min(1.5·2, clip(1.5, 0.8, 1.2)·2) = min(3, 2.4)
    expect(clipObjective(1.5, 2, 0.2)).to.be.closeTo(2.4, 1e-12);
    // min(0.5·(−1), 0.8·(−1)) = min(−0.5, −0.8)
    expect(clipObjective(0.5, -1, 0.2)).to.be.closeTo(-0.8, 1e-12);
  });

  it('keeps r·Â on the side of 1 the clip does not cap', () => {
    // min(0.5, 0.8) = 0.5: a good action made less likely still pulls back.
    expect(clipObjective(0.5, 1, 0.2)).to.equal(0.5);
    // min(−1.5, −1.2) = −1.5: a bad action made more likely is penalised in full.
    expect(clipObjective(1.5, -1, 0.2)).to.equal(-1.5);
    // Inside [0.8, 1.2] both terms agree.
    expect(clipObjective(1.1, 3, 0.2)).to.be.closeTo(3.3, 1e-12);
    expect(clip(1.1, 0.8, 1.2)).to.equal(1.1);
  });

  it('has zero gradient exactly where it says so', () => {
    expect(isZeroGradient(1.5, 2, 0.2)).to.equal(true);
    expect(isZeroGradient(0.5, -1, 0.2)).to.equal(true);
    expect(isZeroGradient(0.5, 1, 0.2)).to.equal(false);
    expect(isZeroGradient(1.5, -1, 0.2)).to.equal(false);
    expect(isZeroGradient(1.2, 1, 0.2)).to.equal(false);

    // A central difference in r agrees, all over [0, 2] for both signs.
    const h = 1e-6;
    for (const A of [1.7, -0.6]) {
      for (let r = 0.013; r < 2; r += 0.05) {
        const slope = (clipObjective(r + h, A, 0.2) - clipObjective(r - h, A, 0.2)) / (2 * h);
        if (isZeroGradient(r, A, 0.2)) expect(slope, `r=${r}, A=${A}`).to.equal(0);
        else expect(slope, `r=${r}, A=${A}`).to.be.closeTo(A, 1e-6);
      }
    }
  });

  it('gives the flat region for each sign', () => {
    expect(flatRegion(1, 0.2)).to.deep.equal([1.2, Infinity]);
    expect(flatRegion(-1, 0.25)).to.deep.equal([0, 0.75]);
  });

  it('counts the clip fraction as |r − 1| > ε, whatever the sign', () => {
    const batch = [
      { ratio: 1.5, advantage: 2 }, // outside, zero gradient
      { ratio: 0.5, advantage: -1 }, // outside, zero gradient
      { ratio: 0.5, advantage: 1 }, // outside, gradient kept
      { ratio: 1.1, advantage: 3 }, // inside
    ];
    expect(clipFraction(batch, 0.2)).to.equal(0.75);
    expect(zeroGradientFraction(batch, 0.2)).to.equal(0.5);
    expect(clipFraction(batch, 0.6)).to.equal(0);
    expect(clipFraction([], 0.2)).to.equal(0);
  });

  it('says the numbers in words', () => {
    expect(percent(0.1834)).to.equal('18.3%');
    const text = describeStats({
      epsilon: 0.25,
      samples: 4,
      clipFraction: 0.75,
      zeroGradient: 0.5,
      recorded: { epsilon: 0.2, clipFraction: 0.5 },
    });
    expect(text).to.contain('At ε = 0.25, 75.0% of the 4 ratios');
    expect(text).to.contain('logged 50.0% for this batch at ε = 0.2');
  });

  it('rejects a malformed training log with a plain message', () => {
    const good = {
      hyperparameters: { clipEpsilon: 0.2 },
      iterations: [{ iteration: 1, envSteps: 2048, clipFraction: 0.1 }],
      ratioBatch: {
        iteration: 1,
        epoch: 3,
        clipEpsilon: 0.2,
        clipFraction: 0,
        samples: [{ ratio: 1, advantage: 0.5 }],
      },
    };
    expect(parsePpoLog(good, 'x.json').ratioBatch.samples).to.have.length(1);

    const bad = (json: unknown) => {
      try {
        parsePpoLog(json, 'x.json');
      } catch (error) {
        return error as Error & { code: string };
      }
      throw new Error('accepted');
    };
    expect(bad(null).message).to.contain('clipEpsilon');
    expect(bad({ ...good, iterations: 3 }).message).to.contain('iterations is not a list');
    const noSamples = { ...good, ratioBatch: { ...good.ratioBatch, samples: [] } };
    expect(bad(noSamples).code).to.equal('data-invalid');
    const negative = {
      ...good,
      ratioBatch: { ...good.ratioBatch, samples: [{ ratio: -1, advantage: 1 }] },
    };
    expect(bad(negative).message).to.equal(
      'The PPO training log at x.json is malformed: ' +
        'a ratioBatch sample lacks a ratio ≥ 0 or an advantage.',
    );
  });
});
