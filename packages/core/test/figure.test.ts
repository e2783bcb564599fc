import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { FigureError } from '../src/errors.js';
import type { FigureErrorEvent, FigureReadyEvent } from '../src/events.js';
import { WalkthroughFigure, type RunContext } from '../src/figure.js';
import { expectNothingEscapes } from './helpers/escapes.js';

/** A figure whose work is a promise the test controls. */
class ProbeFigure extends WalkthroughFigure {
  static readonly version = '0.0.0';
  runs = 0;
  work: (context: RunContext) => Promise<void> = async () => undefined;

  protected override async execute(context: RunContext): Promise<void> {
    this.runs++;
    await this.work(context);
  }

  protected override renderBody(): unknown {
    return litHtml`<p part="body">body</p>`;
  }

  protected override get figureTitle(): string {
    return 'Probe';
  }
}
customElements.define('mw-probe-figure', ProbeFigure);

describe('WalkthroughFigure', () => {
  expectNothingEscapes();

  it('is accessible and renders its frame before any model', async () => {
    const el = await fixture<ProbeFigure>(
      html`<mw-probe-figure loading="eager"></mw-probe-figure>`,
    );
    await waitUntil(() => el.status === 'ready');
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal('Probe');
    expect(el.timings.firstRender).to.be.a('number');
  });

  it('reflects loading and ready, and fires ready with the backend', async () => {
    let finish!: () => void;
    const el = document.createElement('mw-probe-figure') as ProbeFigure;
    el.loading = 'eager';
    el.backend = 'wasm';
    el.work = () => new Promise<void>((resolve) => (finish = resolve));
    document.body.append(el);

    await waitUntil(() => el.getAttribute('status') === 'loading');
    const ready = oneEvent(el, 'ready') as Promise<FigureReadyEvent>;
    finish();
    const event = await ready;
    expect(event.backend).to.equal('wasm');
    expect(el.getAttribute('status')).to.equal('ready');
    el.remove();
  });

  it('turns an error into a message, status and event', async () => {
    const el = document.createElement('mw-probe-figure') as ProbeFigure;
    el.loading = 'eager';
    el.work = async () => {
      throw new FigureError('image-decode', 'The image could not be decoded.');
    };
    const failed = oneEvent(el, 'error') as Promise<FigureErrorEvent>;
    document.body.append(el);

    const event = await failed;
    expect(event.code).to.equal('image-decode');
    expect(el.getAttribute('status')).to.equal('error');
    expect(el.shadowRoot!.querySelector('[part=alert]')!.textContent).to.contain(
      'could not be decoded',
    );
    el.remove();
  });

  it('rejects an unknown backend with a plain message', async () => {
    const el = document.createElement('mw-probe-figure') as ProbeFigure;
    el.loading = 'eager';
    el.setAttribute('backend', 'gpu');
    const failed = oneEvent(el, 'error') as Promise<FigureErrorEvent>;
    document.body.append(el);

    const event = await failed;
    expect(event.code).to.equal('bad-attribute');
    expect(event.message).to.equal('backend="gpu" is not one of "auto", "webgpu", "wasm".');
    expect(el.runs).to.equal(0);
    el.remove();
  });

  it('waits until it is scrolled near when lazy', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    const el = document.createElement('mw-probe-figure') as ProbeFigure;
    document.body.append(spacer, el);

    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(el.status).to.equal('idle');
    expect(el.runs).to.equal(0);

    el.scrollIntoView();
    await waitUntil(() => el.status === 'ready');
    expect(el.runs).to.equal(1);
    spacer.remove();
    el.remove();
  });

  it('runs again when a run property changes, keeping only the latest result', async () => {
    const el = await fixture<ProbeFigure>(
      html`<mw-probe-figure loading="eager"></mw-probe-figure>`,
    );
    await waitUntil(() => el.status === 'ready');

    el.image = '/a.png';
    el.image = '/b.png';
    await el.updateComplete;
    await el.settled;
    expect(el.status).to.equal('ready');
    expect(el.runs).to.equal(2);
  });
});

describe('WalkthroughFigure attributes from outside', () => {
  it('rejects an unknown loading value', async () => {
    const el = document.createElement('mw-probe-figure') as ProbeFigure;
    el.setAttribute('loading', 'soon');
    const failed = oneEvent(el, 'error') as Promise<FigureErrorEvent>;
    document.body.append(el);
    el.scrollIntoView();

    const event = await failed;
    expect(event.message).to.equal('loading="soon" is not one of "lazy", "eager".');
    el.remove();
  });

  it('keeps status read-only: a status attribute in the page is put back', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<mw-probe-figure status="ready"></mw-probe-figure>';
    document.body.append(spacer, wrapper);
    const el = wrapper.firstElementChild as ProbeFigure;
    await el.updateComplete;

    expect(el.status).to.equal('idle');
    expect(el.getAttribute('status')).to.equal('idle');
    spacer.remove();
    wrapper.remove();
  });

  it('hides what an earlier run drew once a later run fails', async () => {
    const el = await fixture<ProbeFigure>(
      html`<mw-probe-figure loading="eager"></mw-probe-figure>`,
    );
    await waitUntil(() => el.status === 'ready');
    expect(el.shadowRoot!.querySelector('[part=body]')).to.exist;

    el.work = async () => {
      throw new FigureError('image-decode', 'The chosen file is not an image.');
    };
    el.image = '/not-an-image.txt';
    await waitUntil(() => el.status === 'error');
    expect(el.shadowRoot!.querySelector('[part=body]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=alert]')!.textContent).to.contain('not an image');
  });
});
