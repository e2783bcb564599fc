// Numeric parity: every slice, run by onnxruntime-web in the browser on the
// golden input, reproduces the golden outputs that PyTorch computed when the
// slice was exported (models/export_resnet.py), on WASM and on WebGPU.
import { expect } from '@open-wc/testing';
import {
  acquireSession,
  goldenInput,
  tensorStats,
  type PlainTensor,
  type ResolvedBackend,
} from '@model-walkthroughs/core';
import { loadManifest, sliceNames, type SliceManifest } from '../index.js';

function expectClose(got: number, want: number, bound: number, what: string): void {
  expect(Math.abs(got - want), `${what}: got ${got}, want ${want}`).to.be.at.most(bound);
}

function checkOutput(manifest: SliceManifest, name: string, tensor: PlainTensor): void {
  const golden = manifest.golden.outputs[name]!;
  const { values, stats } = manifest.golden.tolerance;
  const maxAbs = Math.max(Math.abs(golden.min), Math.abs(golden.max));
  const numel = tensor.data.length;

  expect(tensor.dims, `${name} shape`).to.deep.equal(golden.shape);
  for (const { index, value } of golden.samples) {
    const bound = values.atol * maxAbs + values.rtol * Math.abs(value);
    expectClose(tensor.data[index]!, value, bound, `${name}[${index}]`);
  }

  const got = tensorStats(tensor.data);
  expectClose(got.l2, golden.l2, stats.rtol * golden.l2, `${name} l2`);
  expectClose(got.sum, golden.sum, stats.rtol * golden.l1, `${name} sum`);
  expectClose(got.mean, golden.mean, (stats.rtol * golden.l1) / numel, `${name} mean`);
}

/**
 * The golden input, built from the manifest's own JavaScript formula (the
 * deep stacks' batch holds x, x + εv and x − εv, not the plain formula).
 */
function goldenFeed(manifest: SliceManifest): PlainTensor {
  const { shape, js } = manifest.golden.input;
  const formula = (0, eval)(js) as (i: number) => number;
  const plain = goldenInput(shape);
  const data = new Float32Array(plain.data.length);
  for (let i = 0; i < data.length; i++) data[i] = formula(i);
  return { data, dims: [...shape] };
}

async function runGolden(manifest: SliceManifest, url: string, backend: ResolvedBackend) {
  const input = manifest.golden.input;
  const handle = await acquireSession(url, backend);
  try {
    expect(handle.backend).to.equal(backend);
    const start = performance.now();
    const { outputs } = await handle.run({ [input.name]: goldenFeed(manifest) });
    timings.push(`${manifest.name} on ${backend}: ${Math.round(performance.now() - start)} ms`);
    return outputs;
  } finally {
    handle.release();
  }
}

const timings: string[] = [];

describe('slices-resnet parity', () => {
  const manifests = new Map<string, SliceManifest>();

  after(() => console.info(timings.join('\n')));

  before(async () => {
    for (const name of sliceNames) manifests.set(name, await loadManifest(name));
  });

  for (const backend of ['wasm', 'webgpu'] as const) {
    for (const name of sliceNames) {
      it(`${name} matches its golden outputs on ${backend}`, async function () {
        this.timeout(300_000);
        const manifest = manifests.get(name)!;
        const url = new URL(`../onnx/${manifest.file}`, import.meta.url).href;
        const outputs = await runGolden(manifest, url, backend);
        for (const output of manifest.outputs) {
          checkOutput(manifest, output.name, outputs[output.name]!);
        }
      });
    }
  }
});
