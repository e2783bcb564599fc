// The demo's home page: it lists the walkthroughs and loads cleanly.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatProblems, openDemo, waitForFigures } from './helpers.mjs';

describe('demo home page /', { timeout: 300_000 }, () => {
  let demo;
  let opened;

  before(async () => {
    demo = await openDemo();
    opened = await demo.open('/');
    await opened.page.waitForNetworkIdle({ idleTime: 500, timeout: 60_000 });
  });

  after(async () => {
    await demo?.close();
  });

  it('has a title and a heading', async () => {
    const { title, heading } = await opened.page.evaluate(() => ({
      title: document.title,
      heading: document.querySelector('h1')?.textContent?.trim() ?? '',
    }));

    assert.ok(title.length > 0, 'document.title is empty');
    assert.ok(heading.length > 0, 'no <h1> on the page');
  });

  it('links to the ResNet walkthrough at /resnet/', async () => {
    const paths = await opened.page.evaluate(() => [...document.querySelectorAll('a[href]')]
      .map((a) => new URL(a.href, location.href))
      .filter((u) => u.origin === location.origin)
      .map((u) => u.pathname));

    assert.ok(
      paths.some((p) => p === '/resnet/' || p === '/resnet/index.html'),
      `no link to /resnet/ among ${JSON.stringify(paths)}`,
    );
  });

  it('the /resnet/ link leads to a page that exists', async () => {
    const href = await opened.page.evaluate(() => [...document.querySelectorAll('a[href]')]
      .map((a) => a.href)
      .find((h) => /\/resnet\/(index\.html)?$/.test(new URL(h).pathname)));
    assert.ok(href, 'no link to /resnet/');

    const response = await fetch(href);
    assert.equal(response.status, 200, `${href} answered ${response.status}`);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
  });

  it('has no figure in an error state', async () => {
    // The home page may show figures; if so, they must get ready too.
    await waitForFigures(opened.page, '[status]', 180_000, { min: 0 });
  });

  it('logs no console error and has no failed request', () => {
    assert.equal(opened.problems.length, 0, `problems on /:\n${formatProblems(opened.problems)}`);
  });
});
