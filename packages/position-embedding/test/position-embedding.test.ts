import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  acquireSession,
  colormap,
  goldenInput,
  loadPixels,
  resizeToFloat,
  type FigureErrorEvent,
  type PlainTensor,
} from '@model-walkthroughs/core';
import { loadManifest, scenes, slices } from '@model-walkthroughs/slices-vit';
import '../src/define.js';
import type { PositionEmbedding } from '../src/position-embedding.js';
import { similarityMatrix, sinusoidalSimilarity } from '../src/similarity.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';

interface Attrs {
  embedding?: string;
  position?: string;
  src?: string;
  backend?: string;
}

const notAModel = new URL('../package.json', import.meta.url).href;

async function mount(attrs: Attrs = {}) {
  const events: Event[] = [];
  const log = (e: Event) => events.push(e);
  const el = await fixture<PositionEmbedding>(html`
    <position-embedding
      loading="eager"
      backend=${attrs.backend ?? 'wasm'}
      embedding=${ifDefined(attrs.embedding)}
      position=${ifDefined(attrs.position)}
      src=${ifDefined(attrs.src)}
      @ready=${log}
      @error=${log}
      @change=${log}
      style="width: 900px"
    ></position-embedding>
  `);
  await settle(el, events);
  return { el, events };
}

async function settle(el: PositionEmbedding, events: Event[], after = 0) {
  await waitUntil(
    () => events.slice(after).some((e) => e.type === 'ready' || e.type === 'error'),
    `<position-embedding> did not settle; status ${el.status}`,
    { timeout: 55_000, interval: 50 },
  );
  await el.updateComplete;
}

const root = (el: PositionEmbedding) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: PositionEmbedding, s: string) =>
  root(el).querySelector<T>(s)!;
const text = (el: PositionEmbedding, s: string) =>
  q(el, s).textContent!.replace(/\s+/g, ' ').trim();
const fmt = (v: number) => v.toFixed(2).replace('-', '−');

/** The manifest's preprocessing of a scene PNG: pixel / 255, then (x − mean) / std. */
async function sceneInput(url: string, size: number, mean: number[], std: number[]) {
  const data = resizeToFloat(await loadPixels(url), size, size);
  const plane = size * size;
  for (let i = 0; i < data.length; i++) {
    const c = Math.floor(i / plane);
    data[i] = (data[i]! - mean[c]!) / std[c]!;
  }
  return { data, dims: [1, 3, size, size] };
}

async function directPosEmbed(image?: PlainTensor): Promise<PlainTensor> {
  const handle = await acquireSession(slices['vit-tiny-scenes'].model, 'wasm');
  try {
    const input = image ?? goldenInput([1, 3, 64, 64]);
    const { outputs } = await handle.run({ image: input }, ['pos_embed']);
    return outputs['pos_embed']!;
  } finally {
    handle.release();
  }
}

describe('position-embedding', () => {
  expectNothingEscapes();

  it('is accessible once ready', async () => {
    const { el } = await mount();
    expect(el.status).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('shows learned and sinusoidal maps side by side for position 27', async () => {
    const { el, events } = await mount();
    expect(events.map((e) => e.type)).to.deep.equal(['ready']);
    const panels = [...root(el).querySelectorAll<HTMLElement>('[part=panel]')];
    expect(panels.map((p) => p.dataset['kind'])).to.deep.equal(['learned', 'sinusoidal']);
    for (const panel of panels) {
      expect(panel.querySelectorAll('[role=row]')).to.have.length(8);
      expect(panel.querySelectorAll('[role=gridcell]')).to.have.length(64);
      const map = panel.querySelector<HTMLCanvasElement>('[data-map]')!;
      expect([map.width, map.height]).to.deep.equal([8, 8]);
      const multiples = panel.querySelector<HTMLCanvasElement>('[part=multiples]')!;
      expect([multiples.width, multiples.height]).to.deep.equal([78, 78]);
    }
    expect(text(el, '[part=readout]')).to.match(/^Position \(3, 3\), index 27\. Most similar/);
    expect(root(el).querySelectorAll('[part=formula] math')).to.have.length(3);

    const manifest = await loadManifest('vit-tiny-scenes');
    expect(text(el, '[part=footnote]')).to.contain(manifest.weights.note);
  });

  it('compares the learned embeddings of a direct run of the slice', async () => {
    const { el } = await mount();
    const table = await directPosEmbed();
    const [, tokens, dim] = table.dims as [number, number, number];
    expect(tokens).to.equal(65);
    const manifest = await loadManifest('vit-tiny-scenes');
    expect(dim).to.equal(manifest.architecture.dim);

    // Row 0 is [CLS]; positions 1 … 64 are the patches.
    const want = similarityMatrix(table.data.subarray(dim), 64, dim);
    const got = el.similarities!.learned;
    for (let i = 0; i < want.length; i++) expect(got[i]).to.be.closeTo(want[i]!, 1e-9);
    for (let p = 0; p < 64; p++) {
      expect(got[p * 64 + p]).to.be.closeTo(1, 1e-12);
      for (let k = 0; k < 64; k++) expect(got[p * 64 + k]).to.equal(got[k * 64 + p]);
    }

    // The cells say the same numbers: position 27 against 28.
    const cell = q(el, '#learned-28');
    expect(cell.getAttribute('aria-label')).to.equal(`(3, 4): ${fmt(want[27 * 64 + 28]!)}`);
  });

  it('reads the same table from a real scene: it is a parameter, not an output of the image', async () => {
    const manifest = await loadManifest('vit-tiny-scenes');
    const { size, mean, std } = manifest.preprocessing;
    const golden = await directPosEmbed();
    const scene = await directPosEmbed(await sceneInput(scenes[0]!.url, size, mean, std));
    expect([...scene.data]).to.deep.equal([...golden.data]);
  });

  it('draws the sinusoidal map with the closed-form similarities', async () => {
    const { el } = await mount({ position: '9' });
    const dim = el.similarities!.dim;
    const map = q<HTMLCanvasElement>(el, '[data-map=sinusoidal]');
    const image = map.getContext('2d')!.getImageData(0, 0, 8, 8).data;
    const table = colormap('diverging');
    for (let k = 0; k < 64; k++) {
      const [dr, dc] = [Math.floor(k / 8) - 1, (k % 8) - 1];
      const v = sinusoidalSimilarity(dr, dc, dim);
      const i = Math.max(0, Math.min(255, Math.round(((v + 1) / 2) * 255))) * 3;
      expect([...image.subarray(k * 4, k * 4 + 3)], `cell ${k}`).to.deep.equal([
        table[i],
        table[i + 1],
        table[i + 2],
      ]);
      expect(q(el, `#sinusoidal-${k}`).getAttribute('aria-label')).to.contain(`: ${fmt(v)}`);
    }
    const stats = text(el, '[data-kind=sinusoidal] .stats');
    expect(stats).to.contain(`neighbour ${fmt(sinusoidalSimilarity(0, 1, dim))}`);
  });

  it('moves the position with the keyboard in either grid, without running again', async () => {
    const { el, events } = await mount();
    const runs = el.timings.inference.length;
    const learned = q(el, '[part=grid][data-kind=learned]');
    const sinusoidal = q(el, '[part=grid][data-kind=sinusoidal]');
    learned.focus();

    const changed = oneEvent(el, 'change');
    await sendKeys({ press: 'ArrowRight' });
    await changed;
    await el.updateComplete;
    expect(el.position).to.equal(28);
    expect(el.getAttribute('position')).to.equal('28');
    expect(learned.getAttribute('aria-activedescendant')).to.equal('learned-28');
    expect(sinusoidal.getAttribute('aria-activedescendant')).to.equal('sinusoidal-28');
    expect(text(el, '[part=readout]')).to.match(/^Position \(3, 4\), index 28/);

    for (const key of ['ArrowDown', 'ArrowDown', 'End']) await sendKeys({ press: key });
    await el.updateComplete;
    expect(el.position).to.equal(47);
    sinusoidal.focus();
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.position).to.equal(32);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'End' });
    await sendKeys({ up: 'Control' });
    await el.updateComplete;
    expect(el.position).to.equal(63);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.position).to.equal(63);

    expect(el.timings.inference.length).to.equal(runs);
    expect(events.filter((e) => e.type === 'change')).to.have.length(7);
  });

  it('selects a position by clicking a cell or a small multiple', async () => {
    const { el } = await mount();
    q(el, '#sinusoidal-5').click();
    await el.updateComplete;
    expect(el.position).to.equal(5);
    expect(root(el).activeElement).to.equal(q(el, '[part=grid][data-kind=sinusoidal]'));

    // Tile (row 6, col 2) of the learned small multiples, clicked at its centre.
    const canvas = q<HTMLCanvasElement>(el, '[data-multiples=learned]');
    const box = canvas.getBoundingClientRect();
    const unit = box.width / 78;
    const at = (k: number) => (k * 10 + 4) * unit;
    await sendMouse({
      type: 'click',
      position: [Math.round(box.left + at(2)), Math.round(box.top + at(6))],
    });
    await el.updateComplete;
    expect(el.position).to.equal(50);
    const pick = q(el, '[data-kind=learned] .pick');
    expect(parseFloat(pick.style.left)).to.be.closeTo((20 / 78) * 100, 1e-3);
    expect(parseFloat(pick.style.top)).to.be.closeTo((60 / 78) * 100, 1e-3);
  });

  it('switches between learned, sinusoidal and side by side', async () => {
    const { el, events } = await mount();
    const button = (name: string) =>
      [...root(el).querySelectorAll<HTMLButtonElement>('[part=controls] button')].find(
        (b) => b.textContent!.trim() === name,
      )!;
    expect(button('Side by side').getAttribute('aria-pressed')).to.equal('true');

    button('Learned').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.embedding).to.equal('learned');
    expect(el.getAttribute('embedding')).to.equal('learned');
    expect(button('Learned').getAttribute('aria-pressed')).to.equal('true');
    const kinds = () =>
      [...root(el).querySelectorAll<HTMLElement>('[part=panel]')].map((p) => p.dataset['kind']);
    expect(kinds()).to.deep.equal(['learned']);

    button('2D sine-cosine').click();
    await el.updateComplete;
    expect(kinds()).to.deep.equal(['sinusoidal']);
    // The map was drawn for the panel now on show.
    expect(q<HTMLCanvasElement>(el, '[data-map=sinusoidal]').width).to.equal(8);
    expect(events.filter((e) => e.type === 'change')).to.have.length(2);
    expect(el.timings.inference).to.have.length(1);
  });

  it('shows only the kind asked for by the embedding attribute', async () => {
    const { el } = await mount({ embedding: 'sinusoidal', position: '0' });
    expect(root(el).querySelectorAll('[part=panel]')).to.have.length(1);
    expect(text(el, '[part=readout]')).to.match(/sinusoidal \(0, 1\)|sinusoidal \(1, 0\)/);
  });

  describe('errors', () => {
    const cases: [string, Attrs, string, RegExp][] = [
      [
        'a bad embedding',
        { embedding: 'rotary' },
        'bad-attribute',
        /embedding="rotary" is not one of "both", "learned", "sinusoidal"\./,
      ],
      [
        'a position off the grid',
        { position: '64' },
        'bad-attribute',
        /position="64" is not a whole number from 0 to 63\./,
      ],
      ['a src that 404s', { src: '/no/such/model.onnx' }, 'model-not-found', /could not be loaded/],
      ['a src that is not ONNX', { src: notAModel }, 'model-invalid', /not an ONNX model/],
      [
        'a model without pos_embed',
        { src: slices['vit-b16-embed'].model },
        'model-mismatch',
        /image|pos_embed/,
      ],
    ];

    for (const [what, attrs, code, message] of cases) {
      it(`reports ${what} as ${code}`, async () => {
        const { el, events } = await mount(attrs);
        expect(el.status).to.equal('error');
        const error = events.find((e) => e.type === 'error') as FigureErrorEvent;
        expect(error.code).to.equal(code);
        expect(text(el, '[part=alert]')).to.match(message);
      });
    }

    it('reports a bad position set later, and recovers', async () => {
      const { el, events } = await mount();
      el.position = -1;
      await settle(el, events, 1);
      expect(el.status).to.equal('error');
      expect(text(el, '[part=alert]')).to.equal(
        'position="-1" is not a whole number from 0 to 63.',
      );
      el.position = 10;
      await settle(el, events, 2);
      expect(el.status).to.equal('ready');
      expect(text(el, '[part=readout]')).to.match(/^Position \(1, 2\), index 10/);
    });
  });
});
