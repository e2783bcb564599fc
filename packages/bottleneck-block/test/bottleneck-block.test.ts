import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  acquireSession,
  drawFeatureTiles,
  tensorStats,
  type ColormapName,
  type FigureErrorEvent,
  type PlainTensor,
} from '@model-walkthroughs/core';
import { loadManifest, slices } from '@model-walkthroughs/slices-resnet';
import '../src/define.js';
import type { BottleneckBlock } from '../src/bottleneck-block.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';

interface Attrs {
  block?: string;
  src?: string;
  image?: string;
  backend?: string;
}

const notAModel = new URL('../package.json', import.meta.url).href;

async function mount(attrs: Attrs = {}, timeout = 55_000) {
  const events: Event[] = [];
  const log = (e: Event) => events.push(e);
  const el = await fixture<BottleneckBlock>(html`
    <bottleneck-block
      loading="eager"
      backend=${attrs.backend ?? 'wasm'}
      block=${ifDefined(attrs.block)}
      src=${ifDefined(attrs.src)}
      image=${ifDefined(attrs.image)}
      @ready=${log}
      @error=${log}
      @change=${log}
      style="width: 960px"
    ></bottleneck-block>
  `);
  await settle(el, events, 0, timeout);
  return { el, events };
}

async function settle(el: BottleneckBlock, events: Event[], after = 0, timeout = 55_000) {
  await waitUntil(
    () => events.slice(after).some((e) => e.type === 'ready' || e.type === 'error'),
    `<bottleneck-block> did not settle; status ${el.status}`,
    { timeout, interval: 50 },
  );
  await el.updateComplete;
}

const root = (el: BottleneckBlock) => el.shadowRoot!;

const shapes = (el: BottleneckBlock) =>
  [...root(el).querySelectorAll('[part=step] .shape')].map((s) =>
    s.textContent!.trim().split('×').map(Number),
  );

const selectedStep = (el: BottleneckBlock) =>
  root(el).querySelector('[role=tab][aria-selected=true]')!;

const details = (el: BottleneckBlock) =>
  root(el).querySelector('[part=details]')!.textContent!.replace(/\s+/g, ' ');

/** The selected step's facts, as the reader sees them: { Kernel: '3×3', … }. */
const facts = (el: BottleneckBlock) =>
  Object.fromEntries(
    [...root(el).querySelectorAll('[part=details] dl > div')].map((d) => [
      d.querySelector('dt')!.textContent!.trim(),
      d.querySelector('dd')!.textContent!.trim(),
    ]),
  );

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>) {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function l2(t: PlainTensor) {
  return tensorStats(t.data).l2;
}

describe('bottleneck-block', () => {
  expectNothingEscapes();

  it('is accessible once ready', async () => {
    const { el } = await mount();
    expect(el.status).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('renders six steps whose shapes come from the tensors', async () => {
    const { el, events } = await mount();
    expect(events.map((e) => e.type)).to.deep.equal(['ready']);

    const steps = root(el).querySelectorAll('[part=step]');
    expect([...steps].map((s) => s.querySelector('.name')!.textContent!.trim())).to.deep.equal([
      'Input x',
      '1×1 conv, 256→64',
      '3×3 conv, 64→64',
      '1×1 conv, 64→256',
      '+ shortcut',
      'ReLU',
    ]);
    expect(shapes(el)).to.deep.equal([
      [56, 56, 256],
      [56, 56, 64],
      [56, 56, 64],
      [56, 56, 256],
      [56, 56, 256],
      [56, 56, 256],
    ]);

    // The bars show the waist: a 64-channel step is a quarter of a 256 one.
    const bars = [...root(el).querySelectorAll<HTMLElement>('[part=step] .bar')];
    const widths = bars.map((b) => b.getBoundingClientRect().width);
    expect(widths[1]! / widths[0]!).to.be.closeTo(0.25, 0.02);

    // Every step drew its tiles: four 56×56 maps in a 2×2 grid.
    for (const canvas of root(el).querySelectorAll<HTMLCanvasElement>('[part=tiles]')) {
      expect([canvas.width, canvas.height]).to.deep.equal([114, 114]);
    }
    const maps = [...root(el).querySelectorAll<HTMLCanvasElement>('[part=tiles]')].map(
      (c) => c.dataset['colormap'],
    );
    expect(maps).to.deep.equal([
      'viridis',
      'viridis',
      'viridis',
      'diverging',
      'diverging',
      'viridis',
    ]);

    expect(root(el).querySelector('[part=footnote]')!.textContent).to.contain('not trained');
  });

  it('shows the comparison table with the hand-computed numbers', async () => {
    const { el } = await mount();
    const table = root(el).querySelector('table[part=comparison]')!;
    expect(table.querySelector('caption')!.textContent).to.contain('56×56');
    const cells = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
    );
    expect(cells).to.deep.equal([
      ['69,632', '1,179,648'],
      ['768', '1,024'],
      ['70,400', '1,180,672'],
      ['436,731,904', '7,398,752,256'],
    ]);
    const ratio = root(el).querySelector('.ratio')!.textContent!.replace(/\s+/g, ' ');
    expect(ratio).to.contain('17× fewer parameters');
    expect(ratio).to.contain('17× fewer FLOPs');
    const note = root(el).querySelector('.note')!.textContent!.replace(/\s+/g, ' ');
    expect(note).to.contain('436,731,904 FLOPs (the same)');
    expect(note).to.contain('70,400 trainable parameters (the same)');
  });

  it('computes output = relu(residual + shortcut) and shortcut = x', async () => {
    const { el } = await mount();
    const t = el.tensors!;
    const want = new Float32Array(t.output.data.length);
    for (let i = 0; i < want.length; i++) {
      want[i] = Math.max(0, t.residual.data[i]! + t.shortcut.data[i]!);
    }
    expect(maxAbsDiff(t.output.data, want)).to.be.below(1e-5);
    expect(maxAbsDiff(t.shortcut.data, t.x.data)).to.equal(0);
  });

  it('feeds layer1[1] what layer1[0] made of the photo', async () => {
    const projection = await loadManifest('bottleneck-projection');
    const ref = projection.imageReference!;
    const { el } = await mount();
    // The identity block's input is the projection block's output on the cat.
    expect(l2(el.tensors!.x)).to.be.closeTo(
      ref.outputs['output']!.l2,
      ref.tolerance.rtol * ref.outputs['output']!.l2,
    );
  });

  it('draws the step maps from the same numbers as a direct run of the slice', async () => {
    const { el } = await mount();
    const handle = await acquireSession(slices['bottleneck-identity'].model, 'wasm');
    try {
      const { outputs } = await handle.run({ x: el.tensors!.x }, ['reduce']);
      const direct = outputs['reduce']!;
      const a = tensorStats(direct.data);
      const b = tensorStats(el.tensors!.reduce.data);
      expect(b.sum).to.be.closeTo(a.sum, 1e-6 * Math.abs(a.sum));
      expect(b.l2).to.be.closeTo(a.l2, 1e-6 * a.l2);

      // Same tensor, same channels, same colour map: same pixels on screen.
      const shown = root(el).querySelector<HTMLCanvasElement>('[data-step=reduce] canvas')!;
      const channels = shown.dataset['channels']!.split(',').map(Number);
      expect(channels).to.have.length(4);
      const fresh = document.createElement('canvas');
      drawFeatureTiles(fresh, direct, {
        channels,
        columns: 2,
        colormap: shown.dataset['colormap'] as ColormapName,
      });
      const pixels = (c: HTMLCanvasElement) =>
        c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      expect(maxAbsDiff(pixels(shown), pixels(fresh))).to.equal(0);
    } finally {
      handle.release();
    }
  });

  it('moves between steps with the arrow keys and updates the details', async () => {
    const { el } = await mount();
    expect(selectedStep(el).id).to.equal('step-1');
    expect(details(el)).to.contain('256→64');
    expect(details(el)).to.contain('16,384 conv + 128 BatchNorm');

    (selectedStep(el) as HTMLElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(selectedStep(el).id).to.equal('step-2');
    expect(root(el).activeElement!.id).to.equal('step-2');
    expect(facts(el)).to.deep.equal({
      Kernel: '3×3',
      Stride: '1',
      Channels: '64→64',
      Parameters: '36,864 conv + 128 BatchNorm',
      FLOPs: '231,211,008',
    });
    expect(details(el)).to.contain('56×56×64');

    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(selectedStep(el).id).to.equal('step-0');
    expect(details(el)).to.contain('56×56×256');
    expect(facts(el)).to.deep.equal({ Parameters: '0', FLOPs: '0' });

    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(selectedStep(el).id).to.equal('step-4');
    expect(facts(el)['FLOPs']).to.equal('0 counted (802,816 adds)');
    await sendKeys({ press: 'Home' });

    // Wraps around, as tabs do.
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(selectedStep(el).id).to.equal('step-5');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(selectedStep(el).id).to.equal('step-0');

    // Only the selected step is in the tab order.
    const tabbable = root(el).querySelectorAll('[role=tab][tabindex="0"]');
    expect(tabbable).to.have.length(1);
  });

  it('switches to the projection block by keyboard, fires change and re-runs', async () => {
    const { el, events } = await mount();
    const button = [...root(el).querySelectorAll<HTMLButtonElement>('[part=controls] button')].find(
      (b) => b.textContent!.includes('Projection'),
    )!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');

    const before = events.length;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, events, before);

    const fired = events.slice(before).map((e) => e.type);
    expect(fired).to.deep.equal(['change', 'ready']);
    const change = events[before]!;
    expect(change.bubbles && change.composed).to.equal(true);
    expect(el.block).to.equal('projection');
    expect(el.getAttribute('block')).to.equal('projection');
    expect(button.getAttribute('aria-pressed')).to.equal('true');

    expect(shapes(el)).to.deep.equal([
      [56, 56, 64],
      [56, 56, 64],
      [56, 56, 64],
      [56, 56, 256],
      [56, 56, 256],
      [56, 56, 256],
    ]);
    const cells = [...root(el).querySelectorAll('table tbody tr:first-child td')].map((td) =>
      td.textContent!.trim(),
    );
    expect(cells).to.deep.equal(['73,728', '753,664']);

    // The projection block's outputs on the cat, against the manifest.
    const ref = (await loadManifest('bottleneck-projection')).imageReference!;
    const rtol = ref.tolerance.rtol;
    expect(l2(el.tensors!.x)).to.be.closeTo(ref.stem.pool.l2, rtol * ref.stem.pool.l2);
    for (const name of ['reduce', 'spatial', 'residual', 'shortcut', 'output'] as const) {
      const want = ref.outputs[name]!.l2;
      expect(l2(el.tensors![name]), name).to.be.closeTo(want, rtol * want);
    }
  });

  it('runs on WebGPU with the same numbers', async function () {
    // The test browser's adapter is SwiftShader, a CPU: the projection block
    // is the cheaper of the two (stem + one block), and still takes seconds.
    this.timeout(120_000);
    const { el, events } = await mount({ backend: 'webgpu', block: 'projection' }, 110_000);
    const failed = events.find((e) => e.type === 'error') as FigureErrorEvent | undefined;
    expect(failed?.message, 'error on WebGPU').to.equal(undefined);
    const ready = events.find((e) => e.type === 'ready') as Event & { backend?: string };
    expect(ready.backend).to.equal('webgpu');
    expect(root(el).querySelector('[part=footnote]')!.textContent).to.contain('Ran on WebGPU');

    const ref = (await loadManifest('bottleneck-projection')).imageReference!;
    for (const name of ['reduce', 'output'] as const) {
      const want = ref.outputs[name]!.l2;
      expect(l2(el.tensors![name]), name).to.be.closeTo(want, ref.tolerance.rtol * want);
    }
  });

  describe('errors', () => {
    const cases: [string, Attrs, string, RegExp][] = [
      [
        'a bad block value',
        { block: 'bogus' },
        'bad-attribute',
        /block="bogus" is not one of "identity", "projection"\./,
      ],
      ['a src that 404s', { src: '/no/such/model.onnx' }, 'model-not-found', /could not be loaded/],
      ['a src that is not ONNX', { src: notAModel }, 'model-invalid', /not an ONNX model/],
      [
        'a real slice with the wrong input',
        { src: slices['resnet50-stem'].model },
        'model-mismatch',
        /no input named "x"/,
      ],
      [
        'a slice of the other block',
        { src: slices['bottleneck-projection'].model },
        'model-mismatch',
        /input "x" has shape \[1, 64, 56, 56\], not \[1, 256, 56, 56\]/,
      ],
      ['an image that is not an image', { image: notAModel }, 'image-decode', /not an image/],
    ];

    for (const [what, attrs, code, message] of cases) {
      it(`reports ${what} as ${code}`, async () => {
        const { el, events } = await mount(attrs);
        expect(el.status).to.equal('error');
        const error = events.find((e) => e.type === 'error') as FigureErrorEvent;
        expect(error.code).to.equal(code);
        expect(root(el).querySelector('[part=alert]')!.textContent).to.match(message);
      });
    }

    it('says whose weights ran when src is given', async () => {
      const src = slices['bottleneck-identity'].model;
      const { el } = await mount({ src });
      expect(el.status).to.equal('ready');
      expect(root(el).querySelector('[part=footnote]')!.textContent).to.contain(
        `Your model at ${src}`,
      );
    });

    it('takes every slice from a folder when src ends in /', async () => {
      const src = new URL('./', slices['bottleneck-identity'].model).href;
      const { el } = await mount({ src });
      expect(el.status).to.equal('ready');
      expect(root(el).querySelector('[part=footnote]')!.textContent).to.contain(
        `Your models from ${src}`,
      );
      expect(el.result!.output.dims).to.deep.equal([1, 256, 56, 56]);
    });

    it('names the missing file when a folder lacks a slice', async () => {
      const { el } = await mount({ src: '/packages/bottleneck-block/' });
      expect(el.status).to.equal('error');
      expect(root(el).querySelector('[part=alert]')!.textContent).to.contain('resnet50-stem.onnx');
    });
  });
});
