// The ViT walkthrough as a reader meets it: /vit/ in headless Chromium,
// every figure scrolled to and ready, the recorded data-size experiment
// drawn, and the attention figure agreeing with PyTorch on a shipped scene.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { formatProblems, openDemo } from './helpers.mjs';
import { figureStates, openWalkthrough } from './walkthrough.mjs';

const TAGS = ['patch-embedding', 'tensor-shape-flow', 'attention-map', 'position-embedding'];
const readJson = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url)));
const dataSize = readJson('../../packages/slices-vit/data/data-size.json');
const tiny = readJson('../../packages/slices-vit/onnx/vit-tiny-scenes.json');

describe('ViT walkthrough /vit/', { timeout: 600_000 }, () => {
  let demo;
  let opened;

  before(async () => {
    demo = await openDemo({ isolated: true });
    opened = await openWalkthrough(demo, '/vit/', TAGS);
  });

  after(async () => {
    await demo?.close();
  });

  it('brings every figure to status="ready"', async () => {
    const states = await opened.page.evaluate(figureStates);
    assert.deepEqual(
      states,
      TAGS.map((t) => [t, 'ready']),
    );
  });

  it('draws the data-size experiment: one point per recorded run', async () => {
    await opened.page.evaluate(() => document.querySelector('#data-size').scrollIntoView());
    await opened.page.waitForFunction(
      () => document.querySelector('#data-size figcaption').textContent.length > 0,
      { timeout: 60_000, polling: 250 },
    );
    const { points, caption } = await opened.page.evaluate(() => ({
      points: document.querySelectorAll('#data-size svg .mark-symbol.role-mark path').length,
      caption: document.querySelector('#data-size figcaption').textContent,
    }));
    assert.equal(points, dataSize.runs.length);

    // The caption quotes the recorded accuracies at the smallest share.
    const smallest = Math.min(...dataSize.runs.map((r) => r.trainImages));
    const cnn = dataSize.runs.find((r) => r.model === 'cnn' && r.trainImages === smallest);
    assert.ok(caption.includes(`${(cnn.testAccuracy * 100).toFixed(1)}%`), caption);
  });

  it('shows the ViT-B/16 preset in the shape flow', async () => {
    const text = await opened.page.evaluate(
      () => document.querySelector('tensor-shape-flow').shadowRoot.textContent,
    );
    assert.match(text, /197\s*×\s*768/);
    assert.match(text, /86,567,656/);
  });

  it('runs the trained ViT on the first scene as PyTorch did', async () => {
    const got = await opened.page.evaluate(() => {
      const { probabilities, attention } = document.querySelector('attention-map').outputs;
      // Every attention row of every layer and head sums to 1.
      const n = attention.dims.at(-1);
      let worst = 0;
      for (let row = 0; row < attention.data.length / n; row++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += attention.data[row * n + j];
        worst = Math.max(worst, Math.abs(sum - 1));
      }
      return { probabilities, worst };
    });
    const want = tiny.scenes[0].probabilities;
    const atol = tiny.sceneTolerance?.probabilities?.atol ?? 1e-4;
    assert.equal(got.probabilities.length, want.length);
    got.probabilities.forEach((p, k) =>
      assert.ok(Math.abs(p - want[k]) <= atol, `class ${k}: ${p} vs ${want[k]}`),
    );
    assert.ok(got.worst < 1e-5, `an attention row is off 1 by ${got.worst}`);
  });

  it('logs no console error, uncaught exception or failed request', () => {
    assert.equal(opened.problems.length, 0, formatProblems(opened.problems));
  });
});
