// Checks the test harness itself, not the product: TypeScript with
// decorators, `.js` → `.ts` imports, a software WebGPU adapter in headless
// Chromium, onnxruntime-web's builds loading, and WebAssembly served with
// the right type. Safe to delete once real tests cover the same ground.
import { expect, fixture, html } from '@open-wc/testing';
import { MwSmokeFixture } from './smoke-fixture.js';

describe('test harness', () => {
  it('compiles decorators and resolves .js imports to .ts files', async () => {
    if (!customElements.get('mw-smoke-fixture')) {
      customElements.define('mw-smoke-fixture', MwSmokeFixture);
    }
    const el = await fixture<MwSmokeFixture>(
      html`<mw-smoke-fixture label="hello"></mw-smoke-fixture>`,
    );

    expect(el.label).to.equal('hello');
    el.label = 'changed';
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('changed');
  });

  it('gets a WebGPU adapter and runs a compute shader', async () => {
    expect(navigator.gpu, 'navigator.gpu').to.exist;
    const adapter = await navigator.gpu.requestAdapter();
    expect(adapter, 'requestAdapter()').to.not.equal(null);
    const device = await adapter!.requestDevice();

    // Doubles four numbers on the device and reads them back.
    const module = device.createShaderModule({
      code: `@group(0) @binding(0) var<storage, read_write> v: array<f32>;
        @compute @workgroup_size(4)
        fn main(@builtin(global_invocation_id) id: vec3u) {
          v[id.x] = v[id.x] * 2.0;
        }`,
    });
    const pipeline = device.createComputePipeline({
      layout: 'auto',
      compute: { module, entryPoint: 'main' },
    });
    const data = new Float32Array([1, 2, 3, 4]);
    const storage = device.createBuffer({
      size: data.byteLength,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
    });
    device.queue.writeBuffer(storage, 0, data);
    const readback = device.createBuffer({
      size: data.byteLength,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(
      0,
      device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [{ binding: 0, resource: { buffer: storage } }],
      }),
    );
    pass.dispatchWorkgroups(1);
    pass.end();
    encoder.copyBufferToBuffer(storage, 0, readback, 0, data.byteLength);
    device.queue.submit([encoder.finish()]);
    await readback.mapAsync(GPUMapMode.READ);

    expect([...new Float32Array(readback.getMappedRange())]).to.deep.equal([2, 4, 6, 8]);
    device.destroy();
  });

  it('loads onnxruntime-web (wasm and webgpu builds)', async () => {
    const ort = await import('onnxruntime-web/wasm');
    expect(ort.env, 'ort.env').to.be.an('object');
    expect(ort.InferenceSession, 'ort.InferenceSession').to.exist;
    expect(ort.Tensor, 'ort.Tensor').to.exist;

    const webgpu = await import('onnxruntime-web/webgpu');
    expect(webgpu.InferenceSession).to.exist;
  });

  it('serves onnxruntime-web WebAssembly as application/wasm', async () => {
    const url = '/node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm';
    const response = await fetch(url);

    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^application\/wasm/);
    const module = await WebAssembly.compileStreaming(fetch(url));
    expect(WebAssembly.Module.exports(module).length).to.be.greaterThan(0);
  });
});
