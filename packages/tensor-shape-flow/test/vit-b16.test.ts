import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { TensorShapeFlow } from '../src/tensor-shape-flow.js';
import { analysePreset, registerPreset } from '../src/preset.js';
import { vitB16 } from '../src/presets/vit-b16.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';
import { SLICES, failWith, part, settle, stage, vitAddsOnly } from './helpers.js';

/**
 * torchvision's vit_b_16, counted from `named_parameters()`: conv_proj
 * weight and bias, class_token, encoder.pos_embedding, per layer ln_1,
 * in_proj (Q, K, V), out_proj, ln_2, mlp.0 and mlp.3, then encoder.ln and
 * heads.head.
 */
const VIT_LAYER =
  2 * 768 +
  (2304 * 768 + 2304) +
  (768 * 768 + 768) +
  2 * 768 +
  (3072 * 768 + 3072) +
  (768 * 3072 + 768);
const VIT_PARAMS: Record<string, number> = {
  patch: 768 * 3 * 16 * 16 + 768,
  flatten: 0,
  cls: 768,
  pos: 197 * 768,
  encoder: 12 * VIT_LAYER,
  norm: 2 * 768,
  'take-cls': 0,
  head: 1000 * 768 + 1000,
};

/** Sec. 3.1 of the ViT paper: the shape after every step, image to logits. */
const VIT_SHAPES: Record<string, string> = {
  input: '224×224×3',
  patch: '14×14×768',
  flatten: '196×768',
  cls: '197×768',
  pos: '197×768',
  encoder: '197×768',
  norm: '197×768',
  'take-cls': '768',
  head: '1000',
};

describe('<tensor-shape-flow>', () => {
  before(() => {
    registerPreset(vitAddsOnly);
  });

  expectNothingEscapes();

  describe('the ViT-B/16 preset', () => {
    it('is accessible once ready', async () => {
      const el = await fixture<TensorShapeFlow>(
        html`<tensor-shape-flow
          loading="eager"
          backend="wasm"
          preset="vit-b16"
        ></tensor-shape-flow>`,
      );
      await settle(el);
      expect(el.status).to.equal('ready');
      await expect(el).to.be.accessible();
    });

    it("counts torchvision's 86,567,656 parameters, stage by stage", () => {
      const analysis = analysePreset(vitB16);
      expect(VIT_LAYER).to.equal(7_087_872);
      expect(Object.fromEntries(analysis.map((a) => [a.id, a.params]))).to.deep.equal(VIT_PARAMS);
      expect(analysis.reduce((s, a) => s + a.params, 0)).to.equal(86_567_656);
      expect(analysis.find((a) => a.id === 'encoder')!.firstRepeatParams).to.equal(VIT_LAYER);
    });

    it('infers and draws the token shapes on every edge', async () => {
      for (const a of analysePreset(vitB16)) {
        expect(a.output.join('×'), a.id).to.equal(VIT_SHAPES[a.id]);
      }
      const el = await fixture<TensorShapeFlow>(
        html`<tensor-shape-flow loading="lazy" preset="vit-b16"></tensor-shape-flow>`,
      );
      expect(part(el, 'title')[0]!.textContent).to.equal('Tensor shapes through ViT-B/16');
      expect(part(el, 'edge-label').map((e) => e.textContent!.trim())).to.deep.equal(
        Object.values(VIT_SHAPES),
      );
      const summary = el.shadowRoot!.querySelector('.summary')!.textContent!.replace(/\s+/g, ' ');
      expect(summary).to.contain('224×224×3 image → 1000 outputs · 86,567,656 parameters');
      const ops = (id: string) => stage(el, id).querySelector('.ops')?.textContent!.trim();
      expect(ops('patch')).to.equal('16×16 conv, 768, stride 16');
      expect(ops('cls')).to.equal('prepend [CLS]');
      expect(ops('encoder')).to.equal(
        'LayerNorm · self-attention, 12 heads of 64 · LayerNorm · MLP 768→3072→768, GELU',
      );
    });

    it('draws one identity arc around attention and one around the MLP', async () => {
      const el = await fixture<TensorShapeFlow>(
        html`<tensor-shape-flow loading="lazy" preset="vit-b16"></tensor-shape-flow>`,
      );
      const encoder = stage(el, 'encoder');
      const labels = [...encoder.querySelectorAll('.skip-labels span')];
      expect(labels.map((s) => s.textContent!.trim())).to.deep.equal([
        'MSA(LN(z)) + z',
        'MLP(LN(z′)) + z′',
      ]);
      const paths = [...encoder.querySelectorAll<SVGPathElement>('svg path')];
      expect(paths.map((p) => p.getAttribute('class'))).to.deep.equal(['identity', 'identity']);
      // Stacked, not nested: the second arc starts below the first one ends.
      const ys = paths.map((p) =>
        p
          .getAttribute('d')!
          .match(/[\d.]+/g)!
          .map(Number),
      );
      expect(ys[1]![1]!).to.be.above(ys[0]![7]!);
      expect(encoder.querySelector('.repeat')!.textContent!.trim()).to.equal('×12 encoder layers');
      for (const id of ['patch', 'flatten', 'cls', 'pos', 'norm', 'take-cls', 'head']) {
        expect(stage(el, id).querySelector('.skips'), id).to.equal(null);
      }

      // A preset that gives only the count still gets one summary arc.
      const plain = await fixture<TensorShapeFlow>(
        html`<tensor-shape-flow loading="lazy" preset="test-vit-adds"></tensor-shape-flow>`,
      );
      const arcs = [...stage(plain, 'encoder').querySelectorAll('.skip-labels span')];
      expect(arcs.map((s) => s.textContent!.trim())).to.deep.equal(['×24 identity']);
    });

    it('explains the encoder by keyboard: operators, shortcuts, parameters', async () => {
      const el = await fixture<TensorShapeFlow>(
        html`<tensor-shape-flow loading="lazy" preset="vit-b16"></tensor-shape-flow>`,
      );
      const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['stage'];
      stage(el, 'patch').focus();
      for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowDown' });
      expect(focused()).to.equal('encoder');
      const change = oneEvent(el, 'change');
      await sendKeys({ press: 'Enter' });
      await change;
      expect(el.selected).to.equal('encoder');

      const details = part(el, 'details')[0]!.textContent!.replace(/\s+/g, ' ');
      expect(details).to.contain('encoder · 12 encoder layers');
      expect(details).to.contain(
        '[LayerNorm · self-attention, 12 heads of 64 · LayerNorm · MLP 768→3072→768, GELU] × 12',
      );
      expect(details).to.contain(
        'identity around each sub-block in each of the 12 encoder layers: ' +
          'MSA(LN(z)) + z, MLP(LN(z′)) + z′',
      );
      expect(details).to.contain('85,054,464 (98% of 86,567,656)');
      expect(details).to.contain('from the paper (Dosovitskiy et al. 2021');

      await sendKeys({ press: 'End' });
      expect(focused()).to.equal('head');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const head = part(el, 'details')[0]!.textContent!.replace(/\s+/g, ' ');
      expect(head).to.contain('769,000 (0.89% of 86,567,656)');
      expect(head).to.contain('fc 1000');
    });

    it('measures the photo and says plainly that no slice runs', async () => {
      const el = await fixture<TensorShapeFlow>(
        html`<tensor-shape-flow
          loading="eager"
          backend="wasm"
          preset="vit-b16"
        ></tensor-shape-flow>`,
      );
      await settle(el);
      expect(el.status).to.equal('ready');
      expect(stage(el, 'input').className).to.equal('measured');
      for (const id of Object.keys(VIT_PARAMS)) {
        expect(stage(el, id).querySelector('.badge')!.textContent!.trim(), id).to.equal(
          'from the paper',
        );
      }
      const footnote = part(el, 'footnote')[0]!.textContent!;
      expect(footnote).to.contain('No slice runs in this preset');
      expect(footnote).to.not.contain('Ran on');
    });

    it('refuses a src, which it would never run, as a bad attribute', async () => {
      const el = await failWith(
        { preset: 'vit-b16', src: `${SLICES}/resnet50-stem.onnx` },
        'bad-attribute',
      );
      expect(part(el, 'alert')[0]!.textContent).to.contain('that preset runs no slices');
    });
  });
});
