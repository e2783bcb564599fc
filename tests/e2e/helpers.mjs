// Helpers for the end-to-end tests: the built demo (apps/demo/dist, made by
// `npm run build`) served on a free loopback port and opened in headless
// Debian Chromium through puppeteer-core. Tests build nothing themselves.
//
//   import { before, after, describe, it } from 'node:test';
//   import { openDemo, waitForFigures, canvasStats } from './helpers.mjs';
//
//   describe('/resnet/', { timeout: 300_000 }, () => {
//     let demo;
//     before(async () => { demo = await openDemo(); });
//     after(() => demo?.close());
//
//     it('every figure gets ready', async () => {
//       const { page, problems } = await demo.open('/resnet/');
//       await waitForFigures(page);
//       assert.deepEqual(problems, []);
//     });
//   });
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The built demo that the e2e tests serve (MW_DEMO_DIST overrides). */
export const demoDist = process.env.MW_DEMO_DIST
  ? resolve(process.env.MW_DEMO_DIST)
  : fileURLToPath(new URL('../../apps/demo/dist/', import.meta.url));

/**
 * Requests whose failure is not the page's fault: Chromium asks for a
 * favicon on its own.
 */
export const IGNORED_URLS = [/\/favicon\.ico$/];

/**
 * Launches headless Chromium with the same flags as the component tests,
 * software WebGPU included (see scripts/chromium.mjs). Puppeteer gives it a
 * fresh temporary profile and removes it on close.
 * @param {object} [options]
 * @param {string[]} [options.args] extra Chromium flags
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export function launchBrowser({ args = [] } = {}) {
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs(), ...args],
    // WASM compilation and software WebGPU are slow on two cores.
    protocolTimeout: 300_000,
    timeout: 120_000,
  });
}

/**
 * Serves apps/demo/dist on 127.0.0.1 at a free port.
 * @param {object} [options]
 * @param {boolean} [options.isolated] COOP/COEP headers (threads)
 * @returns {ReturnType<typeof startServer>}
 */
export function startDemoServer({ isolated = false } = {}) {
  if (!existsSync(demoDist)) {
    throw new Error(`${demoDist} does not exist: build the demo first (npm run build)`);
  }
  return startServer({ root: demoDist, port: 0, isolated, quiet: true });
}

/**
 * Starts the demo server and a browser together.
 * @param {object} [options]
 * @param {boolean} [options.isolated] serve with COOP/COEP headers
 * @param {string[]} [options.args] extra Chromium flags
 * @returns {Promise<{
 *   url: string,
 *   browser: import('puppeteer-core').Browser,
 *   open: (path?: string, options?: OpenOptions) => Promise<OpenedPage>,
 *   close: () => Promise<void>,
 * }>} `open('/resnet/')` opens a new page at that path, collecting problems
 */
export async function openDemo({ isolated = false, args = [] } = {}) {
  const server = await startDemoServer({ isolated });
  let browser;
  try {
    browser = await launchBrowser({ args });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    url: server.url,
    browser,
    open: (path = '/', options) => openPage(browser, new URL(path, server.url).href, options),
    close: async () => {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * @typedef {object} Problem
 * @property {'console' | 'pageerror' | 'requestfailed' | 'response'} kind
 * @property {string} text what went wrong
 * @property {string} [url] the resource, where there is one
 */

/**
 * @typedef {object} OpenOptions
 * @property {number} [timeout] navigation timeout in ms (default 120 000)
 * @property {RegExp[]} [ignore] URLs whose failures are not problems
 *   (default IGNORED_URLS)
 * @property {'load' | 'domcontentloaded' | 'networkidle0' | 'networkidle2'}
 *   [waitUntil] default 'load'
 */

/**
 * @typedef {object} OpenedPage
 * @property {import('puppeteer-core').Page} page
 * @property {Problem[]} problems filled as they happen, for the page's life
 * @property {import('puppeteer-core').HTTPResponse | null} response
 */

/**
 * Opens a new page, starts collecting problems, then navigates to url.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {OpenOptions} [options]
 * @returns {Promise<OpenedPage>}
 */
export async function openPage(browser, url, { timeout = 120_000, ignore, waitUntil = 'load' } = {}) {
  const page = await browser.newPage();
  page.setDefaultTimeout(timeout);
  const problems = collectProblems(page, { ignore });
  let response;
  try {
    response = await page.goto(url, { waitUntil, timeout });
  } catch (error) {
    await page.close().catch(() => {});
    throw error;
  }
  if (response && response.status() >= 400) {
    await page.close();
    throw new Error(`${url} answered ${response.status()}`);
  }
  return { page, problems, response };
}

/**
 * Listens on a page for what should never happen on a demo page: console
 * messages of type error, uncaught exceptions and unhandled rejections,
 * requests that failed, and responses with status 400 or more.
 * @param {import('puppeteer-core').Page} page
 * @param {object} [options]
 * @param {RegExp[]} [options.ignore] URLs to leave out (default IGNORED_URLS)
 * @returns {Problem[]} a list that grows while the page lives
 */
export function collectProblems(page, { ignore = IGNORED_URLS } = {}) {
  const problems = [];
  const ignored = (url) => Boolean(url) && ignore.some((re) => re.test(url));

  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location()?.url;
    if (ignored(url)) return;
    problems.push({ kind: 'console', text: message.text(), url });
  });
  page.on('pageerror', (error) => {
    problems.push({ kind: 'pageerror', text: String(error?.stack ?? error?.message ?? error) });
  });
  page.on('requestfailed', (request) => {
    if (ignored(request.url())) return;
    const reason = request.failure()?.errorText ?? 'failed';
    // Aborts by the page itself (navigation away, AbortController) are fine.
    if (reason === 'net::ERR_ABORTED') return;
    problems.push({ kind: 'requestfailed', text: reason, url: request.url() });
  });
  page.on('response', (response) => {
    if (response.status() < 400 || ignored(response.url())) return;
    problems.push({
      kind: 'response',
      text: `${response.status()} ${response.statusText()}`.trim(),
      url: response.url(),
    });
  });
  return problems;
}

/**
 * Formats problems for an assertion message, one per line.
 * @param {Problem[]} problems
 */
export function formatProblems(problems) {
  return problems
    .map((p) => `[${p.kind}] ${p.text}${p.url ? ` (${p.url})` : ''}`)
    .join('\n');
}

/**
 * @typedef {object} FigureState
 * @property {string} tag lower-case tag name
 * @property {string | null} id
 * @property {string} status the `status` attribute
 * @property {string} message error text, when status is `error`
 */

/**
 * Waits until every custom element matching selector, in the document or
 * inside any open shadow root, has `status="ready"`. Throws as soon as one
 * has `status="error"`, naming its tag and its message, and on timeout,
 * naming the elements still pending. Elements that appear while waiting are
 * waited for too.
 * @param {import('puppeteer-core').Page} page
 * @param {string} [selector] default `[status]`
 * @param {number} [timeout] ms, default 180 000
 * @param {object} [options]
 * @param {number} [options.min] fewest figures to expect (default 1); 0
 *   lets a page without figures pass at once
 * @param {number} [options.interval] polling interval in ms (default 250)
 * @returns {Promise<FigureState[]>} the figures, all ready
 */
export async function waitForFigures(page, selector = '[status]', timeout = 180_000,
  { min = 1, interval = 250 } = {}) {
  const deadline = Date.now() + timeout;
  let states = [];
  for (;;) {
    states = await page.evaluate(readFigureStates, selector);
    const failed = states.filter((s) => s.status === 'error');
    if (failed.length > 0) {
      throw new Error(`figure failed: ${failed
        .map((s) => `<${s.tag}${s.id ? ` id="${s.id}"` : ''}>: ${s.message || '(no message)'}`)
        .join('; ')}`);
    }
    if (states.length >= min && states.every((s) => s.status === 'ready')) return states;
    if (Date.now() > deadline) break;
    await new Promise((done) => setTimeout(done, interval));
  }
  const pending = states.filter((s) => s.status !== 'ready');
  throw new Error(`figures not ready after ${timeout} ms: ${states.length < min
    ? `found ${states.length} matching "${selector}", expected at least ${min}`
    : pending.map((s) => `<${s.tag}> status="${s.status}"`).join(', ')}`);
}

/**
 * Runs in the page: the status of every custom element matching selector,
 * through open shadow roots.
 * @param {string} selector
 * @returns {FigureState[]}
 */
function readFigureStates(selector) {
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.includes('-') && el.matches(selector)) found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);

  const messageOf = (el) => {
    const fromProperty = el.errorMessage ?? el.error?.message ?? el.statusMessage;
    if (typeof fromProperty === 'string' && fromProperty) return fromProperty;
    const root = el.shadowRoot;
    const node = root?.querySelector('[role="alert"], [part~="alert"], .error')
      ?? el.querySelector('[role="alert"], [slot="error"]');
    const text = (node ?? root ?? el).textContent ?? '';
    return text.replace(/\s+/g, ' ').trim().slice(0, 500);
  };

  return found.map((el) => {
    const status = el.getAttribute('status') ?? '';
    return {
      tag: el.localName,
      id: el.id || null,
      status,
      message: status === 'error' ? messageOf(el) : '',
    };
  });
}

/**
 * @typedef {object} CanvasStats
 * @property {number} width
 * @property {number} height
 * @property {[number, number, number]} mean mean R, G, B over all pixels
 *   (0–255, transparent pixels count as the background colour)
 * @property {[number, number, number]} background the colour compared against
 * @property {number} nonBackground fraction (0–1) of pixels that differ from
 *   the background by more than tolerance in any channel
 */

/**
 * Reads a canvas's pixels, searching inside open shadow roots, and sums
 * them up. Works for 2D, WebGL and WebGPU canvases alike: the canvas is
 * drawn onto a fresh 2D canvas first (WebGL needs preserveDrawingBuffer or
 * a read in the same frame for this to see anything).
 * @param {import('puppeteer-core').Page} page
 * @param {string} [selector] CSS selector of the canvas, default `canvas`
 * @param {object} [options]
 * @param {number} [options.index] which match, in document order (default 0)
 * @param {string} [options.within] selector of a host element to search
 *   under (its light DOM and shadow roots) instead of the whole page
 * @param {[number, number, number]} [options.background] default: the
 *   colour of the top-left pixel
 * @param {number} [options.tolerance] per-channel difference still counted
 *   as background (default 8)
 * @returns {Promise<CanvasStats>}
 */
export function canvasStats(page, selector = 'canvas',
  { index = 0, within, background, tolerance = 8 } = {}) {
  return page.evaluate((selector, index, within, background, tolerance) => {
    const matches = [];
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches(selector)) matches.push(el);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    if (within) {
      const hosts = [];
      const findHosts = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.matches(within)) hosts.push(el);
          if (el.shadowRoot) findHosts(el.shadowRoot);
        }
      };
      findHosts(document);
      for (const host of hosts) {
        visit(host);
        if (host.shadowRoot) visit(host.shadowRoot);
      }
    } else {
      visit(document);
    }

    const canvas = matches[index];
    if (!canvas) {
      throw new Error(`no canvas matches "${selector}"${within ? ` under "${within}"` : ''}`
        + ` at index ${index} (found ${matches.length})`);
    }
    const { width, height } = canvas;
    if (width === 0 || height === 0) {
      return { width, height, mean: [0, 0, 0], background: [0, 0, 0], nonBackground: 0 };
    }

    const copy = document.createElement('canvas');
    copy.width = width;
    copy.height = height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const { data } = ctx.getImageData(0, 0, width, height);

    const bg = background ?? (data[3] === 0 ? [0, 0, 0] : [data[0], data[1], data[2]]);
    const sum = [0, 0, 0];
    let differing = 0;
    for (let i = 0; i < data.length; i += 4) {
      const transparent = data[i + 3] === 0;
      const r = transparent ? bg[0] : data[i];
      const g = transparent ? bg[1] : data[i + 1];
      const b = transparent ? bg[2] : data[i + 2];
      sum[0] += r;
      sum[1] += g;
      sum[2] += b;
      if (Math.abs(r - bg[0]) > tolerance || Math.abs(g - bg[1]) > tolerance
        || Math.abs(b - bg[2]) > tolerance) differing += 1;
    }
    const n = width * height;
    return {
      width,
      height,
      mean: sum.map((s) => s / n),
      background: bg,
      nonBackground: differing / n,
    };
  }, selector, index, within ?? null, background ?? null, tolerance);
}
