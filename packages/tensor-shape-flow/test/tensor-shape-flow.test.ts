import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { TensorShapeFlow } from '../src/tensor-shape-flow.js';
import { analysePreset, presets, registerPreset } from '../src/preset.js';
import { resnet50 } from '../src/presets/resnet50.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';
import { SLICES, failWith, part, settle, stage, tiny, vitAddsOnly, wrongStem } from './helpers.js';

/** He et al. 2016, Table 1: the output size after every stage, H×W×C. */
const TABLE_1: Record<string, string> = {
  input: '224×224×3',
  conv1: '112×112×64',
  pool1: '56×56×64',
  conv2_x: '56×56×256',
  conv3_x: '28×28×512',
  conv4_x: '14×14×1024',
  conv5_x: '7×7×2048',
  avgpool: '1×1×2048',
  fc: '1000',
  softmax: '1000',
};

/** Hand-counted: conv weights, BatchNorm γ and β, fc weight and bias. */
const STAGE_PARAMS: Record<string, number> = {
  conv1: 7 * 7 * 3 * 64 + 2 * 64,
  pool1: 0,
  conv2_x: 215_808,
  conv3_x: 1_219_584,
  conv4_x: 7_098_368,
  conv5_x: 14_964_736,
  avgpool: 0,
  fc: 2048 * 1000 + 1000,
  softmax: 0,
};

describe('<tensor-shape-flow>', () => {
  before(() => {
    registerPreset(tiny);
    registerPreset(vitAddsOnly);
    registerPreset(wrongStem);
  });

  expectNothingEscapes();

  it('is accessible once ready', async () => {
    const el = await fixture<TensorShapeFlow>(
      html`<tensor-shape-flow loading="eager" backend="wasm"></tensor-shape-flow>`,
    );
    await settle(el);
    expect(el.status).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('counts 25,557,032 parameters in the ResNet-50 preset, stage by stage', () => {
    const analysis = analysePreset(resnet50);
    const total = analysis.reduce((s, a) => s + a.params, 0);
    expect(total).to.equal(25_557_032);
    expect(Object.fromEntries(analysis.map((a) => [a.id, a.params]))).to.deep.equal(STAGE_PARAMS);
  });

  it('agrees with the slice manifests on block parameters', async () => {
    const trainable = async (name: string) =>
      ((await (await fetch(`${SLICES}/${name}.json`)).json()) as { trainableParameters: number })
        .trainableParameters;
    const [conv1, , conv2] = analysePreset(resnet50);
    expect(conv1!.params).to.equal(await trainable('resnet50-stem'));
    expect(conv2!.firstRepeatParams).to.equal(await trainable('bottleneck-projection'));
    expect((conv2!.params - conv2!.firstRepeatParams) / 2).to.equal(
      await trainable('bottleneck-identity'),
    );
  });

  it('infers and draws Table 1 shapes on every edge', async () => {
    for (const a of analysePreset(resnet50)) {
      expect(a.output.join('×'), a.id).to.equal(TABLE_1[a.id]);
    }
    const el = await fixture<TensorShapeFlow>(
      html`<tensor-shape-flow loading="lazy"></tensor-shape-flow>`,
    );
    const labels = part(el, 'edge-label').map((e) => e.textContent!.trim());
    expect(labels).to.deep.equal(Object.values(TABLE_1));
    expect(part(el, 'stage').map((s) => s.dataset['stage'])).to.deep.equal(Object.keys(TABLE_1));
  });

  it('draws a projection and an identity arc beside every conv stage', async () => {
    const el = await fixture<TensorShapeFlow>(
      html`<tensor-shape-flow loading="lazy"></tensor-shape-flow>`,
    );
    const arcs = (id: string) =>
      [...stage(el, id).querySelectorAll('.skip-labels span')].map((s) => s.textContent!.trim());
    expect(arcs('conv2_x')).to.deep.equal(['1×1 proj → 56×56×256', '×2 identity']);
    expect(arcs('conv3_x')).to.deep.equal(['1×1 proj, stride 2 → 28×28×512', '×3 identity']);
    expect(arcs('conv4_x')).to.deep.equal(['1×1 proj, stride 2 → 14×14×1024', '×5 identity']);
    expect(arcs('conv5_x')).to.deep.equal(['1×1 proj, stride 2 → 7×7×2048', '×2 identity']);
    expect(stage(el, 'conv3_x').querySelectorAll('svg path')).to.have.length(2);
    expect(stage(el, 'fc').querySelector('.skips')).to.equal(null);
  });

  it('measures stem, pool and conv2_x shapes that equal the preset', async () => {
    const el = await fixture<TensorShapeFlow>(
      html`<tensor-shape-flow loading="eager" backend="wasm"></tensor-shape-flow>`,
    );
    await settle(el);
    expect(el.status).to.equal('ready');

    for (const id of ['input', 'conv1', 'pool1', 'conv2_x']) {
      expect(stage(el, id).className, id).to.equal('measured');
      expect(stage(el, id).querySelector('.badge')!.textContent!.trim()).to.equal('measured');
      expect(stage(el, id).querySelector('canvas'), `${id} thumbnail`).to.not.equal(null);
    }
    for (const id of ['conv3_x', 'conv4_x', 'conv5_x', 'avgpool', 'fc', 'softmax']) {
      expect(stage(el, id).querySelector('.badge')!.textContent!.trim()).to.equal('from the paper');
    }
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);

    // The details read the runtime's dims, NCHW.
    const runtimeDims: Record<string, string> = {
      conv1: '[1, 64, 112, 112]',
      pool1: '[1, 64, 56, 56]',
      conv2_x: '[1, 256, 56, 56]',
    };
    for (const [id, dims] of Object.entries(runtimeDims)) {
      el.selected = id;
      await el.updateComplete;
      expect(part(el, 'details')[0]!.textContent).to.contain(dims);
    }
    expect(stage(el, 'conv2_x').querySelector('canvas')!.width).to.equal(56);
    expect(part(el, 'footnote')[0]!.textContent).to.contain('random');
  });

  it('moves with the arrow keys and selects with Enter', async () => {
    const el = await fixture<TensorShapeFlow>(
      html`<tensor-shape-flow loading="lazy"></tensor-shape-flow>`,
    );
    const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['stage'];
    const tabStops = () => part(el, 'stage').filter((s) => s.tabIndex === 0);

    expect(tabStops().map((s) => s.dataset['stage'])).to.deep.equal(['conv1']);
    stage(el, 'conv1').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal('conv2_x');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()).to.equal('pool1');
    expect(tabStops()).to.have.length(1);
    expect(el.selected).to.equal('');

    const change = oneEvent(el, 'change');
    await sendKeys({ press: 'Enter' });
    await change;
    expect(el.selected).to.equal('pool1');
    expect(stage(el, 'pool1').getAttribute('aria-selected')).to.equal('true');
    expect(part(el, 'details')[0]!.querySelector('h4')!.textContent!.trim()).to.equal('max pool');

    await sendKeys({ press: 'End' });
    expect(focused()).to.equal('softmax');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal('softmax');
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal('input');
    await sendKeys({ press: ' ' });
    expect(el.selected).to.equal('input');

    stage(el, 'conv4_x').click();
    await el.updateComplete;
    const details = part(el, 'details')[0]!.textContent!.replace(/\s+/g, ' ');
    const ops = '[1×1 conv, 256 · 3×3 conv, 256, stride 2 · 1×1 conv, 1024] × 6';
    expect(details).to.contain(ops);
    expect(details).to.contain('7,098,368');
    expect(details).to.contain('14×14×1024');
    expect(details).to.contain('from the paper');
  });

  it('reports a preset that is not registered as a bad attribute', async () => {
    const el = await failWith({ preset: 'vgg16' }, 'bad-attribute');
    expect(part(el, 'alert')[0]!.textContent!.trim()).to.match(
      /^preset="vgg16" is not one of "resnet50", "vit-b16", /,
    );
  });

  it('renders a registered custom preset', async () => {
    const el = await fixture<TensorShapeFlow>(
      html`<tensor-shape-flow
        loading="eager"
        backend="wasm"
        preset="test-tiny"
      ></tensor-shape-flow>`,
    );
    await settle(el);
    expect(el.status).to.equal('ready');
    expect(part(el, 'title')[0]!.textContent).to.equal('Tensor shapes through TinyNet');
    expect(part(el, 'edge-label').map((e) => e.textContent!.trim())).to.deep.equal([
      '32×32×3',
      '16×16×8',
      '10',
    ]);
    expect(analysePreset(tiny).map((a) => a.params)).to.deep.equal([3 * 3 * 3 * 8 + 16, 90]);
  });

  it('re-runs when the preset changes', async () => {
    const el = await fixture<TensorShapeFlow>(
      html`<tensor-shape-flow
        loading="eager"
        backend="wasm"
        preset="test-tiny"
      ></tensor-shape-flow>`,
    );
    await settle(el);
    const ready = oneEvent(el, 'ready');
    el.preset = 'resnet50';
    await ready;
    expect(stage(el, 'conv2_x').className).to.equal('measured');
  });

  it('shows a measured shape that contradicts the preset as an error', async () => {
    const el = await fixture<TensorShapeFlow>(
      html`<tensor-shape-flow
        loading="eager"
        backend="wasm"
        preset="test-wrong-stem"
      ></tensor-shape-flow>`,
    );
    await settle(el);
    expect(stage(el, 'conv1').className).to.equal('mismatch');
    expect(stage(el, 'conv1').querySelector('.badge')!.textContent!.trim()).to.equal(
      'measured 112×112×64',
    );
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('conv1');
    expect(stage(el, 'pool1').className).to.equal('measured');
  });

  it('runs your own export in place of the stem slice', async () => {
    const src = `${SLICES}/resnet50-stem.onnx`;
    const el = await fixture<TensorShapeFlow>(
      html`<tensor-shape-flow loading="eager" backend="wasm" src=${src}></tensor-shape-flow>`,
    );
    await settle(el);
    expect(el.status).to.equal('ready');
    expect(part(el, 'footnote')[0]!.textContent).to.contain(`Your model at ${src}.`);
    expect(stage(el, 'pool1').className).to.equal('measured');
    expect(stage(el, 'conv2_x').className).to.equal('');
  });

  it('says when src is missing', async () => {
    await failWith({ src: '/nope.onnx' }, 'model-not-found');
  });

  it('says when src is not an ONNX model', async () => {
    await failWith({ src: '/packages/tensor-shape-flow/package.json' }, 'model-invalid');
  });

  it('says when src has the wrong inputs', async () => {
    const el = await failWith({ src: `${SLICES}/bottleneck-projection.onnx` }, 'model-mismatch');
    expect(part(el, 'alert')[0]!.textContent).to.contain('"image"');
  });

  it('says when the image is not an image', async () => {
    await failWith({ image: '/packages/tensor-shape-flow/package.json' }, 'image-decode');
  });

  it('runs on WebGPU with the same shapes', async () => {
    const el = await fixture<TensorShapeFlow>(
      html`<tensor-shape-flow loading="eager" backend="webgpu"></tensor-shape-flow>`,
    );
    await settle(el);
    expect(el.status).to.equal('ready');
    expect(part(el, 'footnote')[0]!.textContent).to.contain('WebGPU');
    for (const id of ['conv1', 'pool1', 'conv2_x']) {
      expect(stage(el, id).className, id).to.equal('measured');
    }
  });

  it('keeps the registry open for later presets', () => {
    expect([...presets.keys()]).to.include.members([
      'resnet50',
      'vit-b16',
      'test-tiny',
      'test-vit-adds',
    ]);
  });
});
