import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { WalkthroughFigure } from '../src/figure.js';

/** A figure that draws a known picture: left half red, right half blue. */
class PaintedFigure extends WalkthroughFigure {
  static readonly version = '0.0.0';

  protected override async execute(): Promise<void> {
    await this.updateComplete;
    const canvas = this.shadowRoot!.querySelector('canvas')!;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ff0000';
    context.fillRect(0, 0, 20, 20);
    context.fillStyle = '#0000ff';
    context.fillRect(20, 0, 20, 20);
  }

  protected override renderBody(): unknown {
    return litHtml`<canvas part="canvas" width="40" height="20" style="width: 160px; height: 80px"
      aria-label="two colours"></canvas>`;
  }

  protected override get figureTitle(): string {
    return 'Painted';
  }
}
customElements.define('mw-painted-figure', PaintedFigure);

async function pixelsOf(blob: Blob) {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return { width: bitmap.width, height: bitmap.height, context };
}

describe('figure snapshots', () => {
  it('offers a save button once ready, and is accessible with it', async () => {
    const el = await fixture<PaintedFigure>(
      html`<mw-painted-figure loading="eager" style="width: 400px"></mw-painted-figure>`,
    );
    await waitUntil(() => el.status === 'ready');
    const save = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=save]')!;
    expect(save.textContent).to.equal('Save as PNG');
    await expect(el).to.be.accessible();
  });

  it('draws the figure as SVG with its canvas inside', async () => {
    const el = await fixture<PaintedFigure>(
      html`<mw-painted-figure loading="eager" style="width: 400px"></mw-painted-figure>`,
    );
    await waitUntil(() => el.status === 'ready');
    const svg = el.toSVG();
    expect(svg).to.match(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="400"/);
    expect(svg).to.contain('<foreignObject').and.contain('data:image/png;base64,');
    expect(svg).to.contain('Painted').and.not.contain('<canvas').and.not.contain('Save as PNG');
  });

  it('draws the figure as PNG at twice its size, canvas pixels in place', async () => {
    const el = await fixture<PaintedFigure>(
      html`<mw-painted-figure loading="eager" style="width: 400px"></mw-painted-figure>`,
    );
    await waitUntil(() => el.status === 'ready');
    const box = el.getBoundingClientRect();
    const { width, height, context } = await pixelsOf(await el.toPNG(2));
    expect(width).to.equal(Math.round(box.width * 2));
    // The save button is left out, so the picture may be a line shorter.
    expect(height).to.be.within(Math.round(box.height * 2) - 60, Math.round(box.height * 2) + 2);

    // The canvas's left and right halves, where they sit in the picture.
    const canvas = el.shadowRoot!.querySelector('canvas')!.getBoundingClientRect();
    const at = (fx: number) => {
      const x = Math.round((canvas.left - box.left + canvas.width * fx) * 2);
      const y = Math.round((canvas.top - box.top + canvas.height / 2) * 2);
      return Array.from(context.getImageData(x, y, 1, 1).data);
    };
    expect(at(0.25)).to.deep.equal([255, 0, 0, 255]);
    expect(at(0.75)).to.deep.equal([0, 0, 255, 255]);
  });
});
