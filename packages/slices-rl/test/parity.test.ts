// Numeric parity: every RL slice, run by onnxruntime-web in the browser on
// its manifest's golden batch, reproduces the outputs PyTorch computed at
// export (models/rl/export_rl.py), on WASM and on WebGPU; the batch axis is
// dynamic (N = 8 and N = 1 give the same rows); PPO's probabilities are a
// softmax (rows sum to 1).
import { expect } from '@open-wc/testing';
import { acquireSession, type PlainTensor, type ResolvedBackend } from '@model-walkthroughs/core';
import { loadManifest, slices, sliceNames, type SliceManifest } from '../index.js';

function feeds(manifest: SliceManifest, rows: number[]): Record<string, PlainTensor> {
  const out: Record<string, PlainTensor> = {};
  for (const [name, t] of Object.entries(manifest.golden.inputs)) {
    const k = t.shape[1]!;
    const data = Float32Array.from(rows.flatMap((r) => t.values[r]!));
    out[name] = { data, dims: [rows.length, k] };
  }
  return out;
}

const timings: string[] = [];

describe('slices-rl parity', () => {
  const manifests = new Map<string, SliceManifest>();

  after(() => console.info(timings.join('\n')));

  before(async () => {
    for (const name of sliceNames) manifests.set(name, await loadManifest(name));
  });

  for (const backend of ['wasm', 'webgpu'] as const satisfies readonly ResolvedBackend[]) {
    for (const name of sliceNames) {
      it(`${name} matches its golden outputs on ${backend}`, async function () {
        this.timeout(120_000);
        const manifest = manifests.get(name)!;
        const handle = await acquireSession(slices[name].model, backend);
        try {
          expect(handle.backend).to.equal(backend);
          expect([...handle.inputNames]).to.deep.equal(manifest.inputs.map((i) => i.name));
          const start = performance.now();
          const { outputs } = await handle.run(feeds(manifest, [0, 1, 2, 3, 4, 5, 6, 7]));
          timings.push(`${name} on ${backend}: ${(performance.now() - start).toFixed(1)} ms`);
          const one = (await handle.run(feeds(manifest, [5]))).outputs;
          const { atol, rtol } = manifest.golden.tolerance;
          for (const spec of manifest.outputs) {
            const want = manifest.golden.outputs[spec.name]!;
            const got = outputs[spec.name]!;
            expect(got.dims, `${spec.name} dims`).to.deep.equal(want.shape);
            want.values.flat().forEach((w, i) => {
              const g = got.data[i]!;
              expect(Math.abs(g - w), `${spec.name}[${i}]: got ${g}, want ${w}`).to.be.at.most(
                atol + rtol * Math.abs(w),
              );
            });
            const k = want.shape[1]!;
            expect(one[spec.name]!.dims).to.deep.equal([1, k]);
            for (let c = 0; c < k; c++) {
              expect(Math.abs(one[spec.name]!.data[c]! - got.data[5 * k + c]!)).to.be.at.most(1e-5);
            }
          }
          if (name === 'ppo-actor') {
            const p = outputs.probs!.data;
            for (let r = 0; r < 8; r++) {
              expect(Math.abs(p[2 * r]! + p[2 * r + 1]! - 1), `probs row ${r}`).to.be.at.most(1e-6);
            }
          }
          if (name === 'td3-actor') {
            for (const a of outputs.action!.data) expect(Math.abs(a)).to.be.at.most(2);
          }
        } finally {
          handle.release();
        }
      });
    }
  }
});
