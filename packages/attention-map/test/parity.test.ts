import { expect } from '@open-wc/testing';
import {
  acquireSession,
  loadPixels,
  resizeToFloat,
  type FigureErrorEvent,
} from '@model-walkthroughs/core';
import { scenes, slices, type TinyScenesManifest } from '@model-walkthroughs/slices-vit';
import '../src/define.js';
import { drawHeat } from '../src/heat-overlay.js';
import { attentionMatrix, objectShare, rolloutOf, row } from '../src/rollout.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';
import {
  attentionRow,
  cells,
  directRun,
  maxAbsDiff,
  mount,
  root,
  settle,
  sum,
  text,
  tinyScenesManifest,
} from './helpers.js';

let manifest: TinyScenesManifest;
before(async () => {
  manifest = await tinyScenesManifest();
});

/** The figure's numbers against PyTorch's, a direct run of the slice and the pure functions. */
describe('attention-map', () => {
  expectNothingEscapes();

  it('is accessible in rollout mode with a patch as the query', async () => {
    const { el } = await mount({ mode: 'rollout', query: '27' });
    expect(el.status).to.equal('ready');
    await expect(el).to.be.accessible();
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
});
