import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';

// Each test file runs in its own page: hide WebGPU before core asks for it,
// as a browser without an adapter (or with WebGPU blocked) would.
Object.defineProperty(navigator, 'gpu', { value: undefined, configurable: true });

const { hasWebGpuAdapter, resolveBackend } = await import('../src/runtime.js');
const { WalkthroughFigure } = await import('../src/figure.js');

class NoGpuFigure extends WalkthroughFigure {
  static readonly version = '0.0.0';
  backendSeen = '';

  protected override async execute(context: { backend: string }): Promise<void> {
    this.backendSeen = context.backend;
  }

  protected override renderBody(): unknown {
    return litHtml`<p>body</p>`;
  }

  protected override get figureTitle(): string {
    return 'No GPU';
  }
}
customElements.define('mw-no-gpu-figure', NoGpuFigure);

describe('runtime without WebGPU', () => {
  it('falls back to WASM and says why', async () => {
    expect(await hasWebGpuAdapter()).to.equal(false);
    expect(await resolveBackend('auto')).to.deep.equal({ backend: 'wasm' });

    const forced = await resolveBackend('webgpu');
    expect(forced.backend).to.equal('wasm');
    expect(forced.fallback).to.contain('no WebGPU adapter');
  });

  it('runs a figure that asks for WebGPU on WASM and tells the reader', async () => {
    const el = await fixture<NoGpuFigure>(
      html`<mw-no-gpu-figure loading="eager" backend="webgpu"></mw-no-gpu-figure>`,
    );
    await waitUntil(() => el.status === 'ready');
    expect(el.backendSeen).to.equal('wasm');
    const status = el.shadowRoot!.querySelector('[part=footnote]')!.textContent!;
    expect(status).to.contain('Ran on WASM').and.contain('no WebGPU adapter');
    await expect(el).to.be.accessible();
  });
});
