import { expect } from '@open-wc/testing';
import { slices } from '@model-walkthroughs/slices-resnet';
import { FigureError } from '../src/errors.js';
import { acquireSession, openSessionCount, resolveBackend, webGpuAdapter } from '../src/runtime.js';
import { goldenInput } from '../src/tensor.js';

async function failure(promise: Promise<unknown>): Promise<FigureError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FigureError);
    return error as FigureError;
  }
  throw new Error('expected a FigureError');
}

describe('runtime', () => {
  it('shares one session per model and backend, and releases it', async () => {
    const url = slices['resnet50-stem'].model;
    const a = await acquireSession(url, 'wasm');
    const b = await acquireSession(url, 'wasm');
    expect(openSessionCount()).to.equal(1);
    expect(a.inputNames).to.deep.equal(['image']);
    expect(a.outputNames).to.include.members(['stem', 'pool']);

    a.release();
    a.release();
    expect(openSessionCount()).to.equal(1);
    b.release();
    expect(openSessionCount()).to.equal(0);
  });

  it('runs a model and reports its outputs and time', async () => {
    const handle = await acquireSession(slices['resnet50-stem'].model, 'wasm');
    const { outputs, ms } = await handle.run({ image: goldenInput([1, 3, 224, 224]) });
    handle.release();
    expect(outputs['pool']!.dims).to.deep.equal([1, 64, 56, 56]);
    expect(outputs['stem']!.dims).to.deep.equal([1, 64, 112, 112]);
    expect(ms).to.be.greaterThan(0);
  });

  it('opens WebGPU sessions for several figures at once', async () => {
    const [stem, block] = await Promise.all([
      acquireSession(slices['resnet50-stem'].model, 'webgpu'),
      acquireSession(slices['bottleneck-identity'].model, 'webgpu'),
    ]);
    expect([stem.backend, block.backend]).to.deep.equal(['webgpu', 'webgpu']);
    expect(openSessionCount()).to.equal(2);
    stem.release();
    block.release();
    expect(openSessionCount()).to.equal(0);
  });

  it('gives every concurrent run on a shared session its own right answer', async () => {
    // Five figures on a page share one session and may run it at once.
    const handles = await Promise.all(
      Array.from({ length: 5 }, () => acquireSession(slices['bottleneck-identity'].model, 'wasm')),
    );
    const input = goldenInput([1, 256, 56, 56]);
    const results = await Promise.all(handles.map((h) => h.run({ x: input }, ['output'])));
    const first = results[0]!.outputs['output']!.data;
    for (const { outputs } of results) {
      expect(Array.from(outputs['output']!.data.subarray(0, 1000))).to.deep.equal(
        Array.from(first.subarray(0, 1000)),
      );
    }
    for (const h of handles) h.release();
  });

  it('names a missing model, a file that is not ONNX, and a model that does not fit', async () => {
    const missing = await failure(acquireSession('/packages/core/no-such-model.onnx', 'wasm'));
    expect(missing.code).to.equal('model-not-found');
    expect(missing.message).to.contain('404');

    const notOnnx = await failure(acquireSession('/packages/core/package.json', 'wasm'));
    expect(notOnnx.code).to.equal('model-invalid');

    const mismatch = await failure(
      acquireSession(slices['bottleneck-identity'].model, 'wasm', {
        inputs: { image: [1, 3, 224, 224] },
        outputs: ['pool'],
      }),
    );
    expect(mismatch.code).to.equal('model-mismatch');
    expect(mismatch.message).to.contain('no input named "image"');
    expect(openSessionCount()).to.equal(0);
  });

  it('takes WebGPU when asked, and on auto only from a hardware adapter', async () => {
    const adapter = await webGpuAdapter();
    // The test browser has SwiftShader's software adapter (see
    // scripts/chromium.mjs); on a machine with a GPU it would be hardware.
    expect(adapter.available).to.equal(true);
    expect(await resolveBackend('wasm')).to.deep.equal({ backend: 'wasm' });
    expect(await resolveBackend('webgpu')).to.deep.equal({ backend: 'webgpu' });
    expect((await resolveBackend('auto')).backend).to.equal(adapter.software ? 'wasm' : 'webgpu');
  });
});
