// 5. Lazy loading: nothing heavy before a figure is near the viewport, and
// one runtime (one .wasm download) per page however many figures it has.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep, withTimeout } from './util.mjs';

import { FIGURES } from './static-sizes.mjs';

const TAGS = ['skip-connection', 'bottleneck-block', 'tensor-shape-flow'];
const HEAVY = {
  runtime: /\/runtime-[^/]*\.js$/,
  wasm: /\.wasm$/,
  vega: /\/vega-[^/]*\.js$/,
  temml: /\/temml-[^/]*\.js$/,
  model: /\.onnx$/,
};

function classify(urls) {
  return Object.fromEntries(
    Object.entries(HEAVY).map(([name, re]) => [name, urls.filter((u) => re.test(new URL(u).pathname))]),
  );
}

function watchRequests(page) {
  const urls = [];
  page.on('request', (r) => r.url().startsWith('http') && urls.push(r.url()));
  return urls;
}

/**
 * /resnet/ with a 6000 px spacer at the top of <main>, so that every figure
 * is far below the fold; served by intercepting one URL, so the page's
 * relative links still resolve against /resnet/.
 */
export async function lazyBelowFold({ browser, origin, distDir }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const checkUrl = `${origin}/resnet/?mw-bench=below-the-fold`;
  try {
    const html = readFileSync(join(distDir, 'resnet/index.html'), 'utf8');
    if (!/<main[^>]*>/.test(html)) throw new Error('resnet/index.html has no <main>');
    const spaced = html.replace(/<main[^>]*>/, (m) => `${m}<div style="height:6000px" data-mw-bench-spacer></div>`);
    await page.setCacheEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() === checkUrl) {
        request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: spaced });
      } else {
        request.continue();
      }
    });
    const urls = watchRequests(page);
    await withTimeout(page.goto(checkUrl, { waitUntil: 'load', timeout: 30_000 }), 35_000, 'lazy page');
    await page.waitForNetworkIdle({ idleTime: 1500, timeout: 20_000 }).catch(() => undefined);
    await sleep(500);
    const figures = await page.evaluate((tags) => {
      return tags.map((t) => {
        const el = document.querySelector(t);
        if (!el) return { tag: t, present: false };
        return {
          tag: t,
          present: true,
          status: el.status,
          loading: el.getAttribute('loading') ?? 'lazy (default)',
          top: Math.round(el.getBoundingClientRect().top),
          viewport: innerHeight,
        };
      });
    }, TAGS);
    const heavy = classify(urls);
    const below = figures.filter((f) => f.present).every((f) => f.top > f.viewport + 200);
    return {
      page: checkUrl,
      figures,
      allBelowFold: below,
      requestsBeforeScroll: urls.length,
      heavyBeforeScroll: heavy,
      pass:
        below &&
        figures.some((f) => f.present) &&
        heavy.runtime.length === 0 &&
        heavy.wasm.length === 0 &&
        heavy.vega.length === 0,
    };
  } catch (error) {
    return { page: checkUrl, error: error.message.split('\n')[0], pass: false };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * A real walkthrough page (default /resnet/): scroll to every figure, then
 * count downloads: one .wasm, and vega at most once however many charts.
 */
export async function oneRuntimePerPage({ browser, origin, plan, path = '/resnet/' }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const url = `${origin}${path}`;
  try {
    await page.setCacheEnabled(false);
    const urls = watchRequests(page);
    const response = await withTimeout(page.goto(url, { waitUntil: 'load', timeout: 30_000 }), 35_000, path);
    if (!response?.ok()) throw new Error(`${url} answered HTTP ${response?.status()}`);
    const beforeScroll = classify(urls);
    const tags = await page.evaluate((all) => all.filter((t) => document.querySelector(t)), FIGURES);
    // Scroll past every figure quickly, so their starts overlap: the case
    // in which a careless loader would fetch the runtime twice.
    for (const tag of tags) {
      await page.evaluate((t) => document.querySelector(t).scrollIntoView({ block: 'center' }), tag);
      await sleep(300);
    }
    await page
      .waitForFunction(
        (all) => all.every((t) => ['ready', 'error'].includes(document.querySelector(t)?.status)),
        { timeout: plan.pageReadyTimeoutMs, polling: 200 },
        tags,
      )
      .catch(() => undefined);
    await page.waitForNetworkIdle({ idleTime: 1000, timeout: 20_000 }).catch(() => undefined);
    const statuses = await page.evaluate(
      (all) => Object.fromEntries(all.map((t) => [t, document.querySelector(t)?.status])),
      tags,
    );
    const heavy = classify(urls);
    const allReady = Object.values(statuses).every((s) => s === 'ready');
    return {
      page: url,
      figures: statuses,
      firstFigureStartedWithoutScroll: beforeScroll.wasm.length > 0 || beforeScroll.runtime.length > 0,
      wasmDownloads: heavy.wasm,
      runtimeChunkDownloads: heavy.runtime,
      vegaDownloads: heavy.vega,
      modelDownloads: heavy.model.length,
      pass: allReady && heavy.wasm.length === 1 && heavy.vega.length <= 1,
      ...(allReady ? {} : { error: `not every figure became ready: ${JSON.stringify(statuses)}` }),
    };
  } catch (error) {
    return { page: url, error: error.message.split('\n')[0], pass: false };
  } finally {
    await context.close().catch(() => undefined);
  }
}
