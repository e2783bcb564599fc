// The reinforcement-learning walkthroughs as a reader meets them: /ppo/,
// /td3/ and /sac/ in headless Chromium, every figure scrolled to and ready
// on the trained networks, and nothing logged as an error.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatProblems, openDemo } from './helpers.mjs';
import { figureStates, openWalkthrough } from './walkthrough.mjs';

const PAGES = {
  '/ppo/': ['actor-critic', 'gae-advantage', 'ppo-clip-plot'],
  '/td3/': ['twin-critics', 'target-smoothing'],
  '/sac/': ['entropy-temperature', 'squashed-gaussian'],
};

describe('RL walkthroughs /ppo/, /td3/, /sac/', { timeout: 900_000 }, () => {
  let demo;

  before(async () => {
    demo = await openDemo({ isolated: true });
  });

  after(async () => {
    await demo?.close();
  });

  for (const [path, tags] of Object.entries(PAGES)) {
    it(`${path} brings every figure to status="ready" without a console error`, async () => {
      const opened = await openWalkthrough(demo, path, tags);
      const states = await opened.page.evaluate(figureStates);
      assert.deepEqual(
        states,
        tags.map((t) => [t, 'ready']),
      );
      assert.equal(opened.problems.length, 0, formatProblems(opened.problems));
      await opened.page.close();
    });
  }
});
