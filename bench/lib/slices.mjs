// 4. Inference latency per slice and backend, on bench/page/slice-bench.ts.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { summarize, withTimeout } from './util.mjs';

/** Bundles the benchmark page into bench/.cache/page/ (served with the repo). */
export async function buildSlicePage(repoRoot) {
  const outdir = join(repoRoot, 'bench/.cache/page');
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join(repoRoot, 'bench/page/slice-bench.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    outdir,
    logLevel: 'error',
    // Loaded from their own files through the page's import map.
    external: ['onnxruntime-web', 'onnxruntime-web/*', 'vega*', 'temml'],
    // Lit's decorators need the base config's experimentalDecorators.
    tsconfigRaw: readFileSync(join(repoRoot, 'tsconfig.base.json'), 'utf8'),
  });
  copyFileSync(join(repoRoot, 'bench/page/slice-bench.html'), join(outdir, 'slice-bench.html'));
  return '/' + relative(repoRoot, join(outdir, 'slice-bench.html'));
}

/** The packages whose onnx/ folders hold slices with manifests. */
const SLICE_PACKAGES = ['slices-resnet', 'slices-vit', 'slices-rl'];

/**
 * Every slice's manifest. A dimension that is not a number (a dynamic
 * batch, written "N") is measured at 1: one state or one image per call,
 * as the figures run them.
 */
export function readSlices(repoRoot) {
  return SLICE_PACKAGES.flatMap((pkg) => {
    const dir = join(repoRoot, 'packages', pkg, 'onnx');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
      .filter((m) => m.file && Array.isArray(m.inputs))
      .map((m) => ({
        name: m.name,
        package: pkg,
        url: `/packages/${pkg}/onnx/${m.file}`,
        flops: m.flops ?? 0,
        inputs: m.inputs.map((i) => ({
          name: i.name,
          shape: i.shape.map((d) => (typeof d === 'number' && d > 0 ? d : 1)),
        })),
      }));
  }).sort((a, b) => a.flops - b.flops);
}

/**
 * Runs every slice on one backend in one fresh page (one runtime per page,
 * as on a real site). Returns one row per slice and the adapter's info.
 */
export async function benchSlices({ browser, origin, pagePath, backend, slices, plan, log }) {
  const page = await browser.newPage();
  const rows = [];
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  let adapter = null;
  try {
    await withTimeout(page.goto(origin + pagePath, { waitUntil: 'load' }), 30_000, 'bench page');
    await page.waitForFunction(() => window.mwBench?.ready === true, { timeout: 15_000 });
    adapter = await withTimeout(page.evaluate(() => window.mwBench.adapterInfo()), 15_000, 'adapter');
    const environment = await page.evaluate(() => window.mwBench.environment());

    if (backend === 'webgpu' && adapter === null) {
      for (const slice of slices) {
        rows.push({ slice: slice.name, backend, error: 'this browser offers no WebGPU adapter' });
      }
      return { adapter, rows };
    }

    // A software adapter (SwiftShader) takes seconds per run: one warm-up,
    // one timed run, and only as many slices as the time budget allows.
    const software = backend === 'webgpu' && /software adapter/.test(adapterLabel(adapter));
    const p = software ? { ...plan, ...plan.software } : plan;
    const begun = Date.now();
    for (const slice of slices) {
      const started = Date.now();
      // The first slice always runs; later ones while the budget lasts.
      if (rows.length > 0 && p.totalBudgetMs !== undefined && started - begun > p.totalBudgetMs) {
        rows.push({
          slice: slice.name,
          backend,
          skipped: `skipped: ${backend} time budget (${Math.round(p.totalBudgetMs / 1000)} s) spent`,
        });
        continue;
      }
      try {
        const result = await withTimeout(
          page.evaluate((options) => window.mwBench.measure(options), {
            url: slice.url,
            backend,
            inputs: slice.inputs,
            warmups: p.warmups,
            runs: p.runs,
            minRuns: p.minRuns ?? 3,
            budgetMs: p.budgetMs,
          }),
          p.sliceTimeoutMs,
          `${slice.name} on ${backend}`,
        );
        const stats = summarize(result.times);
        rows.push({
          slice: slice.name,
          backend: result.backend,
          input: slice.inputs.map((i) => `${i.name} ${i.shape.join('×')}`).join(', '),
          flops: slice.flops,
          openMs: result.openMs,
          warmupMs: result.warmups,
          ...stats,
          gflops: stats.p50 && slice.flops ? slice.flops / (stats.p50 / 1000) / 1e9 : undefined,
          timesMs: result.times,
          openSessionsAfterRelease: result.openSessionsAfterRelease,
        });
      } catch (error) {
        rows.push({ slice: slice.name, backend, error: error.message.split('\n')[0] });
        log.push(`${slice.name} on ${backend}: ${error.message.split('\n')[0]}`);
        // A hung run leaves the page busy: start over on a fresh one.
        if (/timed out/.test(error.message)) {
          rows.at(-1).note = `gave up after ${Math.round((Date.now() - started) / 1000)} s`;
          for (const rest of slices.slice(slices.indexOf(slice) + 1)) {
            rows.push({ slice: rest.name, backend, skipped: 'after a timeout on this page' });
          }
          break;
        }
      }
    }
    return { adapter, adapterLabel: adapterLabel(adapter), software, environment, rows, consoleErrors };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** What WebGPU numbers from this adapter are worth. */
export function adapterLabel(adapter) {
  if (!adapter) return 'no adapter';
  const text = `${adapter.vendor ?? ''} ${adapter.architecture ?? ''} ${adapter.description ?? ''}`;
  const name = text.replace(/\s+/g, ' ').trim() || 'unnamed adapter';
  return /swiftshader|llvmpipe|lavapipe|software|microsoft basic/i.test(text)
    ? `${name}: software adapter, not meaningful`
    : name;
}
