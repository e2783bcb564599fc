/**
 * The inference benchmark page. bench/run.mjs bundles it with esbuild and
 * calls `window.mwBench.measure(...)` once per slice; each call opens the
 * slice through core's shared session cache exactly as a figure does, runs
 * it on the golden input, and releases it again.
 */
import {
  acquireSession,
  configureRuntime,
  goldenInput,
  openSessionCount,
  type ResolvedBackend,
} from '@model-walkthroughs/core';

// The bundle lives in bench/.cache/, not next to onnxruntime-web, so tell
// the runtime where its .wasm files are (the repository root is served).
configureRuntime({ wasmPaths: '/node_modules/onnxruntime-web/dist/' });

interface MeasureOptions {
  url: string;
  backend: ResolvedBackend;
  inputs: { name: string; shape: number[] }[];
  warmups: number;
  runs: number;
  /** Runs done at least, whatever the budget. */
  minRuns: number;
  /** Stop timing after this many milliseconds even if fewer runs were done. */
  budgetMs: number;
}

interface GpuAdapterInfo {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}

async function adapterInfo(): Promise<GpuAdapterInfo | null> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return null;
  const adapter = (await gpu.requestAdapter()) as
    | { info?: GpuAdapterInfo; isFallbackAdapter?: boolean }
    | null;
  if (!adapter) return null;
  const info = adapter.info ?? {};
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    device: info.device,
    description: info.description,
  };
}

async function measure(options: MeasureOptions) {
  const t0 = performance.now();
  const handle = await acquireSession(options.url, options.backend);
  const openMs = performance.now() - t0;

  const feeds = Object.fromEntries(
    options.inputs.map((input) => [input.name, goldenInput(input.shape)]),
  );

  const warm: number[] = [];
  const times: number[] = [];
  try {
    for (let i = 0; i < options.warmups; i++) warm.push((await handle.run(feeds)).ms);
    const start = performance.now();
    while (times.length < options.runs) {
      times.push((await handle.run(feeds)).ms);
      if (performance.now() - start > options.budgetMs && times.length >= options.minRuns) break;
    }
  } finally {
    handle.release();
  }
  return {
    backend: handle.backend,
    openMs,
    warmups: warm,
    times,
    openSessionsAfterRelease: openSessionCount(),
  };
}

/** What decides the WASM thread count: core uses threads only when isolated. */
function environment() {
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    cores: navigator.hardwareConcurrency,
  };
}

declare global {
  interface Window {
    mwBench: {
      measure: typeof measure;
      adapterInfo: typeof adapterInfo;
      environment: typeof environment;
      ready: true;
    };
  }
}

window.mwBench = { measure, adapterInfo, environment, ready: true };
