// Numeric parity for what this figure reads: the blocks' golden outputs on
// WASM and on WebGPU (a software adapter in headless Chromium) and the
// block's own arithmetic, output = relu(residual + shortcut), with
// shortcut = x for the identity block; and the per-depth norms this
// package's depthNorms() computes from the deep stacks, against the
// manifests' reference. (slices-resnet checks every slice's golden
// outputs too; these runs add the block identities and the norms.)
import { expect } from '@open-wc/testing';
import {
  acquireSession,
  goldenInput,
  tensorStats,
  webGpuAdapter,
  type PlainTensor,
  type ResolvedBackend,
} from '@model-walkthroughs/core';
import {
  loadManifest,
  slices,
  type GoldenStats,
  type GoldenTolerance,
} from '@model-walkthroughs/slices-resnet';
import { depthNorms } from '../src/signal-propagation.js';

const BACKENDS: ResolvedBackend[] = ['wasm', 'webgpu'];

function expectGolden(
  name: string,
  got: PlainTensor,
  want: GoldenStats,
  tolerance: GoldenTolerance,
): void {
  expect(got.dims, `${name} shape`).to.deep.equal(want.shape);

  const { atol, rtol } = tolerance.values;
  const maxAbs = Math.max(Math.abs(want.min), Math.abs(want.max));
  for (const { index, value } of want.samples) {
    const allowed = atol * maxAbs + rtol * Math.abs(value);
    expect(
      Math.abs(got.data[index]! - value),
      `${name}[${index}] = ${got.data[index]}, want ${value}`,
    ).to.be.at.most(allowed);
  }

  const stats = tensorStats(got.data);
  const r = tolerance.stats.rtol;
  expect(Math.abs(stats.l2 - want.l2), `${name} l2 ${stats.l2}, want ${want.l2}`).to.be.at.most(
    r * want.l2,
  );
  expect(
    Math.abs(stats.sum - want.sum),
    `${name} sum ${stats.sum}, want ${want.sum}`,
  ).to.be.at.most(r * want.l1);
  expect(stats.min, `${name} min`).to.be.closeTo(
    want.min,
    atol * maxAbs + rtol * Math.abs(want.min),
  );
  expect(stats.max, `${name} max`).to.be.closeTo(
    want.max,
    atol * maxAbs + rtol * Math.abs(want.max),
  );
}

describe('skip-connection parity', () => {
  for (const backend of BACKENDS) {
    for (const name of ['bottleneck-projection', 'bottleneck-identity'] as const) {
      it(`${name} reproduces its golden outputs on ${backend}`, async () => {
        const manifest = await loadManifest(name);
        const { golden } = manifest;
        const handle = await acquireSession(slices[name].model, backend);
        try {
          expect(handle.backend).to.equal(backend);
          const { outputs } = await handle.run({ x: goldenInput(golden.input.shape) });
          expect(Object.keys(outputs).sort()).to.deep.equal(Object.keys(golden.outputs).sort());
          for (const [output, want] of Object.entries(golden.outputs)) {
            expectGolden(`${name}.${output}`, outputs[output]!, want, golden.tolerance);
          }

          // He et al. 2016, Eq. 1 and 2, then ReLU: what the figure draws.
          const { residual, shortcut, output } = outputs as Record<string, PlainTensor>;
          let worst = 0;
          for (let i = 0; i < output!.data.length; i++) {
            const want = Math.max(0, residual!.data[i]! + shortcut!.data[i]!);
            worst = Math.max(worst, Math.abs(output!.data[i]! - want));
          }
          expect(worst, 'output - relu(residual + shortcut)').to.be.below(1e-5);
          if (name === 'bottleneck-identity') {
            expect(shortcut!.data).to.deep.equal(goldenInput(golden.input.shape).data);
          }
        } finally {
          handle.release();
        }
      });
    }
  }

  for (const backend of BACKENDS) {
    it(`deep stacks give the reference per-depth norms on ${backend}`, async function () {
      // SwiftShader, the CPU WebGPU of headless Chromium without a GPU, needs
      // minutes for two 31-layer stacks; WASM checks the numbers there, a
      // machine with a GPU checks them here too.
      if (backend === 'webgpu' && (await webGpuAdapter()).software) this.skip();
      const last: Record<string, { activation: number; jvp: number }> = {};

      for (const name of ['deep-plain', 'deep-residual'] as const) {
        const manifest = await loadManifest(name);
        const reference = manifest.reference!;
        const epsilon = reference.epsilon;

        // The manifest's golden batch: [g, g + εv, g − εv] with
        // v[j] = sin(0.731 j + 0.3), in float64, rounded to float32.
        const [, c, h, w] = manifest.golden.input.shape as [number, number, number, number];
        const n = c * h * w;
        const data = new Float32Array(3 * n);
        for (let j = 0; j < n; j++) {
          const g = 0.5 * Math.sin(0.37 * j + 0.1) + 0.25 * Math.cos(0.011 * j);
          const v = Math.sin(0.731 * j + 0.3);
          data[j] = g;
          data[n + j] = g + epsilon * v;
          data[2 * n + j] = g - epsilon * v;
        }

        const handle = await acquireSession(slices[name].model, backend);
        let hidden: PlainTensor;
        try {
          hidden = (await handle.run({ x: { data, dims: [3, c, h, w] } })).outputs.hidden!;
        } finally {
          handle.release();
        }
        expect(hidden.dims).to.deep.equal(manifest.golden.outputs.hidden!.shape);

        const norms = depthNorms(hidden, epsilon);
        const { activationNorms, jvpNorms, tolerance } = reference;
        expect(norms.activation).to.have.length(activationNorms.length);
        norms.activation.forEach((got, d) => {
          const want = activationNorms[d]!;
          expect(
            Math.abs(got - want),
            `${name} activation[${d}] ${got}, want ${want}`,
          ).to.be.at.most(tolerance.activationNorms.rtol * want);
        });
        norms.jvp.forEach((got, d) => {
          const want = jvpNorms[d]!;
          expect(Math.abs(got - want), `${name} jvp[${d}] ${got}, want ${want}`).to.be.at.most(
            tolerance.jvpNorms.rtol * want,
          );
        });
        last[name] = { activation: norms.activation.at(-1)!, jvp: norms.jvp.at(-1)! };
      }

      // The direction the data has: shortcuts keep the signal, the plain
      // stack loses it (by more than 10^20 over 30 blocks here).
      expect(last['deep-residual']!.jvp).to.be.greaterThan(1e6 * last['deep-plain']!.jvp);
      expect(last['deep-residual']!.activation).to.be.greaterThan(
        1e6 * last['deep-plain']!.activation,
      );
    });
  }
});
