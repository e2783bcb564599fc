import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FigureErrorEvent } from '@model-walkthroughs/core';
import { samplePhotos } from '@model-walkthroughs/samples';
import { scenes, type TinyScenesManifest } from '@model-walkthroughs/slices-vit';
import '../src/define.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';
import {
  cells,
  maxAbsDiff,
  mount,
  radio,
  root,
  settle,
  sum,
  text,
  tinyScenesManifest,
  withControl,
  type Attrs,
} from './helpers.js';

let manifest: TinyScenesManifest;
before(async () => {
  manifest = await tinyScenesManifest();
});

describe('attention-map', () => {
  expectNothingEscapes();

  it('is accessible once ready', async () => {
    const { el } = await mount();
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
