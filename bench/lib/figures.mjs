// 1-3 and 6: one figure's embed page, /embed/<tag>/?backend=wasm, from a
// cold cache: bytes before it is ready, time to first render, time to ready,
// then memory after mounting it again and again.
import { byCategory, recordResponses } from './network.mjs';
import { sleep, withTimeout } from './util.mjs';

/** Installed before any page script: when was each tag defined? */
function recordDefinitions() {
  const define = CustomElementRegistry.prototype.define;
  window.__mwDefined = {};
  CustomElementRegistry.prototype.define = function (name, ...rest) {
    window.__mwDefined[name] ??= performance.now();
    return define.call(this, name, ...rest);
  };
}

/** Waits until the first `tag` on the page is ready (or failed). */
async function waitForStatus(page, tag, timeout) {
  await page.waitForFunction(
    (t) => ['ready', 'error'].includes(document.querySelector(t)?.status),
    { timeout, polling: 50 },
    tag,
  );
  return page.evaluate((t) => document.querySelector(t).status, tag);
}

export async function measureFigure({ browser, origin, tag, plan, log }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const result = { tag, url: `${origin}/embed/${tag}/?backend=wasm` };
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e).split('\n')[0]));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await page.setCacheEnabled(false);
    await page.evaluateOnNewDocument(recordDefinitions);
    const network = recordResponses(page);

    const response = await withTimeout(
      page.goto(result.url, { waitUntil: 'domcontentloaded', timeout: 30_000 }),
      35_000,
      `${tag} embed page`,
    );
    if (!response || !response.ok()) {
      throw new Error(`${result.url} answered HTTP ${response?.status() ?? 'nothing'}`);
    }

    result.status = await waitForStatus(page, tag, plan.readyTimeoutMs);
    const probe = await page.evaluate((t) => {
      const el = document.querySelector(t);
      const timings = el.timings ?? {};
      return {
        defined: window.__mwDefined?.[t],
        connected: timings.connected,
        firstRender: timings.firstRender,
        ready: timings.ready,
        inference: [...(timings.inference ?? [])],
        statusText: el.shadowRoot?.querySelector('[part=status]')?.textContent?.trim(),
        error: el.shadowRoot?.querySelector('[part=error]')?.textContent?.trim(),
        resources: performance
          .getEntriesByType('resource')
          .map((r) => ({ url: r.name, start: r.startTime, end: r.responseEnd })),
        navigation: performance.getEntriesByType('navigation')[0]?.toJSON(),
      };
    }, tag);
    if (result.status !== 'ready') {
      throw new Error(`${tag} ended in status "${result.status}": ${probe.error ?? ''}`);
    }

    // Let anything the figure starts right after ready (charts) arrive, so
    // that the "after ready" column is complete; bounded.
    await page.waitForNetworkIdle({ idleTime: 500, timeout: 10_000 }).catch(() => undefined);
    const entries = await withTimeout(network.entries(), 30_000, `${tag} response bodies`);

    const started = new Map(probe.resources.map((r) => [r.url, r.start]));
    const beforeReady = entries.filter((e) => {
      const start = started.get(e.url);
      // The document itself has no resource entry: it came first.
      return start === undefined ? e.url === response.url() : start <= probe.ready;
    });
    const afterReady = entries.filter((e) => !beforeReady.includes(e));

    result.bytesBeforeReady = byCategory(beforeReady, tag);
    result.bytesAfterReady = byCategory(afterReady, tag);
    result.totalBeforeReady = beforeReady.reduce((s, e) => s + e.bytes, 0);
    result.requestsBeforeReady = beforeReady.length;
    result.failedRequests = network.failed;
    result.times = {
      defined: probe.defined,
      connected: probe.connected,
      firstRender: probe.firstRender,
      ready: probe.ready,
      defineToFirstRender:
        probe.defined !== undefined && probe.firstRender !== undefined
          ? probe.firstRender - probe.defined
          : undefined,
      connectedToReady: probe.ready - probe.connected,
      navigationToReady: probe.ready, // performance.now() counts from navigation start
      domContentLoaded: probe.navigation?.domContentLoadedEventEnd,
      inference: probe.inference,
    };
    result.statusText = probe.statusText;

    result.memory = await remountMemory({ page, tag, entries, plan, log });
  } catch (error) {
    result.error = error.message.split('\n')[0];
  } finally {
    result.pageErrors = errors;
    await context.close().catch(() => undefined);
  }
  return result;
}

/**
 * Hooks onnxruntime's InferenceSession (create and release) inside the
 * page's own runtime chunk, so the benchmark can count sessions that a
 * production build does not otherwise expose (core's openSessionCount()
 * is tree-shaken out of the demo).
 */
async function hookSessions(page, runtimeUrls) {
  return page.evaluate(async (urls) => {
    const counts = { created: 0, released: 0, classes: 0 };
    window.__mwSessions = counts;
    const seen = new Set();
    const classes = [];
    const visit = (value, depth) => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
      if (seen.has(value) || depth > 2) return;
      seen.add(value);
      if (
        typeof value === 'function' &&
        typeof value.create === 'function' &&
        typeof value.prototype?.release === 'function' &&
        typeof value.prototype?.run === 'function'
      ) {
        classes.push(value);
        return;
      }
      if (typeof value === 'object') {
        for (const key of Object.keys(value)) {
          try {
            visit(value[key], depth + 1);
          } catch {
            /* getters that throw */
          }
        }
      }
    };
    for (const url of urls) {
      try {
        const ns = await import(url);
        for (const key of Object.keys(ns)) visit(ns[key], 0);
      } catch {
        /* not a module we can import */
      }
    }
    for (const Session of classes) {
      const create = Session.create;
      Session.create = async function (...args) {
        const session = await create.apply(this, args);
        counts.created++;
        return session;
      };
      const release = Session.prototype.release;
      Session.prototype.release = function (...args) {
        counts.released++;
        return release.apply(this, args);
      };
    }
    counts.classes = classes.length;
    return classes.length;
  }, runtimeUrls);
}

async function heap(page, cdp) {
  // Two collections: the first can leave finalizers' garbage behind.
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(100);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => ({}));
  const perf = await page.evaluate(() => performance.memory?.usedJSHeapSize);
  return {
    usedJSHeap: usage.usedSize,
    totalJSHeap: usage.totalSize,
    backingStorage: usage.backingStorageSize, // ArrayBuffers, wasm memories (newer Chromium)
    performanceMemoryUsed: perf,
    nodes: dom.nodes,
    documents: dom.documents,
    listeners: dom.jsEventListeners,
  };
}

/** Removes the figure and mounts a new one, `plan.remounts` times. */
async function remountMemory({ page, tag, entries, plan, log }) {
  const cdp = await page.createCDPSession();
  try {
    const runtimeUrls = entries.filter((e) => /\/runtime-[^/]*\.js$/.test(e.url)).map((e) => e.url);
    const hooked = await withTimeout(hookSessions(page, runtimeUrls), 20_000, 'session hook');
    const before = await heap(page, cdp);
    const cycleMs = [];
    let afterFirst;
    for (let i = 0; i < plan.remounts; i++) {
      const t0 = Date.now();
      await page.evaluate((t) => {
        const old = document.querySelector(t);
        const next = document.createElement(t);
        for (const { name, value } of old.attributes) if (name !== 'status') next.setAttribute(name, value);
        const parent = old.parentElement;
        old.remove();
        parent.append(next);
      }, tag);
      const status = await waitForStatus(page, tag, plan.readyTimeoutMs);
      if (status !== 'ready') throw new Error(`remount ${i + 1} ended in status "${status}"`);
      cycleMs.push(Date.now() - t0);
      // One-time costs (compiled code, caches) land in the first remount;
      // what keeps growing after it is what a long-lived page would leak.
      if (i === 0 && plan.remounts > 1) afterFirst = await heap(page, cdp);
    }
    const after = await heap(page, cdp);
    const sessions = await page.evaluate(() => window.__mwSessions);
    const growth = {};
    for (const key of Object.keys(before)) {
      if (typeof before[key] === 'number' && typeof after[key] === 'number') growth[key] = after[key] - before[key];
    }
    return {
      remounts: plan.remounts,
      before,
      afterFirst,
      after,
      growth,
      steadyPerRemount: afterFirst
        ? (after.usedJSHeap - afterFirst.usedJSHeap) / (plan.remounts - 1)
        : undefined,
      cycleMs,
      sessions: hooked > 0 ? { ...sessions, leaked: sessions.created - sessions.released } : null,
      sessionsNote:
        hooked > 0
          ? 'onnxruntime InferenceSession.create / release counted inside the page (core\'s openSessionCount() is not in the production bundle)'
          : 'could not find onnxruntime\'s InferenceSession in the runtime chunk; sessions not counted',
    };
  } catch (error) {
    log.push(`${tag} memory: ${error.message.split('\n')[0]}`);
    return { error: error.message.split('\n')[0] };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
