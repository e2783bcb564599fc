import { expect, fixture, html, waitUntil } from '@open-wc/testing';
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
import { samplePhotos } from '@model-walkthroughs/samples';
import {
  loadManifest,
  scenes,
  slices,
  type TinyScenesManifest,
} from '@model-walkthroughs/slices-vit';
import '../src/define.js';
import type { AttentionMap } from '../src/attention-map.js';
import { drawHeat } from '../src/heat-overlay.js';
import { attentionMatrix, objectShare, rolloutOf, row } from '../src/rollout.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';

interface Attrs {
  layer?: string;
  head?: string;
  query?: string;
  mode?: string;
  scene?: string;
  image?: string;
  backend?: string;
}

async function mount(attrs: Attrs = {}, timeout = 55_000) {
  const events: Event[] = [];
  const log = (e: Event) => events.push(e);
  const el = await fixture<AttentionMap>(html`
    <attention-map
      loading="eager"
      backend=${attrs.backend ?? 'wasm'}
      layer=${ifDefined(attrs.layer)}
      head=${ifDefined(attrs.head)}
      query=${ifDefined(attrs.query)}
      mode=${ifDefined(attrs.mode)}
      scene=${ifDefined(attrs.scene)}
      image=${ifDefined(attrs.image)}
      @ready=${log}
      @error=${log}
      @change=${log}
      style="width: 800px"
    ></attention-map>
  `);
  await settle(el, events, 0, timeout);
  return { el, events };
}

async function settle(el: AttentionMap, events: Event[], after = 0, timeout = 55_000) {
  await waitUntil(
    () => events.slice(after).some((e) => e.type === 'ready' || e.type === 'error'),
    `<attention-map> did not settle; status ${el.status}`,
    { timeout, interval: 20 },
  );
  await el.updateComplete;
}

const root = (el: AttentionMap) => el.shadowRoot!;
const text = (el: AttentionMap, selector: string) =>
  root(el).querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim();
const cells = (el: AttentionMap) => [...root(el).querySelectorAll<HTMLElement>('[role=gridcell]')];
const radio = (el: AttentionMap, group: string, value: string) =>
  root(el).querySelector<HTMLInputElement>(`input[name=${group}][value="${value}"]`)!;

let manifest: TinyScenesManifest;
before(async () => {
  manifest = await loadManifest('vit-tiny-scenes');
});

/** A direct run of the slice on a scene, outside the figure. */
async function directRun(url: string) {
  const handle = await acquireSession(slices['vit-tiny-scenes'].model, 'wasm');
  try {
    const { size, mean, std } = manifest.preprocessing;
    const image = imageToTensor(await loadPixels(url), size, mean, std);
    const { outputs, ms } = await handle.run({ image }, ['logits', 'attention']);
    return { attention: outputs['attention']!, logits: outputs['logits']!, ms, image };
  } finally {
    handle.release();
  }
}

/** attention[0, l, h, q, :] of a [1, L, H, N, N] tensor, 0-based. */
function attentionRow(t: PlainTensor, l: number, h: number, q: number) {
  const [, , heads, n] = t.dims as [number, number, number, number];
  const start = ((l * heads + h) * n + q) * n;
  return t.data.subarray(start, start + n);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>) {
  expect(a.length).to.equal(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

async function withControl(key: string) {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe('attention-map', () => {
  expectNothingEscapes();

  it('is accessible once ready', async () => {
    const { el } = await mount();
    expect(el.status).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('is accessible in rollout mode with a patch as the query', async () => {
    const { el } = await mount({ mode: 'rollout', query: '27' });
    expect(el.status).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('renders controls from the manifest, the scenes, the grid and the footnote', async () => {
    const { el, events } = await mount();
    expect(events.map((e) => e.type)).to.deep.equal(['ready']);
    const { depth, heads, grid } = manifest.architecture;
    expect(root(el).querySelectorAll('input[name=layer]')).to.have.length(depth);
    expect(root(el).querySelectorAll('input[name=head]')).to.have.length(heads + 1);
    expect(radio(el, 'layer', String(depth)).checked, 'last layer by default').to.equal(true);
    expect(radio(el, 'head', 'mean').checked).to.equal(true);
    expect(root(el).querySelectorAll('[role=row]')).to.have.length(grid);
    expect(cells(el)).to.have.length(grid * grid);
    const thumbs = [...root(el).querySelectorAll<HTMLImageElement>('[part=scenes] img')];
    expect(thumbs).to.have.length(scenes.length);
    await waitUntil(() => thumbs.every((t) => t.complete), 'thumbnails load');
    expect(thumbs.map((t) => t.naturalWidth)).to.deep.equal(scenes.map(() => 64));
    const pressed = root(el).querySelectorAll('[part=scenes] [aria-pressed=true]');
    expect(pressed).to.have.length(1);
    expect(pressed[0]!.querySelector('img')!.alt).to.equal(`Scene 1: ${scenes[0]!.label}`);
    expect(text(el, '[part=footnote]')).to.contain(manifest.weights.note);

    const canvas = root(el).querySelector<HTMLCanvasElement>('[part=canvas]')!;
    expect([canvas.width, canvas.height]).to.deep.equal([64, 64]);
  });

  it("matches PyTorch on every shipped scene: probabilities and [CLS]'s attention", async () => {
    const { el, events } = await mount();
    const tol = manifest.sceneTolerance;
    for (let k = 0; k < scenes.length; k++) {
      if (k > 0) {
        const before = events.length;
        el.scene = k;
        await settle(el, events, before);
      }
      el.mode = 'layer';
      await el.updateComplete;
      const want = manifest.scenes.find((s) => s.name === scenes[k]!.name)!;
      const got = el.outputs!.probabilities;
      expect(maxAbsDiff(got, want.probabilities), `scene ${k}`).to.be.at.most(
        tol.probabilities.atol,
      );
      expect(text(el, '.prediction')).to.contain(`Predicted: ${want.predicted}`);

      // Default view: last layer, mean of heads, [CLS] as the query.
      const patches = el.weights!.subarray(1);
      expect(maxAbsDiff(patches, want.clsAttentionLastLayerMeanHeads)).to.be.at.most(
        tol.attention.atol,
      );
      el.mode = 'rollout';
      await el.updateComplete;
      expect(maxAbsDiff(el.weights!.subarray(1), want.clsAttentionRollout)).to.be.at.most(
        tol.attention.atol,
      );
    }
  });

  it('shows weights equal to attention[0, l, h, q, :] of a direct run, rows summing to 1', async () => {
    const { el } = await mount({ scene: '2' });
    const direct = await directRun(scenes[2]!.url);
    const { depth, heads } = manifest.architecture;

    // Every row the model returned is a softmax row.
    const n = direct.attention.dims[3]!;
    for (let r = 0; r < direct.attention.data.length / n; r++) {
      const s = sum(direct.attention.data.subarray(r * n, (r + 1) * n));
      expect(Math.abs(s - 1), `row ${r}`).to.be.below(1e-5);
    }

    for (let l = 1; l <= depth; l++) {
      for (let h = 1; h <= heads; h++) {
        for (const q of ['cls', 0, 27, 63] as const) {
          el.layer = l;
          el.head = h;
          el.query = q;
          await el.updateComplete;
          const want = attentionRow(direct.attention, l - 1, h - 1, q === 'cls' ? 0 : 1 + q);
          const shown = el.weights!;
          expect(maxAbsDiff(shown, want), `layer ${l} head ${h} query ${q}`).to.be.below(1e-6);
          expect(Math.abs(sum(shown) - 1)).to.be.below(1e-5);
        }
      }
    }

    // The numbers the grid announces are the same weights, rounded.
    el.layer = 2;
    el.head = 3;
    el.query = 27;
    await el.updateComplete;
    const want = attentionRow(direct.attention, 1, 2, 28);
    const labels = cells(el).map((c) => Number(c.getAttribute('aria-label')!.split(': ')[1]));
    expect(maxAbsDiff(labels, want.subarray(1))).to.be.at.most(0.0005 + 1e-9);
    expect(Number(text(el, '#cls-weight'))).to.be.closeTo(want[0]!, 0.0005 + 1e-9);
    expect(Number(text(el, '#max'))).to.be.closeTo(Math.max(...want.subarray(1)), 0.0005 + 1e-9);
    expect(cells(el)[27]!.getAttribute('aria-selected')).to.equal('true');

    // And the canvas is drawn from them: same pixels as drawing the direct row.
    const shown = root(el).querySelector<HTMLCanvasElement>('[part=canvas]')!;
    const fresh = document.createElement('canvas');
    const patches = want.subarray(1);
    drawHeat(fresh, {
      rgb: resizeToFloat(await loadPixels(scenes[2]!.url), 64, 64),
      size: 64,
      grid: 8,
      weights: patches,
      max: Math.max(...patches),
      opacity: 0.65,
    });
    const pixels = (c: HTMLCanvasElement) =>
      c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    expect(maxAbsDiff(pixels(shown), pixels(fresh))).to.be.at.most(1);
  });

  it('shows the mean of heads and rollout as the pure functions compute them', async () => {
    const { el } = await mount({ scene: '1' });
    const direct = await directRun(scenes[1]!.url);
    const { depth } = manifest.architecture;
    const rolled = rolloutOf(direct.attention);
    const n = direct.attention.dims[3]!;

    for (let l = 1; l <= depth; l++) {
      for (const q of ['cls', 9] as const) {
        const i = q === 'cls' ? 0 : 1 + q;
        el.layer = l;
        el.query = q;
        el.head = 'mean';
        el.mode = 'layer';
        await el.updateComplete;
        const mean = row(attentionMatrix(direct.attention, l - 1, 'mean'), n, i);
        expect(maxAbsDiff(el.weights!, mean), `mean, layer ${l}`).to.be.below(1e-6);

        el.mode = 'rollout';
        await el.updateComplete;
        expect(maxAbsDiff(el.weights!, row(rolled[l - 1]!, n, i)), `rollout ${l}`).to.be.below(
          1e-6,
        );
        expect(Math.abs(sum(el.weights!) - 1)).to.be.below(1e-9);
      }
    }
    expect(text(el, '.query')).to.contain('rollout up to layer');
    expect(root(el).querySelector<HTMLFieldSetElement>('fieldset.head')!.disabled).to.equal(true);
  });

  it("shows [CLS]'s share of attention on the object against the object's area", async () => {
    const { el } = await mount({ scene: '0' });
    const facts = manifest.scenes.find((s) => s.name === scenes[0]!.name)!;
    const share = objectShare(el.weights!, facts.objectPatches);
    const line = text(el, '.share');
    expect(line).to.contain(`${(share.mass * 100).toFixed(1)}%`);
    expect(line).to.contain(`${((facts.objectPatches.length / 64) * 100).toFixed(1)}%`);

    // Follows the view: rollout changes the mass, never the area.
    el.mode = 'rollout';
    await el.updateComplete;
    const rolled = objectShare(el.weights!, facts.objectPatches);
    expect(text(el, '.share')).to.contain(`${(rolled.mass * 100).toFixed(1)}%`);
  });

  it('never runs the model again for layer, head, query or mode; does for a scene', async () => {
    const { el, events } = await mount();
    const runs = el.timings.inference.length;
    expect(runs).to.equal(1);

    for (const [key, value] of [
      ['head', 2],
      ['layer', 1],
      ['query', 40],
      ['mode', 'rollout'],
      ['head', 'mean'],
    ] as const) {
      (el as unknown as Record<string, unknown>)[key] = value;
      await el.updateComplete;
    }
    expect(el.timings.inference.length).to.equal(runs);
    expect(el.status).to.equal('ready');

    const before = events.length;
    el.scene = scenes[3]!.name;
    await settle(el, events, before);
    expect(el.timings.inference.length).to.equal(runs + 1);
  });

  it('runs one forward pass in at most 30 ms (median of 20, WASM)', async () => {
    const handle = await acquireSession(slices['vit-tiny-scenes'].model, 'wasm');
    try {
      const { image } = await directRun(scenes[0]!.url);
      const times: number[] = [];
      for (let i = 0; i < 21; i++) {
        const { ms } = await handle.run({ image }, ['logits', 'attention']);
        if (i > 0) times.push(ms);
      }
      times.sort((a, b) => a - b);
      const p50 = times[10]!;
      console.log(`vit-tiny-scenes forward pass, WASM: p50 ${p50.toFixed(2)} ms`);
      expect(p50).to.be.at.most(30);
    } finally {
      handle.release();
    }
  });

  describe('keyboard', () => {
    it('changes layer, head and mode with the arrow keys in their radio groups', async () => {
      const { el, events } = await mount();
      const runs = el.timings.inference.length;
      const { depth } = manifest.architecture;

      radio(el, 'layer', String(depth)).focus();
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(el.layer).to.equal(depth - 1);
      expect(el.getAttribute('layer')).to.equal(String(depth - 1));

      radio(el, 'head', 'mean').focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.head).to.equal(1);

      radio(el, 'mode', 'layer').focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.mode).to.equal('rollout');

      const changes = events.filter((e) => e.type === 'change');
      expect(changes).to.have.length(3);
      expect(changes.every((e) => e.bubbles && e.composed)).to.equal(true);
      expect(el.timings.inference.length).to.equal(runs);
    });

    it('moves over the patch grid with arrows, Home and End; Enter picks the query', async () => {
      const { el, events } = await mount();
      const active = () => root(el).activeElement!.id;
      cells(el)[0]!.focus();

      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(active()).to.equal('p10');
      expect(el.query, 'moving alone does not pick').to.equal('cls');

      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.query).to.equal(10);
      expect(el.getAttribute('query')).to.equal('10');
      expect(cells(el)[10]!.getAttribute('aria-selected')).to.equal('true');
      expect(text(el, '.query')).to.contain('patch row 2, column 3');

      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(active()).to.equal('p15');
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(active(), 'stops at the edge').to.equal('p15');
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(active()).to.equal('p8');
      await withControl('End');
      await el.updateComplete;
      expect(active()).to.equal('p63');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.query).to.equal(63);
      await withControl('Home');
      await el.updateComplete;
      expect(active()).to.equal('p0');

      // One tab stop for the whole grid.
      expect(root(el).querySelectorAll('[role=gridcell][tabindex="0"]')).to.have.length(1);
      expect(events.filter((e) => e.type === 'change')).to.have.length(2);
    });

    it('makes [CLS] the query with its button', async () => {
      const { el } = await mount({ query: '5' });
      const button = root(el).querySelector<HTMLButtonElement>('[part=cls]')!;
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.query).to.equal('cls');
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(text(el, '.query')).to.contain('Query [CLS]');
    });

    it('chooses a scene from the thumbnails and runs it', async () => {
      const { el, events } = await mount();
      const buttons = root(el).querySelectorAll<HTMLButtonElement>('[part=scenes] button');
      const before = events.length;
      buttons[4]!.focus();
      await sendKeys({ press: 'Enter' });
      await settle(el, events, before);
      expect(events.slice(before).map((e) => e.type)).to.deep.equal(['change', 'ready']);
      expect(el.scene).to.equal(4);
      expect(buttons[4]!.getAttribute('aria-pressed')).to.equal('true');
      expect(el.outputs!.scene).to.equal(4);
    });
  });

  describe('your image', () => {
    it('runs on an image URL, without the object share', async () => {
      const { el } = await mount({ image: samplePhotos.chelsea.url });
      expect(el.status).to.equal('ready');
      expect(el.outputs!.scene).to.equal(undefined);
      expect(root(el).querySelector('.share')).to.equal(null);
      expect(root(el).querySelectorAll('[part=scenes] [aria-pressed=true]')).to.have.length(0);
      expect(Math.abs(sum(el.weights!) - 1)).to.be.below(1e-5);
      await expect(el).to.be.accessible();
    });

    it('runs on a picked file, resized to 64 × 64', async () => {
      const { el, events } = await mount();
      const blob = await (await fetch(scenes[5]!.url)).blob();
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'mine.png', { type: 'image/png' }));
      const input = root(el).querySelector<HTMLInputElement>('input[type=file]')!;
      input.files = transfer.files;
      const before = events.length;
      input.dispatchEvent(new Event('change'));
      await settle(el, events, before);

      // The same pixels as scene 6, so the same probabilities; but as a
      // file it is the reader's image, with no object patches to count.
      const want = manifest.scenes.find((s) => s.name === scenes[5]!.name)!;
      expect(maxAbsDiff(el.outputs!.probabilities, want.probabilities)).to.be.at.most(
        manifest.sceneTolerance.probabilities.atol,
      );
      expect(el.outputs!.scene).to.equal(undefined);
      expect(root(el).querySelector('.share')).to.equal(null);
    });
  });

  it('runs on WebGPU with the same numbers', async function () {
    this.timeout(120_000);
    const { el, events } = await mount({ backend: 'webgpu', scene: '0' }, 110_000);
    const failed = events.find((e) => e.type === 'error') as FigureErrorEvent | undefined;
    expect(failed?.message, 'error on WebGPU').to.equal(undefined);
    const ready = events.find((e) => e.type === 'ready') as Event & { backend?: string };
    expect(ready.backend).to.equal('webgpu');
    const want = manifest.scenes.find((s) => s.name === scenes[0]!.name)!;
    expect(maxAbsDiff(el.outputs!.probabilities, want.probabilities)).to.be.below(1e-3);
    expect(Math.abs(sum(el.weights!) - 1)).to.be.below(1e-4);
  });

  describe('errors', () => {
    const cases: [string, Attrs, RegExp][] = [
      ['mode', { mode: 'bogus' }, /mode="bogus" is not one of "layer", "rollout"\./],
      ['layer 0', { layer: '0' }, /layer="0" is not one of "1", "2", "3", "4"\./],
      ['layer abc', { layer: 'abc' }, /layer="abc" is not a layer number/],
      ['head 5', { head: '5' }, /head="5" is not one of "mean", "1", "2", "3", "4"\./],
      ['query 64', { query: '64' }, /query="64" is not "cls" or a patch index 0–63\./],
      ['query x', { query: 'x' }, /query="x" is not "cls" or a patch index/],
      ['scene 8', { scene: '8' }, /scene="8" is not an index 0–7 or one of/],
      ['scene name', { scene: 'nope' }, /scene="nope" is not an index/],
    ];
    for (const [what, attrs, message] of cases) {
      it(`reports a bad ${what} as bad-attribute`, async () => {
        const { el, events } = await mount(attrs);
        expect(el.status).to.equal('error');
        const error = events.find((e) => e.type === 'error') as FigureErrorEvent;
        expect(error.code).to.equal('bad-attribute');
        expect(text(el, '[part=alert]')).to.match(message);
      });
    }

    it('reports a bad head set after the run, and recovers from it', async () => {
      const { el, events } = await mount();
      let before = events.length;
      el.head = 9;
      await settle(el, events, before);
      const error = events.at(-1) as FigureErrorEvent;
      expect(error.type).to.equal('error');
      expect(error.message).to.match(/head="9"/);

      before = events.length;
      el.head = 2;
      await settle(el, events, before);
      expect(el.status).to.equal('ready');
      expect(cells(el)).to.have.length(64);
    });

    it('reports an image that is not an image, and keeps the scenes to go back to', async () => {
      const notAnImage = new URL('../package.json', import.meta.url).href;
      const { el, events } = await mount({ image: notAnImage });
      expect((events.at(-1) as FigureErrorEvent).code).to.equal('image-decode');
      const before = events.length;
      root(el).querySelector<HTMLButtonElement>('[part=scenes] button')!.click();
      await settle(el, events, before);
      expect(el.status).to.equal('ready');
    });
  });
});
