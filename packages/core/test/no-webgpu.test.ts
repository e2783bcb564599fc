import { expect } from '@open-wc/testing';

// Each test file runs in its own page: hide WebGPU before core asks for it,
// as a browser without an adapter (or with WebGPU blocked) would.
Object.defineProperty(navigator, 'gpu', { value: undefined, configurable: true });

const { hasWebGpuAdapter, resolveBackend } = await import('../src/runtime.js');

describe('runtime without WebGPU', () => {
  it('falls back to WASM and says why', async () => {
    expect(await hasWebGpuAdapter()).to.equal(false);
    expect(await resolveBackend('auto')).to.deep.equal({ backend: 'wasm' });

    const forced = await resolveBackend('webgpu');
    expect(forced.backend).to.equal('wasm');
    expect(forced.fallback).to.contain('no WebGPU adapter');
  });
});
