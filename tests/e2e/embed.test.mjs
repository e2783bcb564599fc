// The iframe embed pages, as an LMS or blog host uses them: attributes come
// from the query string, the page reports its height to the host, and a bad
// attribute is shown inside the figure without breaking anything.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatProblems, openDemo } from './helpers.mjs';

/** In the host page: embeds src and collects the messages it posts. */
async function embed(src) {
  window.heights = [];
  window.addEventListener('message', (e) => {
    const data = typeof e.data === 'string' ? JSON.parse(e.data) : e.data;
    if (data.message === 'height') window.heights.push(['wordpress', data.value]);
    if (data.subject === 'lti.frameResize') window.heights.push(['canvas', data.height]);
  });
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.width = '760';
  document.body.append(frame);
  await new Promise((done) => frame.addEventListener('load', done, { once: true }));
}

function figureIn(tag) {
  const el = document.querySelector('iframe').contentDocument.querySelector(tag);
  return (
    el && {
      status: el.getAttribute('status'),
      shortcut: el.getAttribute('shortcut'),
      error: el.shadowRoot.querySelector('[part=alert]')?.textContent ?? '',
    }
  );
}

describe('embed pages /embed/<tag>/', { timeout: 300_000 }, () => {
  let demo;

  before(async () => {
    demo = await openDemo();
  });

  after(async () => {
    await demo?.close();
  });

  it('take attributes from the query and report their height', async () => {
    const { page, problems } = await demo.open('/');
    await page.evaluate(embed, '/embed/skip-connection/?shortcut=identity&backend=wasm');
    await page.waitForFunction(
      () => {
        const el = document
          .querySelector('iframe')
          .contentDocument.querySelector('skip-connection');
        return el?.getAttribute('status') === 'ready';
      },
      { timeout: 240_000, polling: 250 },
    );

    const figure = await page.evaluate(figureIn, 'skip-connection');
    assert.equal(figure.shortcut, 'identity');
    await page.waitForFunction(() => window.heights.length >= 2, { timeout: 10_000 });
    const heights = await page.evaluate(() => window.heights);
    const kinds = new Set(heights.map(([kind]) => kind));
    assert.deepEqual([...kinds].sort(), ['canvas', 'wordpress']);
    assert.ok(Math.max(...heights.map(([, h]) => h)) > 400, JSON.stringify(heights));
    assert.equal(problems.length, 0, formatProblems(problems));
  });

  it('show a bad attribute inside the figure and keep the host page working', async () => {
    const { page, problems } = await demo.open('/');
    await page.evaluate(embed, '/embed/bottleneck-block/?block=wide');
    await page.waitForFunction(
      () => {
        const el = document
          .querySelector('iframe')
          .contentDocument.querySelector('bottleneck-block');
        return el?.getAttribute('status') === 'error';
      },
      { timeout: 60_000, polling: 250 },
    );
    const figure = await page.evaluate(figureIn, 'bottleneck-block');
    assert.match(figure.error, /block="wide" is not one of "identity", "projection"/);
    assert.equal(await page.evaluate(() => document.title.length > 0), true);
    const errors = problems.filter((p) => p.kind === 'pageerror');
    assert.equal(errors.length, 0, formatProblems(errors));
  });
});
