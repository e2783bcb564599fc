// Every story of the static Storybook, as a designer opens it: the figure
// reaches status="ready" (or the error a story means to show), nothing is
// logged as an error, and axe finds no violation in the rendered story.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { formatProblems, launchBrowser, openPage, waitForFigures } from '../e2e/helpers.mjs';

const root = new URL('../../apps/storybook/storybook-static/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('index.json', root)));
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

describe('Storybook stories', { timeout: 900_000 }, () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ root: root.pathname, port: 0, quiet: true });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has a story for every figure', () => {
    const components = new Set(stories.map((s) => s.title));
    for (const title of [
      'ResNet/Skip connection',
      'ResNet/Bottleneck block',
      'ResNet/Tensor shape flow',
      'ViT/Patch embedding',
      'ViT/Attention map',
      'ViT/Position embedding',
      'PPO/Actor and critic',
      'PPO/GAE advantage',
      'PPO/Clipped objective',
      'TD3/Twin critics',
      'TD3/Target smoothing',
      'SAC/Entropy temperature',
      'SAC/Squashed Gaussian',
    ]) {
      assert.ok(
        [...components].some((c) => c.toLowerCase() === title.toLowerCase()),
        title,
      );
    }
  });

  for (const story of stories) {
    it(`${story.title} / ${story.name} renders ready and passes axe`, async () => {
      const url = new URL(`iframe.html?id=${story.id}&viewMode=story`, server.url).href;
      const { page, problems } = await openPage(browser, url);
      try {
        await waitForFigures(page, '[status]', 240_000);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          // Storybook's a11y addon runs the same axe on its own schedule, and
          // axe refuses a second run while one is going: wait for a turn.
          const runAxe = async (target) => {
            for (let attempt = 0; ; attempt++) {
              try {
                return await window.axe.run(target);
              } catch (error) {
                if (attempt > 40 || !/already running/.test(String(error))) throw error;
                await new Promise((done) => setTimeout(done, 250));
              }
            }
          };
          const found = [];
          for (const figure of document.querySelectorAll('[status]')) {
            const result = await runAxe(figure);
            found.push(...result.violations.map((v) => `${v.id}: ${v.help}`));
          }
          return found;
        });
        assert.deepEqual(violations, []);
        assert.equal(problems.length, 0, formatProblems(problems));
      } finally {
        await page.close();
      }
    });
  }
});
