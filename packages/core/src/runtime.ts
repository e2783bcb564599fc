/**
 * The one onnxruntime-web loader that every figure on a page shares.
 *
 * Nothing here runs at module load: the runtime is imported on first need,
 * the WebGPU build only when the browser has an adapter, otherwise the
 * WASM-only build, which is about half the bytes. Sessions are cached per
 * backend and model URL and reference-counted.
 */
import type * as Ort from 'onnxruntime-web';
import { FigureError, toFigureError } from './errors.js';

/** What a figure's `backend` attribute may ask for. */
export type BackendChoice = 'auto' | 'webgpu' | 'wasm';

/** The execution provider that actually ran. */
export type ResolvedBackend = 'webgpu' | 'wasm';

export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'webgpu', 'wasm'];

/** A plain tensor: float data in row-major order and its dimensions. */
export interface PlainTensor {
  data: Float32Array;
  dims: number[];
}

/** Settings a host page may override before any figure needs inference. */
export interface RuntimeOptions {
  /** Where the runtime's .wasm files live, when not next to its module. */
  wasmPaths?: string;
  /** Worker threads; used only when the page is cross-origin isolated. */
  numThreads?: number;
}

type OrtModule = typeof Ort;

const options: RuntimeOptions = {};
const modules = new Map<ResolvedBackend, Promise<OrtModule>>();
const sessions = new Map<string, SessionEntry>();
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs onnxruntime calls one at a time for the whole page. Every session
 * shares one WebAssembly heap (and one WebGPU device), and overlapping
 * calls were seen to fail: a second WebGPU session refused while one is
 * being created, and "failed to call OrtRun()" with several figures loading
 * at once. A single-threaded backend gains nothing from overlap anyway.
 */
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const turn = queue.then(task, task);
  queue = turn.then(
    () => undefined,
    () => undefined,
  );
  return turn;
}

interface SessionEntry {
  refs: number;
  session: Promise<LoadedSession>;
}

interface LoadedSession {
  ort: OrtModule;
  session: Ort.InferenceSession;
}

/** Overrides runtime settings; call before the first figure loads. */
export function configureRuntime(next: RuntimeOptions): void {
  Object.assign(options, next);
}

/** What the browser's WebGPU offers, asked once per page. */
export interface AdapterReport {
  /** `requestAdapter()` returned an adapter. */
  available: boolean;
  /**
   * The adapter is a fallback one: a GPU emulated on the CPU (SwiftShader
   * in headless Chromium), slower than onnxruntime's own WASM SIMD kernels.
   */
  software: boolean;
}

interface GpuLike {
  requestAdapter(): Promise<{
    info?: { isFallbackAdapter?: boolean };
    isFallbackAdapter?: boolean;
  } | null>;
}

let adapterReport: Promise<AdapterReport> | undefined;

/** Asks `navigator.gpu` for an adapter once per page. */
export function webGpuAdapter(): Promise<AdapterReport> {
  adapterReport ??= (async () => {
    const gpu = (globalThis.navigator as (Navigator & { gpu?: GpuLike }) | undefined)?.gpu;
    if (gpu === undefined) return { available: false, software: false };
    try {
      const adapter = await gpu.requestAdapter();
      if (adapter == null) return { available: false, software: false };
      const software = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
      return { available: true, software };
    } catch {
      return { available: false, software: false };
    }
  })();
  return adapterReport;
}

/** Whether `navigator.gpu` hands out an adapter of any kind. */
export async function hasWebGpuAdapter(): Promise<boolean> {
  return (await webGpuAdapter()).available;
}

/**
 * Picks the backend for a request. `auto` takes WebGPU only from a real
 * GPU: a software adapter runs these slices many times slower than WASM.
 * `webgpu` takes any adapter, and without one falls back to WASM and says
 * so in `fallback`, so the figure can tell the reader.
 */
export async function resolveBackend(
  choice: BackendChoice,
): Promise<{ backend: ResolvedBackend; fallback?: string }> {
  if (choice === 'wasm') return { backend: 'wasm' };

  const adapter = await webGpuAdapter();
  if (choice === 'auto')
    return { backend: adapter.available && !adapter.software ? 'webgpu' : 'wasm' };
  if (adapter.available) return { backend: 'webgpu' };
  return {
    backend: 'wasm',
    fallback:
      'WebGPU was asked for, but this browser offers no WebGPU adapter, so WASM ran instead.',
  };
}

/** Imports the runtime build for a backend, once per page. */
export function loadRuntime(backend: ResolvedBackend): Promise<OrtModule> {
  // The WebGPU build also carries the WASM provider: reuse it when present.
  const existing = modules.get(backend) ?? (backend === 'wasm' ? modules.get('webgpu') : undefined);
  if (existing) return existing;

  const loading = (
    backend === 'webgpu'
      ? (import('onnxruntime-web/webgpu') as Promise<OrtModule>)
      : (import('onnxruntime-web/wasm') as Promise<OrtModule>)
  ).then(
    (ort) => {
      configureEnv(ort);
      return ort;
    },
    (error: unknown) => {
      modules.delete(backend);
      throw new FigureError(
        'runtime-load',
        'The inference runtime could not be loaded. Check that the page can reach its own script files.',
        { cause: error },
      );
    },
  );
  modules.set(backend, loading);
  return loading;
}

function configureEnv(ort: OrtModule): void {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;

  // Threads need SharedArrayBuffer, which only cross-origin isolated pages
  // have; without it onnxruntime would try and fail to start workers.
  ort.env.wasm.numThreads = isolated ? Math.max(1, options.numThreads ?? Math.min(4, cores)) : 1;
  ort.env.wasm.proxy = false;
  if (options.wasmPaths) ort.env.wasm.wasmPaths = options.wasmPaths;
  ort.env.logLevel = 'error';
}

/** What a figure holds while it uses a model; release it when done. */
export interface SessionHandle {
  readonly backend: ResolvedBackend;
  readonly url: string;
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, PlainTensor>, outputs?: string[]): Promise<RunResult>;
  release(): void;
}

/** Outputs of one run, copied to the CPU, and how long the run took. */
export interface RunResult {
  outputs: Record<string, PlainTensor>;
  ms: number;
}

/** What a figure expects of a model, checked before it is used. */
export interface ModelContract {
  inputs: Record<string, readonly number[]>;
  outputs: readonly string[];
}

/**
 * Opens (or shares) a session for a model URL on a backend. Throws a
 * FigureError that names the problem: missing file, not ONNX, or inputs
 * and outputs that do not match what the figure needs.
 */
export async function acquireSession(
  url: string,
  backend: ResolvedBackend,
  contract?: ModelContract,
): Promise<SessionHandle> {
  const key = `${backend} ${url}`;
  let entry = sessions.get(key);
  if (entry === undefined) {
    entry = { refs: 0, session: openSession(url, backend) };
    sessions.set(key, entry);
    entry.session.catch(() => sessions.delete(key));
  }
  entry.refs++;

  let loaded: LoadedSession;
  try {
    loaded = await entry.session;
    if (contract) checkContract(loaded.session, url, contract);
  } catch (error) {
    releaseEntry(key);
    throw error;
  }
  return createHandle(key, url, backend, loaded);
}

/** How many sessions are open now; for tests and the benchmark. */
export function openSessionCount(): number {
  return sessions.size;
}

async function openSession(url: string, backend: ResolvedBackend): Promise<LoadedSession> {
  let bytes: Uint8Array;
  try {
    const response = await fetch(url);
    if (!response.ok) {
      throw new FigureError(
        'model-not-found',
        `The model at ${url} could not be loaded (HTTP ${response.status}).`,
      );
    }
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof FigureError) throw error;
    throw new FigureError('model-not-found', `The model at ${url} could not be fetched.`, {
      cause: error,
    });
  }

  const ort = await loadRuntime(backend);
  try {
    const session = await exclusive(() =>
      ort.InferenceSession.create(bytes, {
        executionProviders: [backend],
        graphOptimizationLevel: 'all',
      }),
    );
    return { ort, session };
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new FigureError(
      'model-invalid',
      `The file at ${url} is not an ONNX model this runtime can open${detail}.`,
      { cause: error },
    );
  }
}

function checkContract(session: Ort.InferenceSession, url: string, contract: ModelContract): void {
  const problems: string[] = [];

  for (const [name, shape] of Object.entries(contract.inputs)) {
    const meta = session.inputMetadata.find((m) => m.name === name);
    if (meta === undefined) {
      problems.push(`it has no input named "${name}"`);
      continue;
    }
    if (meta.isTensor && meta.shape.length > 0) {
      const fixed = meta.shape.map((d) => (typeof d === 'number' ? d : -1));
      const agrees =
        fixed.length === shape.length && fixed.every((d, i) => d < 0 || d === shape[i]);
      if (!agrees) {
        problems.push(
          `input "${name}" has shape [${meta.shape.join(', ')}], not [${shape.join(', ')}]`,
        );
      }
    }
  }
  for (const name of contract.outputs) {
    if (!session.outputNames.includes(name)) problems.push(`it has no output named "${name}"`);
  }

  if (problems.length > 0) {
    throw new FigureError(
      'model-mismatch',
      `The model at ${url} does not fit this figure: ${problems.join('; ')}.`,
    );
  }
}

function createHandle(
  key: string,
  url: string,
  backend: ResolvedBackend,
  { ort, session }: LoadedSession,
): SessionHandle {
  let released = false;
  return {
    backend,
    url,
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    async run(feeds, outputs) {
      const tensors: Record<string, Ort.Tensor> = {};
      for (const [name, t] of Object.entries(feeds)) {
        tensors[name] = new ort.Tensor('float32', t.data, t.dims);
      }

      return exclusive(async () => {
        const start = performance.now();
        let result: Ort.InferenceSession.ReturnType;
        try {
          result = outputs ? await session.run(tensors, outputs) : await session.run(tensors);
        } catch (error) {
          throw toFigureError(error, 'inference-failed');
        }
        const plain: Record<string, PlainTensor> = {};
        for (const [name, tensor] of Object.entries(result)) {
          // getData() downloads GPU-resident outputs; CPU ones resolve at once.
          const data = (await tensor.getData()) as Float32Array;
          plain[name] = { data, dims: [...tensor.dims] };
        }
        return { outputs: plain, ms: performance.now() - start };
      });
    },
    release() {
      if (released) return;
      released = true;
      releaseEntry(key);
    },
  };
}

function releaseEntry(key: string): void {
  const entry = sessions.get(key);
  if (entry === undefined) return;
  entry.refs--;
  if (entry.refs > 0) return;
  sessions.delete(key);
  entry.session.then(
    ({ session }) => exclusive(() => session.release()),
    () => undefined,
  );
}
