import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  acquireSession,
  imageToTensor,
  loadPixels,
  resizeToFloat,
  type FigureErrorEvent,
  type PlainTensor,
} from '@model-walkthroughs/core';
import { defaultPhoto, samplePhotos } from '@model-walkthroughs/samples';
import { loadManifest, slices } from '@model-walkthroughs/slices-vit';
import '../src/define.js';
import type { PatchEmbedding } from '../src/patch-embedding.js';
import { drawMatrix, drawPatch } from '../src/draw.js';
import { NORMALISED_BOUND, formatValue } from '../src/patches.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';

interface Attrs {
  patch?: string;
  src?: string;
  image?: string;
  backend?: string;
}

const notAModel = new URL('../package.json', import.meta.url).href;
const SIZE = 224;

async function mount(attrs: Attrs = {}, timeout = 55_000) {
  const events: Event[] = [];
  const log = (e: Event) => events.push(e);
  const el = await fixture<PatchEmbedding>(html`
    <patch-embedding
      loading="eager"
      backend=${attrs.backend ?? 'wasm'}
      patch=${ifDefined(attrs.patch)}
      src=${ifDefined(attrs.src)}
      image=${ifDefined(attrs.image)}
      @ready=${log}
      @error=${log}
      @change=${log}
      style="width: 960px"
    ></patch-embedding>
  `);
  await settle(el, events, 0, timeout);
  return { el, events };
}

async function settle(el: PatchEmbedding, events: Event[], after = 0, timeout = 55_000) {
  await waitUntil(
    () => events.slice(after).some((e) => e.type === 'ready' || e.type === 'error'),
    `<patch-embedding> did not settle; status ${el.status}`,
    { timeout, interval: 50 },
  );
  await el.updateComplete;
}

const root = (el: PatchEmbedding) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: PatchEmbedding, s: string) =>
  root(el).querySelector<T>(s)!;
const text = (el: PatchEmbedding, s: string) => q(el, s).textContent!.replace(/\s+/g, ' ').trim();

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>) {
  expect(a.length).to.equal(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

const pixels = (c: HTMLCanvasElement) =>
  c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;

/** Patch p of the image, computed here from core's imageToTensor, as c·256 + y·16 + x. */
function expectedVector(t: PlainTensor, p: number): Float32Array {
  const [row, col] = [Math.floor(p / 14), p % 14];
  const out = new Float32Array(768);
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < 16; y++) {
      for (let x = 0; x < 16; x++) {
        out[c * 256 + y * 16 + x] = t.data[c * SIZE * SIZE + (16 * row + y) * SIZE + 16 * col + x]!;
      }
    }
  }
  return out;
}

describe('patch-embedding', () => {
  expectNothingEscapes();

  it('is accessible once ready', async () => {
    const { el } = await mount();
    expect(el.status).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('draws the photo, the grid, the selected patch and six steps with their shapes', async () => {
    const { el, events } = await mount();
    expect(events.map((e) => e.type)).to.deep.equal(['ready']);
    expect(el.patch).to.equal(105);
    expect(text(el, '[part=readout]')).to.equal('Patch (7, 7), index 105');

    const cells = root(el).querySelectorAll('[part=grid] [role=row] > [role=gridcell]');
    expect(cells).to.have.length(196);
    expect(root(el).querySelectorAll('[part=grid] > [role=row]')).to.have.length(14);
    expect(q(el, '[part=grid]').getAttribute('aria-activedescendant')).to.equal('cell-105');
    expect(q(el, '#cell-105').getAttribute('aria-selected')).to.equal('true');
    expect(q(el, '#cell-105').getAttribute('aria-label')).to.equal('patch (7, 7)');

    const photo = q<HTMLCanvasElement>(el, '[part=photo]');
    expect([photo.width, photo.height]).to.deep.equal([224, 224]);
    const size = (name: string) => {
      const c = q<HTMLCanvasElement>(el, `[data-draw=${name}]`);
      return [c.width, c.height];
    };
    expect(size('pixels')).to.deep.equal([16, 16]);
    expect(size('vector')).to.deep.equal([768, 1]);
    expect(size('token')).to.deep.equal([768, 1]);
    expect(size('position')).to.deep.equal([768, 1]);

    const steps = [...root(el).querySelectorAll('[part=step]')];
    expect(steps.map((s) => s.querySelector('.name')!.textContent!.trim())).to.deep.equal([
      'Image',
      'Patches',
      'Flattened',
      'Projected',
      '+ [CLS]',
      '+ position',
    ]);
    expect(steps.map((s) => s.querySelector('.shape')!.textContent!.trim())).to.deep.equal([
      '224×224×3',
      '196×16×16×3',
      '196×768',
      '196×768',
      '197×768',
      '197×768',
    ]);
    const canvasSize = (id: string) => {
      const c = q<HTMLCanvasElement>(el, `[data-step=${id}] canvas`);
      return [c.width, c.height];
    };
    expect(canvasSize('patches')).to.deep.equal([14 * 16 + 13 * 2, 14 * 16 + 13 * 2]);
    expect(canvasSize('vectors')).to.deep.equal([768, 196]);
    expect(canvasSize('tokens')).to.deep.equal([768, 197]);
    expect(canvasSize('embedded')).to.deep.equal([768, 197]);

    // The markers sit on the selected patch's row: 105 of 196, 106 of 197 after [CLS].
    const top = (id: string) => q(el, `[data-step=${id}] .marker`).style.top;
    expect(parseFloat(top('vectors'))).to.be.closeTo((105.5 / 196) * 100, 1e-3);
    expect(parseFloat(top('embedded'))).to.be.closeTo((106.5 / 197) * 100, 1e-3);

    const manifest = await loadManifest('vit-b16-embed');
    expect(manifest.flattenOrder.vector).to.match(/^index = c \* 256 \+ y \* 16 \+ x /);
    expect(text(el, '.pixels p')).to.contain('(index = c * 256 + y * 16 + x)');
    const footnote = text(el, '[part=footnote]');
    expect(footnote).to.contain(manifest.weights.note);
    expect(footnote).to.contain('Give src your own export');
  });

  it('shows a patch vector that equals the pixels it came from', async () => {
    const { el } = await mount();
    const photo = await loadPixels(defaultPhoto.url);
    const t = imageToTensor(photo, SIZE);

    for (const p of [105, 0, 13, 2 * 14 + 9, 195]) {
      el.patch = p;
      await el.updateComplete;
      const want = expectedVector(t, p);
      expect(maxAbsDiff(el.vector!, want), `patch ${p}`).to.equal(0);
    }

    // What is on screen is that vector: the strip's pixels, drawn afresh from
    // the numbers computed here, are the same.
    const strip = q<HTMLCanvasElement>(el, '[data-draw=vector]');
    const fresh = document.createElement('canvas');
    drawMatrix(fresh, expectedVector(t, 195), 1, 768, NORMALISED_BOUND);
    expect(maxAbsDiff(pixels(strip), pixels(fresh))).to.equal(0);

    // And the enlarged pixels are the photo's, resized as the model saw it.
    const rgb = resizeToFloat(photo, SIZE, SIZE);
    const crop = new Float32Array(768);
    for (let c = 0; c < 3; c++) {
      for (let y = 0; y < 16; y++) {
        for (let x = 0; x < 16; x++) {
          crop[c * 256 + y * 16 + x] = rgb[c * SIZE * SIZE + (208 + y) * SIZE + 208 + x]!;
        }
      }
    }
    drawPatch(fresh, crop, 16);
    expect(maxAbsDiff(pixels(q(el, '[data-draw=pixels]')), pixels(fresh))).to.equal(0);

    // The caption starts with the same numbers.
    expect(text(el, 'figure.strip figcaption')).to.contain(`: ${want0(t)}, `);
  });

  it('shows a token that equals patch_tokens[p] of a direct run, and [CLS] and E_pos around it', async () => {
    const { el } = await mount({ patch: '40' });
    const t = imageToTensor(await loadPixels(defaultPhoto.url), SIZE);
    const handle = await acquireSession(slices['vit-b16-embed'].model, 'wasm');
    try {
      const { outputs } = await handle.run({ image: t }, ['patch_tokens', 'tokens', 'embedded']);
      const direct = outputs['patch_tokens']!;
      expect(direct.dims).to.deep.equal([1, 196, 768]);
      const want = direct.data.subarray(40 * 768, 41 * 768);
      expect(maxAbsDiff(el.token!, want)).to.be.below(1e-6);

      // tokens = [CLS; patch_tokens]: patch p is token p + 1.
      const tokens = el.tensors!.tokens.data;
      expect(maxAbsDiff(tokens.subarray(41 * 768, 42 * 768), want)).to.be.below(1e-6);
      expect(maxAbsDiff(el.tensors!.embedded.data, outputs['embedded']!.data)).to.be.below(1e-6);
    } finally {
      handle.release();
    }
  });

  it('moves the selection with the keyboard without running the model again', async () => {
    const { el, events } = await mount();
    const runs = el.timings.inference.length;
    const grid = q(el, '[part=grid]');
    grid.focus();
    expect(root(el).activeElement).to.equal(grid);

    const press = async (key: string, want: number) => {
      const [modifier, name] = key.includes('+') ? key.split('+') : [undefined, key];
      if (modifier) await sendKeys({ down: modifier });
      await sendKeys({ press: name! });
      if (modifier) await sendKeys({ up: modifier });
      await el.updateComplete;
      expect(el.patch, key).to.equal(want);
      expect(grid.getAttribute('aria-activedescendant')).to.equal(`cell-${want}`);
    };
    const changed = oneEvent(el, 'change');
    await press('ArrowRight', 106);
    const change = await changed;
    expect(change.bubbles && change.composed).to.equal(true);
    expect(text(el, '[part=readout]')).to.equal('Patch (7, 8), index 106');
    expect(q(el, '[part=readout]').getAttribute('aria-live')).to.equal('polite');
    expect(el.getAttribute('patch')).to.equal('106');

    await press('ArrowDown', 120);
    await press('ArrowLeft', 119);
    await press('ArrowUp', 105);
    await press('Home', 98);
    await press('ArrowLeft', 98);
    await press('End', 111);
    await press('Control+End', 195);
    await press('ArrowDown', 195);
    await press('ArrowRight', 195);
    await press('Control+Home', 0);
    await press('PageDown', 182);
    expect(text(el, '[part=readout]')).to.equal('Patch (13, 0), index 182');
    expect(root(el).activeElement).to.equal(grid);

    expect(el.timings.inference.length).to.equal(runs);
    expect(events.filter((e) => e.type === 'ready')).to.have.length(1);
    // Twelve presses, three of them against an edge: nine changes.
    expect(events.filter((e) => e.type === 'change')).to.have.length(9);
  });

  it('selects a patch with the pointer', async () => {
    const { el, events } = await mount();
    q(el, '#cell-47').click();
    await el.updateComplete;
    expect(el.patch).to.equal(47);
    expect(text(el, '[part=readout]')).to.equal('Patch (3, 5), index 47');
    expect(root(el).activeElement).to.equal(q(el, '[part=grid]'));
    expect(events.map((e) => e.type)).to.deep.equal(['ready', 'change']);
  });

  it('cuts another photo given by the image attribute', async () => {
    const { el } = await mount({ image: samplePhotos.rocket.url, patch: '0' });
    expect(el.status).to.equal('ready');
    const t = imageToTensor(await loadPixels(samplePhotos.rocket.url), SIZE);
    expect(maxAbsDiff(el.vector!, expectedVector(t, 0))).to.equal(0);
  });

  it('runs on WebGPU with the same tokens', async function () {
    this.timeout(120_000);
    const { el, events } = await mount({ backend: 'webgpu' }, 110_000);
    const failed = events.find((e) => e.type === 'error') as FigureErrorEvent | undefined;
    expect(failed?.message, 'error on WebGPU').to.equal(undefined);
    expect(text(el, '[part=footnote]')).to.contain('Ran on WebGPU');
    const t = imageToTensor(await loadPixels(defaultPhoto.url), SIZE);
    const handle = await acquireSession(slices['vit-b16-embed'].model, 'wasm');
    try {
      const { outputs } = await handle.run({ image: t }, ['patch_tokens']);
      const want = outputs['patch_tokens']!.data;
      let scale = 0;
      for (const v of want) scale = Math.max(scale, Math.abs(v));
      expect(maxAbsDiff(el.tensors!.patchTokens.data, want)).to.be.below(1e-3 * scale);
    } finally {
      handle.release();
    }
  });

  describe('errors', () => {
    const cases: [string, Attrs, string, RegExp][] = [
      [
        'a patch past the grid',
        { patch: '196' },
        'bad-attribute',
        /patch="196" is not a whole number from 0 to 195\./,
      ],
      ['a patch that is no number', { patch: 'middle' }, 'bad-attribute', /patch="middle"/],
      ['a fractional patch', { patch: '2.5' }, 'bad-attribute', /patch="2.5"/],
      ['a bad backend', { backend: 'cuda' }, 'bad-attribute', /backend="cuda" is not one of/],
      ['a src that 404s', { src: '/no/such/model.onnx' }, 'model-not-found', /could not be loaded/],
      ['a src that is not ONNX', { src: notAModel }, 'model-invalid', /not an ONNX model/],
      [
        'a model with other outputs',
        { src: slices['vit-tiny-scenes'].model },
        'model-mismatch',
        /image/,
      ],
      ['an image that is not an image', { image: notAModel }, 'image-decode', /not an image/],
    ];

    for (const [what, attrs, code, message] of cases) {
      it(`reports ${what} as ${code}`, async () => {
        const { el, events } = await mount(attrs);
        expect(el.status).to.equal('error');
        const error = events.find((e) => e.type === 'error') as FigureErrorEvent;
        expect(error.code).to.equal(code);
        expect(text(el, '[part=alert]')).to.match(message);
        expect(root(el).querySelector('[part=grid]')).to.equal(null);
      });
    }

    it('reports a bad patch set later, and recovers when it is fixed', async () => {
      const { el, events } = await mount();
      el.patch = 500;
      await settle(el, events, 1);
      expect(el.status).to.equal('error');
      expect(text(el, '[part=alert]')).to.contain('patch="500"');
      el.patch = 3;
      await settle(el, events, 2);
      expect(el.status).to.equal('ready');
      expect(text(el, '[part=readout]')).to.equal('Patch (0, 3), index 3');
    });

    it('says whose weights ran when src is given', async () => {
      const src = slices['vit-b16-embed'].model;
      const { el } = await mount({ src });
      expect(el.status).to.equal('ready');
      expect(text(el, '[part=footnote]')).to.contain(`Your model at ${src}.`);
    });
  });
});

/** The first number of patch 195's vector as the caption writes it. */
function want0(t: PlainTensor): string {
  return formatValue(expectedVector(t, 195)[0]!);
}
