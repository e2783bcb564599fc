// The ResNet walkthrough as a reader meets it: the built demo's /resnet/
// page in headless Chromium, every figure scrolled into view and ready on
// the sample photo, numbers and pixels checked against known values.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { colormap } from '../../packages/core/dist/colormap.js';
import { formatProblems, openDemo, waitForFigures } from './helpers.mjs';

const manifest = (name) =>
  JSON.parse(
    readFileSync(new URL(`../../packages/slices-resnet/onnx/${name}.json`, import.meta.url)),
  );

// Known values: the cat photo through the stem and layer1[0], computed with
// PyTorch when the slices were exported (models/export_resnet.py).
const reference = manifest('bottleneck-projection').imageReference;
const rtol = reference.tolerance.rtol;

function assertClose(got, want, what) {
  assert.ok(Math.abs(got - want) <= rtol * Math.abs(want), `${what}: got ${got}, want ${want}`);
}

/** In the page: the figure's own tensors, read through its shadow root. */
function tensorNorms(tag, key, names) {
  const el = document.querySelector(tag);
  const source = el[key];
  const l2 = (data) => Math.sqrt(data.reduce((s, v) => s + v * v, 0));
  return Object.fromEntries(names.map((n) => [n, l2(source[n].data)]));
}

/**
 * In the page: the share of a canvas's pixels (gaps between tiles left
 * out) whose colour lies on a colour map's 256-entry table.
 */
function shareOnColormap(tag, selector, table) {
  const canvas = document.querySelector(tag).shadowRoot.querySelector(selector);
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let drawn = 0;
  let onMap = 0;
  const colours = new Set();
  for (let p = 0; p < data.length; p += 4) {
    if (data[p + 3] === 0) continue;
    drawn++;
    colours.add((data[p] << 16) | (data[p + 1] << 8) | data[p + 2]);
    for (let k = 0; k < table.length; k += 3) {
      const d = Math.abs(data[p] - table[k]) + Math.abs(data[p + 1] - table[k + 1]);
      if (d + Math.abs(data[p + 2] - table[k + 2]) <= 3) {
        onMap++;
        break;
      }
    }
  }
  return { width: canvas.width, height: canvas.height, drawn, onMap, colours: colours.size };
}

describe('ResNet walkthrough /resnet/', { timeout: 600_000 }, () => {
  let demo;
  let opened;

  before(async () => {
    // Served as `npm start` serves it: cross-origin isolated, so WASM threads.
    demo = await openDemo({ isolated: true });
    opened = await demo.open('/resnet/');
    // The figures start when scrolled near: scroll to each, as a reader would.
    // Each one is given the moment it needs to notice (an
    // IntersectionObserver reports at the next frame, not on scroll).
    for (const tag of ['skip-connection', 'bottleneck-block', 'tensor-shape-flow']) {
      await opened.page.evaluate((t) => document.querySelector(t).scrollIntoView(), tag);
      await opened.page.waitForFunction(
        (t) => document.querySelector(t).getAttribute('status') !== 'idle',
        { timeout: 30_000, polling: 'raf' },
        tag,
      );
    }
    await waitForFigures(opened.page, '[status]', 300_000, { min: 3 });
  });

  after(async () => {
    await demo?.close();
  });

  it('brings every figure to status="ready" on the sample photo', async () => {
    const states = await opened.page.evaluate(() =>
      [...document.querySelectorAll('[status]')].map((el) => [el.localName, el.status]),
    );
    assert.deepEqual(states, [
      ['skip-connection', 'ready'],
      ['bottleneck-block', 'ready'],
      ['tensor-shape-flow', 'ready'],
    ]);
  });

  it('is cross-origin isolated, so the runtime may use threads', async () => {
    assert.equal(await opened.page.evaluate(() => crossOriginIsolated), true);
  });

  it('logs no console error, uncaught exception or failed request', () => {
    assert.equal(opened.problems.length, 0, formatProblems(opened.problems));
  });

  it('runs the real slices on the photo: norms match PyTorch on the same photo', async () => {
    const skip = await opened.page.evaluate(tensorNorms, 'skip-connection', 'block', [
      'x',
      'residual',
      'shortcut',
      'output',
    ]);
    assertClose(skip.x, reference.stem.pool.l2, 'x = stem pool');
    for (const name of ['residual', 'shortcut', 'output']) {
      assertClose(skip[name], reference.outputs[name].l2, name);
    }

    // <bottleneck-block> runs layer1[1] on what layer1[0] made of the photo.
    const block = await opened.page.evaluate(tensorNorms, 'bottleneck-block', 'result', ['x']);
    assertClose(block.x, reference.outputs.output.l2, 'layer1[1] input');
  });

  it('prints the measured ‖F(x)‖ / ‖W_s x‖ of the photo', async () => {
    const text = await opened.page.evaluate(
      () =>
        document.querySelector('skip-connection').shadowRoot.querySelector('[part=measurement]')
          .textContent,
    );
    const want = (reference.outputs.residual.l2 / reference.outputs.shortcut.l2).toFixed(2);
    assert.match(text, new RegExp(`= ${want.replace('.', '\\.')}`));
  });

  it('draws the block output in viridis and F(x) in the diverging map', async () => {
    const viridis = Array.from(colormap('viridis'));
    const diverging = Array.from(colormap('diverging'));
    const output = await opened.page.evaluate(
      shareOnColormap,
      'skip-connection',
      'canvas[data-map=output]',
      viridis,
    );
    const residual = await opened.page.evaluate(
      shareOnColormap,
      'skip-connection',
      'canvas[data-map=residual]',
      diverging,
    );

    for (const [what, stats] of [
      ['output', output],
      ['residual', residual],
    ]) {
      assert.ok(stats.drawn > 8 * 56 * 56 * 0.99, `${what}: ${stats.drawn} pixels drawn`);
      assert.ok(stats.onMap / stats.drawn > 0.99, `${what}: ${stats.onMap}/${stats.drawn} on map`);
      // A blank or flat map would use a handful of colours.
      assert.ok(stats.colours > 64, `${what}: only ${stats.colours} colours`);
    }
  });

  it('measures the stem and conv2_x shapes in the shape flow', async () => {
    const measured = await opened.page.evaluate(() => {
      const el = document.querySelector('tensor-shape-flow');
      return Object.fromEntries([...el.measured].map(([id, m]) => [id, m.dims]));
    });
    assert.deepEqual(measured.conv1, [1, 64, 112, 112]);
    assert.deepEqual(measured.conv2_x, [1, 256, 56, 56]);
  });

  it('saves each figure as a PNG of what it shows', async () => {
    for (const tag of ['skip-connection', 'bottleneck-block', 'tensor-shape-flow']) {
      const picture = await opened.page.evaluate(async (t) => {
        const el = document.querySelector(t);
        const bitmap = await createImageBitmap(await el.toPNG(2));
        return { width: bitmap.width, height: bitmap.height, cssWidth: el.offsetWidth };
      }, tag);
      assert.equal(picture.width, picture.cssWidth * 2, tag);
      assert.ok(picture.height > 400, `${tag}: ${picture.height} px high`);
    }
  });

  it('shows the 56×56×64 waist of the bottleneck', async () => {
    const shapes = await opened.page.evaluate(() =>
      [
        ...document.querySelector('bottleneck-block').shadowRoot.querySelectorAll('[data-step]'),
      ].map((el) => el.textContent.replace(/\s+/g, ' ')),
    );
    assert.ok(
      shapes.some((s) => s.includes('56×56×64')),
      JSON.stringify(shapes),
    );
    assert.ok(
      shapes.some((s) => s.includes('56×56×256')),
      JSON.stringify(shapes),
    );
  });
});
