// Numeric parity: every slice, run by onnxruntime-web in the browser on the
// golden input, reproduces the golden outputs that PyTorch computed when the
// slice was exported (models/vit/export_vit.py), on WASM and on WebGPU; and
// the small ViT, fed each shipped scene PNG through core's own image path,
// gives the probabilities and [CLS] attention recorded in its manifest.
import { expect } from '@open-wc/testing';
import {
  acquireSession,
  imageToTensor,
  loadPixels,
  tensorStats,
  type PlainTensor,
  type ResolvedBackend,
} from '@model-walkthroughs/core';
import {
  loadManifest,
  scenes,
  sliceNames,
  slices,
  type SliceManifest,
  type TinyScenesManifest,
} from '../index.js';

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

/** The golden input, built from the manifest's own JavaScript formula. */
function goldenFeed(manifest: SliceManifest): PlainTensor {
  const { shape, js } = manifest.golden.input;
  const formula = (0, eval)(js) as (i: number) => number;
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) data[i] = formula(i);
  return { data, dims: [...shape] };
}

/** Every row of attention [1, L, H, N, N] sums to 1. */
function checkRows(attention: PlainTensor): void {
  const n = attention.dims.at(-1)!;
  let worst = 0;
  for (let row = 0; row < attention.data.length / n; row++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += attention.data[row * n + j]!;
    worst = Math.max(worst, Math.abs(s - 1));
  }
  expect(worst, 'largest |row sum - 1|').to.be.at.most(1e-5);
}

function softmax(logits: ArrayLike<number>): number[] {
  const max = Math.max(...Array.from(logits));
  const e = Array.from(logits, (v) => Math.exp(v - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/** attention[0, L-1, :, 0, 1 + p] averaged over heads, p = 0..63. */
function clsLastLayer(attention: PlainTensor): number[] {
  const [, layers, heads, n] = attention.dims as [number, number, number, number];
  const out = new Array<number>(n - 1).fill(0);
  for (let h = 0; h < heads; h++) {
    const base = ((layers - 1) * heads + h) * n * n;
    for (let p = 0; p < n - 1; p++) out[p]! += attention.data[base + 1 + p]! / heads;
  }
  return out;
}

const timings: string[] = [];

describe('slices-vit parity', () => {
  const manifests = new Map<string, SliceManifest>();

  after(() => console.info(timings.join('\n')));

  before(async () => {
    for (const name of sliceNames) manifests.set(name, await loadManifest(name));
  });

  for (const backend of ['wasm', 'webgpu'] as const satisfies readonly ResolvedBackend[]) {
    for (const name of sliceNames) {
      it(`${name} matches its golden outputs on ${backend}`, async function () {
        this.timeout(300_000);
        const manifest = manifests.get(name)!;
        const handle = await acquireSession(slices[name].model, backend);
        try {
          expect(handle.backend).to.equal(backend);
          const start = performance.now();
          const { outputs } = await handle.run({
            [manifest.golden.input.name]: goldenFeed(manifest),
          });
          timings.push(`${name} on ${backend}: ${Math.round(performance.now() - start)} ms`);
          for (const output of manifest.outputs) {
            checkOutput(manifest, output.name, outputs[output.name]!);
          }
          if (outputs.attention) checkRows(outputs.attention);
        } finally {
          handle.release();
        }
      });
    }

    it(`vit-tiny-scenes reproduces every scene's references on ${backend}`, async function () {
      this.timeout(300_000);
      const manifest = manifests.get('vit-tiny-scenes') as TinyScenesManifest;
      const { size, mean, std } = manifest.preprocessing;
      const tol = manifest.sceneTolerance;
      const handle = await acquireSession(slices['vit-tiny-scenes'].model, backend);
      try {
        expect(scenes.map((s) => s.name)).to.deep.equal(manifest.scenes.map((s) => s.name));
        for (const [k, scene] of scenes.entries()) {
          const ref = manifest.scenes[k]!;
          const pixels = await loadPixels(scene.url);
          expect([pixels.width, pixels.height]).to.deep.equal([64, 64]);
          const { outputs } = await handle.run({ image: imageToTensor(pixels, size, mean, std) });
          checkRows(outputs.attention!);

          const probs = softmax(outputs.logits!.data);
          probs.forEach((p, c) =>
            expectClose(p, ref.probabilities[c]!, tol.probabilities.atol, `${scene.name} p[${c}]`),
          );
          expect(manifest.classes[probs.indexOf(Math.max(...probs))]).to.equal(ref.predicted);

          clsLastLayer(outputs.attention!).forEach((a, p) =>
            expectClose(
              a,
              ref.clsAttentionLastLayerMeanHeads[p]!,
              tol.attention.atol,
              `${scene.name} [CLS] attention on patch ${p}`,
            ),
          );
        }
      } finally {
        handle.release();
      }
    });
  }
});
