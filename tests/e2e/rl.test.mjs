// The reinforcement-learning walkthroughs as a reader meets them: /ppo/,
// /td3/ and /sac/ in headless Chromium, every figure scrolled to and ready
// on the trained networks, and nothing logged as an error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { formatProblems, openDemo } from './helpers.mjs';
import { figureStates, openWalkthrough } from './walkthrough.mjs';

const ppoLog = JSON.parse(
  readFileSync(new URL('../../packages/slices-rl/data/ppo-training.json', import.meta.url)),
);

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

  it('/ppo/: the agent balances on its own while in view, and stops when paused', async () => {
    const opened = await openWalkthrough(demo, '/ppo/', PAGES['/ppo/']);
    const { page } = opened;
    const steps = () =>
      page.evaluate(() =>
        Number(
          document.querySelector('actor-critic').shadowRoot.querySelector('[data-steps]')
            .textContent,
        ),
      );
    await page.evaluate(() => document.querySelector('actor-critic').scrollIntoView());
    // autoplay: steps advance with no input from the reader.
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector('actor-critic').shadowRoot.querySelector('[data-steps]')
            .textContent,
        ) >= 30,
      { timeout: 30_000, polling: 100 },
    );

    // The trained policy keeps the pole up: no episode has ended yet after
    // 30 steps, so the return equals the step count (reward 1 a step).
    const shown = await page.evaluate(() => {
      const root = document.querySelector('actor-critic').shadowRoot;
      return [root.querySelector('[data-steps]'), root.querySelector('[data-return]')].map((e) =>
        Number(e.textContent),
      );
    });
    assert.ok(shown[1] >= 30 && shown[1] <= shown[0], JSON.stringify(shown));

    await page.evaluate(() => {
      const root = document.querySelector('actor-critic').shadowRoot;
      [...root.querySelectorAll('button')].find((b) => /pause/i.test(b.textContent)).click();
    });
    const paused = await steps();
    await new Promise((done) => setTimeout(done, 500));
    assert.equal(await steps(), paused);
    assert.equal(opened.problems.length, 0, formatProblems(opened.problems));
    await page.close();
  });

  it('/ppo/: the clip fraction of the real minibatch is the one training logged', async () => {
    const opened = await openWalkthrough(demo, '/ppo/', PAGES['/ppo/']);
    const text = await opened.page.evaluate(
      () =>
        document.querySelector('ppo-clip-plot').shadowRoot.querySelector('[part=measurement]')
          .textContent,
    );
    const logged = `${(ppoLog.ratioBatch.clipFraction * 100).toFixed(1)}%`;
    assert.ok(text.includes(`${logged} of the ${ppoLog.ratioBatch.samples.length} ratios`), text);
    await opened.page.close();
  });
});
