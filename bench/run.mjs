#!/usr/bin/env node
// The benchmark: `npm run bench` (builds the demo first) or, on an existing
// build, `node bench/run.mjs [--quick] [--no-webgpu]`.
//
// Measures each figure in headless Chromium, prints a table and writes
// bench/results/latest.json. See bench/README.md for what each number means.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { measureFigure } from './lib/figures.mjs';
import { lazyBelowFold, oneRuntimePerPage } from './lib/lazy.mjs';
import { CATEGORIES } from './lib/network.mjs';
import { benchSlices, buildSlicePage, readSlices } from './lib/slices.mjs';
import { FIGURES, sliceSizes, staticSizes } from './lib/static-sizes.mjs';
import { startStaticServer } from './lib/server.mjs';
import { kb, ms, round, table } from './lib/util.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(repoRoot, 'apps/demo/dist');
const resultsPath = join(repoRoot, 'bench/results/latest.json');

const argv = process.argv.slice(2);
const flags = {
  quick: argv.includes('--quick'),
  webgpu: !argv.includes('--no-webgpu'),
  help: argv.includes('--help') || argv.includes('-h'),
};
const unknown = argv.filter((a) => !['--quick', '--no-webgpu', '--help', '-h'].includes(a));
if (flags.help || unknown.length > 0) {
  if (unknown.length) console.error(`bench: unknown option ${unknown.join(' ')}`);
  console.log('usage: node bench/run.mjs [--quick] [--no-webgpu]   (after building the demo)');
  process.exit(unknown.length ? 2 : 0);
}

/** How long and how often; --quick trades precision for about a minute. */
const PLAN = flags.quick
  ? {
      figure: { readyTimeoutMs: 90_000, remounts: 3 },
      page: { pageReadyTimeoutMs: 120_000 },
      wasm: { warmups: 1, runs: 5, budgetMs: 3_000, sliceTimeoutMs: 60_000 },
      wasmThreads: { warmups: 1, runs: 5, budgetMs: 2_000, sliceTimeoutMs: 60_000 },
      webgpu: {
        warmups: 1,
        runs: 5,
        budgetMs: 3_000,
        sliceTimeoutMs: 60_000,
        software: { warmups: 0, runs: 1, minRuns: 1, budgetMs: 0, totalBudgetMs: 0 },
      },
    }
  : {
      figure: { readyTimeoutMs: 90_000, remounts: 10 },
      page: { pageReadyTimeoutMs: 150_000 },
      wasm: { warmups: 3, runs: 30, budgetMs: 10_000, sliceTimeoutMs: 90_000 },
      wasmThreads: { warmups: 3, runs: 30, budgetMs: 4_000, sliceTimeoutMs: 90_000 },
      webgpu: {
        warmups: 3,
        runs: 30,
        budgetMs: 10_000,
        sliceTimeoutMs: 90_000,
        // SwiftShader: ~10 s a run here. One warm-up, one run, ~1 minute.
        software: { warmups: 1, runs: 1, minRuns: 1, budgetMs: 0, totalBudgetMs: 40_000 },
      },
    };

const TARGETS = {
  firstRenderMs: 100,
  identityWasmP50Ms: 20,
  // Issue #3: one forward pass of the small ViT with every attention map.
  vitWasmP50Ms: 30,
  // Issue #4: the live agents take one actor and one critic call a frame.
  rlWasmP50Ms: 2,
  sliceGzipBytes: 1024 * 1024,
};

const RL_SLICES = ['ppo-actor', 'ppo-critic', 'td3-actor', 'td3-critics', 'sac-actor', 'sac-critics'];

const started = Date.now();
const log = [];
const result = {
  meta: {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    // Other work on the machine skews every timing; recorded at start and end.
    loadAverage: { start: loadavg().map((x) => round(x, 2)) },
    quick: flags.quick,
    plan: PLAN,
  },
};
let exitCode = 0;
const cleanups = [];

async function main() {
  if (!existsSync(join(distDir, 'embed'))) {
    throw new Error('apps/demo/dist is missing or has no embed pages: run `npm run bench` (it builds first)');
  }

  section('Static sizes');
  result.static = await staticSizes(repoRoot);
  result.static.slices = sliceSizes(repoRoot);

  const demo = await startStaticServer({ root: distDir });
  cleanups.push(() => demo.close());
  const repo = await startStaticServer({ root: repoRoot });
  cleanups.push(() => repo.close());
  result.meta.servers = { demo: demo.url, repo: repo.url, via: demo.via };

  // Browser without WebGPU: figures with backend="auto" take the WASM path,
  // as on most machines without a GPU, and the page checks stay fast.
  const plain = await launchBrowser({ webgpu: false });
  cleanups.push(plain.close);
  result.meta.chromium = plain.version;

  section('Embed pages');
  result.figures = [];
  for (const tag of FIGURES) {
    progress(`  ${tag}: /embed/${tag}/?backend=wasm, ${PLAN.figure.remounts} remounts`);
    const figure = await measureFigure({ browser: plain.browser, origin: demo.origin, tag, plan: PLAN.figure, log });
    if (figure.error) {
      log.push(`${tag}: ${figure.error}`);
      exitCode = 1;
    }
    result.figures.push(figure);
  }

  section('Lazy loading');
  progress('  /resnet/ with the figures pushed below the fold');
  result.lazy = { belowFold: await lazyBelowFold({ browser: plain.browser, origin: demo.origin, distDir }) };
  progress('  /resnet/ scrolled through');
  result.lazy.onePerPage = await oneRuntimePerPage({ browser: plain.browser, origin: demo.origin, plan: PLAN.page });
  for (const path of ['/vit/', '/ppo/', '/td3/', '/sac/']) {
    progress(`  ${path} scrolled through`);
    result.lazy[`onePerPage ${path}`] = await oneRuntimePerPage({
      browser: plain.browser,
      origin: demo.origin,
      plan: PLAN.page,
      path,
    });
  }
  for (const check of Object.values(result.lazy)) if (check.error) log.push(`lazy: ${check.error}`);

  section('Inference');
  const pagePath = await buildSlicePage(repoRoot);
  const slices = readSlices(repoRoot);
  result.slices = {};
  progress('  wasm');
  result.slices.wasm = await benchSlices({
    browser: plain.browser,
    origin: repo.origin,
    pagePath,
    backend: 'wasm',
    slices,
    plan: PLAN.wasm,
    log,
  });

  // As npm start serves the demo: the same slices with WASM threads, which core turns
  // on when the page is cross-origin isolated (COOP/COEP headers).
  const isolated = await startStaticServer({ root: repoRoot, isolated: true });
  if (isolated) {
    cleanups.push(() => isolated.close());
    progress('  wasm, threads (cross-origin isolated page)');
    const threads = await benchSlices({
      browser: plain.browser,
      origin: isolated.origin,
      pagePath,
      backend: 'wasm',
      slices,
      plan: PLAN.wasmThreads,
      log,
    });
    if (threads.environment?.crossOriginIsolated) result.slices['wasm-threads'] = threads;
    else log.push('the isolated server did not make the page cross-origin isolated; no threaded run');
  }
  await plain.close();
  cleanups.splice(cleanups.indexOf(plain.close), 1);

  if (flags.webgpu) {
    progress('  webgpu');
    const gpu = await launchBrowser({ webgpu: true });
    cleanups.push(gpu.close);
    result.slices.webgpu = await benchSlices({
      browser: gpu.browser,
      origin: repo.origin,
      pagePath,
      backend: 'webgpu',
      slices,
      plan: PLAN.webgpu,
      log,
    });
    await gpu.close();
    cleanups.splice(cleanups.indexOf(gpu.close), 1);
  }
}

// ---------------------------------------------------------------- report

function checks() {
  const list = [];
  for (const c of result.static?.checks ?? []) {
    list.push({
      name: c.target,
      pass: c.pass,
      value: c.error ?? `${kb(c.value)} gzip`,
    });
  }
  for (const f of result.figures ?? []) {
    const v = f.times?.defineToFirstRender;
    list.push({
      name: `${f.tag} define → first render ≤ ${TARGETS.firstRenderMs} ms`,
      pass: v !== undefined && v <= TARGETS.firstRenderMs,
      value: v === undefined ? f.error ?? 'not measured' : ms(v),
    });
  }
  // The target is judged as the demo is served (npm start: cross-origin
  // isolated, so WASM threads); the one-thread figure is shown beside it
  // for host pages that cannot send COOP/COEP.
  const identityOf = (backend) =>
    result.slices?.[backend]?.rows?.find((r) => r.slice === 'bottleneck-identity');
  const identity = identityOf('wasm-threads') ?? identityOf('wasm');
  const single = identityOf('wasm');
  list.push({
    name: `bottleneck-identity WASM p50 ≤ ${TARGETS.identityWasmP50Ms} ms (as served, threads)`,
    pass: identity?.p50 !== undefined && identity.p50 <= TARGETS.identityWasmP50Ms,
    value:
      identity?.p50 !== undefined
        ? `${ms(identity.p50)} (n=${identity.count}); one thread: ${single?.p50 !== undefined ? ms(single.p50) : 'not measured'}`
        : identity?.error ?? 'not measured',
  });
  // Latency targets of the later walkthroughs, judged on one thread (what a
  // host page without COOP/COEP gets), the stricter of the two.
  const latency = [
    ['vit-tiny-scenes', TARGETS.vitWasmP50Ms],
    ...RL_SLICES.map((name) => [name, TARGETS.rlWasmP50Ms]),
  ];
  for (const [name, limit] of latency) {
    const row = result.slices?.wasm?.rows?.find((r) => r.slice === name);
    const threaded = result.slices?.['wasm-threads']?.rows?.find((r) => r.slice === name);
    list.push({
      name: `${name} WASM p50 ≤ ${limit} ms (one thread)`,
      pass: row?.p50 !== undefined && row.p50 <= limit,
      value:
        row?.p50 !== undefined
          ? `${ms(row.p50)} (n=${row.count}); threads: ${threaded?.p50 !== undefined ? ms(threaded.p50) : 'not measured'}`
          : row?.error ?? 'not measured',
    });
  }
  for (const slice of result.static?.slices ?? []) {
    list.push({
      name: `${slice.name} slice gzip ≤ ${TARGETS.sliceGzipBytes / 1024 / 1024} MB`,
      pass: slice.gzip <= TARGETS.sliceGzipBytes,
      value: `${kb(slice.gzip)} gzip (${kb(slice.raw)} raw)`,
    });
  }
  const below = result.lazy?.belowFold;
  if (below) {
    const heavy = below.heavyBeforeScroll ?? {};
    list.push({
      name: 'lazy: no runtime-*, .wasm or vega-* request before scrolling to figures far below the fold',
      pass: below.pass,
      value:
        below.error ??
        `${below.allBelowFold ? 'figures below the fold' : 'figures NOT below the fold'}; runtime ${heavy.runtime?.length}, wasm ${heavy.wasm?.length}, vega ${heavy.vega?.length}, onnx ${heavy.model?.length} of ${below.requestsBeforeScroll} requests`,
    });
  }
  for (const [key, one] of Object.entries(result.lazy ?? {})) {
    if (!key.startsWith('onePerPage')) continue;
    list.push({
      name: `one runtime per page: one .wasm and at most one vega download on ${new URL(one.page).pathname} after scrolling to every figure`,
      pass: one.pass,
      value:
        one.error ??
        `${one.wasmDownloads.length} .wasm, ${one.vegaDownloads.length} vega, ${one.runtimeChunkDownloads.length} runtime chunk(s), ${one.modelDownloads} .onnx; ${Object.entries(one.figures).map(([t, s]) => `${t} ${s}`).join(', ')}`,
    });
  }
  for (const f of result.figures ?? []) {
    const s = f.memory?.sessions;
    if (s) {
      list.push({
        name: `${f.tag}: no onnxruntime session left open after ${f.memory.remounts} remounts`,
        pass: s.leaked === 0,
        value: `${s.created} created, ${s.released} released`,
      });
    }
  }
  return list;
}

function printReport() {
  const out = [];
  const m = result.meta;
  out.push('');
  m.loadAverage.end = loadavg().map((x) => round(x, 2));
  out.push(
    `Model Walkthroughs benchmark · ${m.chromium ?? 'Chromium ?'} headless · ${m.cpus} cores (${m.cpuModel}) · Node ${m.node}${m.quick ? ' · --quick' : ''}`,
    `load average (1 min) at start ${m.loadAverage.start[0]}, at end ${m.loadAverage.end[0]}: timings are only as quiet as the machine`,
  );

  if (result.static) {
    out.push('', 'Static sizes: production dist/**/*.js of each package (not dist/dev), gzip -9 of all files concatenated');
    out.push(
      table(
        ['package', 'files', 'raw', 'gzip', 'gzip per-file sum', 'target', 'result'],
        result.static.packages.map((p, i) => {
          const c = result.static.checks[i];
          return [
            p.package,
            p.files?.length ?? '–',
            kb(p.raw),
            kb(p.gzip),
            kb(p.gzipPerFileSum),
            `≤ ${kb(c.limit)}`,
            p.error ?? (c.pass ? 'PASS' : 'FAIL'),
          ];
        }),
      ),
    );
    const lit = result.static.coreWithLit;
    if (lit?.gzip) out.push(`(core + lit as one minified bundle, for reference: ${kb(lit.raw)} raw, ${kb(lit.gzip)} gzip)`);
  }

  if (result.figures?.length) {
    out.push(
      '',
      'Bytes before ready: /embed/<tag>/?backend=wasm, cold cache, response body bytes / gzip -9 (computed here; the server sends no compression; .onnx and images as is)',
    );
    const cell = (c) => (c && c.bytes > 0 ? `${kb(c.bytes)} / ${kb(c.gzip)}` : '–');
    out.push(
      table(
        ['figure', 'own code', 'shared (core+lit)', 'runtime (js+wasm)', 'charts', 'model', 'images', 'page+other', 'total', 'requests'],
        result.figures.map((f) => {
          const b = f.bytesBeforeReady;
          if (!b) return [f.tag, f.error ?? 'not measured'];
          const rest = { bytes: b.page.bytes + b.other.bytes, gzip: b.page.gzip + b.other.gzip };
          const total = CATEGORIES.reduce(
            (s, c) => ({ bytes: s.bytes + b[c].bytes, gzip: s.gzip + b[c].gzip }),
            { bytes: 0, gzip: 0 },
          );
          return [f.tag, cell(b.own), cell(b.shared), cell(b.runtime), cell(b.charts), cell(b.model), cell(b.images), cell(rest), cell(total), f.requestsBeforeReady];
        }),
      ),
    );
    const after = result.figures
      .filter((f) => f.bytesAfterReady)
      .map((f) => [f.tag, CATEGORIES.reduce((s, c) => s + f.bytesAfterReady[c].bytes, 0)])
      .filter(([, n]) => n > 0);
    if (after.length) out.push(`after ready: ${after.map(([t, n]) => `${t} ${kb(n)}`).join(', ')}`);

    out.push('', 'Timings on the embed page (performance.now(), ms from navigation start unless a difference)');
    out.push(
      table(
        ['figure', 'defined', 'define → first render', 'connected → ready', 'navigation → ready', 'inference calls', 'inference sum'],
        result.figures.map((f) => {
          const t = f.times;
          if (!t) return [f.tag, f.error ?? 'not measured'];
          return [
            f.tag,
            ms(t.defined, 0),
            ms(t.defineToFirstRender),
            ms(t.connectedToReady, 0),
            ms(t.navigationToReady, 0),
            t.inference.length,
            ms(t.inference.reduce((s, x) => s + x, 0), 0),
          ];
        }),
      ),
    );

    out.push('', 'Memory: heap after GC, before vs after removing and re-adding the figure (new element, waiting for ready each time)');
    out.push(
      table(
        ['figure', 'remounts', 'JS heap before', 'JS heap after', 'growth', 'per remount after the 1st', 'ArrayBuffer/wasm growth', 'DOM nodes Δ', 'listeners Δ', 'sessions created/released'],
        result.figures.map((f) => {
          const mem = f.memory;
          if (!mem || mem.error) return [f.tag, mem?.error ?? f.error ?? 'not measured'];
          return [
            f.tag,
            mem.remounts,
            kb(mem.before.usedJSHeap),
            kb(mem.after.usedJSHeap),
            kb(mem.growth.usedJSHeap),
            mem.steadyPerRemount === undefined ? '–' : kb(mem.steadyPerRemount),
            mem.growth.backingStorage === undefined ? '–' : kb(mem.growth.backingStorage),
            mem.growth.nodes,
            mem.growth.listeners,
            mem.sessions ? `${mem.sessions.created}/${mem.sessions.released}` : 'not reachable',
          ];
        }),
      ),
    );
  }

  for (const [backend, run] of Object.entries(result.slices ?? {})) {
    const label =
      backend === 'webgpu'
        ? `WebGPU, adapter: ${run.adapterLabel}${run.software ? ' (timings mean nothing for real GPUs)' : ''}`
        : backend === 'wasm-threads'
          ? `WASM, ${Math.min(4, run.environment?.cores ?? 1)} threads on a cross-origin isolated page (as npm start serves the demo)`
          : 'WASM, 1 thread (a host page without COOP/COEP headers)';
    out.push('', `Inference: ${label}; golden input, session.run + output download, after warm-ups`);
    out.push(
      table(
        ['slice', 'input', 'GFLOP', 'open', 'warm-up', 'n', 'p50', 'p90', 'min', 'GFLOP/s @p50', 'note'],
        run.rows.map((r) =>
          r.p50 === undefined
            ? [r.slice, '', '', '', '', '', '', '', '', '', r.skipped ?? r.error ?? '']
            : [
                r.slice,
                r.input,
                (r.flops / 1e9).toFixed(3),
                ms(r.openMs, 0),
                r.warmupMs.length ? ms(r.warmupMs[0], 0) : '–',
                r.count,
                ms(r.p50),
                ms(r.p90),
                ms(r.min),
                r.gflops === undefined ? '–' : r.gflops.toFixed(2),
                [
                  r.backend !== backend.replace('-threads', '') ? `ran on ${r.backend}` : '',
                  backend === 'webgpu' && run.software ? 'software adapter, not meaningful' : '',
                  r.note ?? '',
                ]
                  .filter(Boolean)
                  .join('; '),
              ],
        ),
      ),
    );
  }

  const list = (result.checks = checks());
  out.push('', 'Targets and checks');
  for (const c of list) out.push(`${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.value}`);

  if (log.length) {
    out.push('', 'Problems');
    for (const line of log) out.push(`  ${line}`);
  }
  out.push('', `JSON: ${resultsPath}  (${Math.round((Date.now() - started) / 1000)} s)`);
  console.log(out.join('\n'));
}

function writeJson() {
  mkdirSync(dirname(resultsPath), { recursive: true });
  result.meta.seconds = round((Date.now() - started) / 1000, 1);
  result.meta.loadAverage.end ??= loadavg().map((x) => round(x, 2));
  result.problems = log;
  const compact = (key, value) => {
    if (key === 'files' && Array.isArray(value)) return value;
    return typeof value === 'number' ? round(value, 3) : value;
  };
  writeFileSync(resultsPath, JSON.stringify(result, compact, 2) + '\n');
}

function section(name) {
  progress(`[${Math.round((Date.now() - started) / 1000)} s] ${name}`);
}

function progress(line) {
  process.stderr.write(`${line}\n`);
}

// ---------------------------------------------------------------- run

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    interrupted = true;
    log.push(`interrupted by ${signal}`);
    await cleanup();
    process.exit(130);
  });
}

async function cleanup() {
  while (cleanups.length) {
    const close = cleanups.pop();
    await Promise.resolve()
      .then(close)
      .catch(() => undefined);
  }
}

// The whole run is bounded too: a hung browser must not hang CI.
const overall = setTimeout(() => {
  log.push('the whole benchmark took longer than 10 minutes; stopped');
  exitCode = 1;
  finish().finally(() => process.exit(1));
}, 10 * 60_000);
overall.unref();

let finished = false;
async function finish() {
  if (finished) return;
  finished = true;
  await cleanup();
  if (interrupted) return;
  try {
    printReport();
    writeJson();
  } catch (error) {
    console.error(`bench: could not write the report: ${error.stack ?? error}`);
    exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  log.push(`fatal: ${error.message.split('\n')[0]}`);
  console.error(`bench: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await finish();
  clearTimeout(overall);
}
process.exit(exitCode);
