import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FigureErrorEvent, badValue, tensorStats, webGpuAdapter } from '@model-walkthroughs/core';
import { loadManifest, slices } from '@model-walkthroughs/slices-resnet';
import { sendKeys } from '@web/test-runner-commands';
import { render, type TemplateResult } from 'lit';
import '../src/define.js';
import type { ShortcutChangeEvent, SkipConnection } from '../src/index.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';

const TIMEOUT = { timeout: 55_000 };

function settled(el: SkipConnection): Promise<void> {
  return waitUntil(() => el.status === 'ready' || el.status === 'error', 'never settled', TIMEOUT);
}

describe('skip-connection', () => {
  let host: HTMLElement;
  let el: SkipConnection;

  // One ready figure on the default photo, shared by the tests that only
  // read it: each run costs seconds of WASM on a small CI machine.
  before(async () => {
    host = document.createElement('div');
    host.style.width = '760px';
    document.body.append(host);
    render(html`<skip-connection loading="eager" backend="wasm"></skip-connection>`, host);
    el = host.querySelector('skip-connection')!;
    await settled(el);
  });

  after(() => host.remove());

  expectNothingEscapes();

  it('is accessible when ready', async () => {
    expect(el.status).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('draws x, F(x) and F(x) + x with their real shapes and the same channels', () => {
    const root = el.shadowRoot!;
    const panels = [...root.querySelectorAll('[part=panels] figure')];
    expect(panels).to.have.length(3);
    const captions = panels.map((p) => p.querySelector('figcaption')!.textContent!);
    expect(captions[0]).to.contain('Wₛ x').and.contain('56×56×256');
    expect(captions[1]).to.contain('F(x)').and.contain('56×56×256');
    expect(captions[2]).to.contain('after ReLU').and.contain('56×56×256');

    const canvases = panels.map((p) => p.querySelector('canvas')!);
    const channels = el.blockTensors!.channels;
    expect(channels).to.have.length(8);
    for (const canvas of canvases) {
      expect(canvas.getAttribute('part')).to.equal('canvas');
      expect(canvas.getAttribute('aria-label')).to.contain(`channels ${channels.join(', ')}`);
      // 4 × 2 tiles of 56 × 56 with 2-pixel gaps.
      expect([canvas.width, canvas.height]).to.deep.equal([4 * 56 + 6, 2 * 56 + 2]);
    }
    const legend = root.querySelector('[part=legend]')!.textContent!;
    expect(legend).to.contain('one shared signed scale').and.contain('output after ReLU');
  });

  it('shows the channels with the most output energy', () => {
    const { output, channels } = el.blockTensors!;
    const plane = 56 * 56;
    const energy = (c: number) => {
      let s = 0;
      for (let i = c * plane; i < (c + 1) * plane; i++) s += Math.abs(output.data[i]!);
      return s;
    };
    const weakestShown = Math.min(...channels.map(energy));
    for (let c = 0; c < 256; c++) {
      if (!channels.includes(c)) expect(energy(c)).to.be.at.most(weakestShown);
    }
  });

  it('computes F(x) + x as relu(residual + shortcut), element by element', () => {
    const { residual, shortcut, output } = el.blockTensors!;
    expect(output.dims).to.deep.equal([1, 256, 56, 56]);
    let worst = 0;
    for (let i = 0; i < output.data.length; i++) {
      const want = Math.max(0, residual.data[i]! + shortcut.data[i]!);
      worst = Math.max(worst, Math.abs(output.data[i]! - want));
    }
    expect(worst).to.be.below(1e-5);
  });

  it('matches the manifest reference for the cat photo through stem and block', async () => {
    const { imageReference } = await loadManifest('bottleneck-projection');
    const ref = imageReference!;
    const { x, residual, shortcut, output } = el.blockTensors!;
    const got = { pool: x, residual, shortcut, output };
    const want = { pool: ref.stem.pool, ...ref.outputs };
    for (const [name, t] of Object.entries(got)) {
      const { l2 } = want[name as keyof typeof want]!;
      expect(tensorStats(t.data).l2, name).to.be.closeTo(l2, ref.tolerance.rtol * l2);
    }

    // The printed ratio comes from the same tensors.
    const ratio = ref.outputs.residual!.l2 / ref.outputs.shortcut!.l2;
    const line = el.shadowRoot!.querySelector('[part=measurement]')!.textContent!;
    expect(line.replace(/\s+/g, ' ')).to.contain(`‖F(x)‖ / ‖Wₛ x‖ = ${ratio.toFixed(2)}`);
  });

  it('renders y = F(x, {Wᵢ}) + W_s x as MathML', () => {
    const math = el.shadowRoot!.querySelector('[part=formula] math')!;
    expect(math).to.exist;
    const text = math.textContent!.replace(/\s+/g, '');
    expect(text).to.contain('𝐲=ℱ(𝐱,{Wi})+Ws𝐱');
    expect(el.shadowRoot!.querySelector('[part=formula]')!.textContent).to.contain('Eq. 2');
  });

  it('measures signal propagation: shortcuts keep what the plain stack loses', async () => {
    const { plain, residual, epsilon } = el.signalPropagation!;
    expect(plain.activation).to.have.length(31);
    expect(residual.jvp).to.have.length(31);

    // The manifests' reference step length, ε · ‖v‖, with a unit v.
    const { reference } = await loadManifest('deep-plain');
    expect(epsilon).to.be.closeTo(reference!.epsilon * reference!.direction.l2, 1e-12);

    // The stem is shared, so depth 0 is the same in both stacks.
    expect(residual.activation[0]).to.be.closeTo(plain.activation[0]!, 1e-3 * plain.activation[0]!);
    expect(residual.jvp[0]).to.be.closeTo(plain.jvp[0]!, 1e-2 * plain.jvp[0]!);

    // The data's direction: the plain stack's signal dies, the residual's holds.
    expect(residual.jvp[30]).to.be.greaterThan(1e6 * plain.jvp[30]!);
    expect(plain.activation[30]! / plain.activation[0]!).to.be.below(1e-3);
    const kept = residual.jvp[30]! / residual.jvp[0]!;
    expect(kept).to.be.within(0.1, 10);
  });

  it('plots both stacks in one chart with a description', async () => {
    const chart = el.shadowRoot!.querySelector('[part=chart]')!;
    await waitUntil(() => chart.querySelector('svg'), 'no chart', TIMEOUT);
    const svg = chart.querySelector('svg')!;

    // One line per stack and quantity, each labelled for screen readers.
    const lines = [...svg.querySelectorAll('.mark-line path')];
    expect(lines).to.have.length(4);
    const labels = lines.map((l) => l.getAttribute('aria-label') ?? '');
    expect(labels.filter((l) => l.includes('stack: plain'))).to.have.length(2);
    expect(labels.filter((l) => l.includes('JVP'))).to.have.length(2);

    // The chart is described by the caption, which gives the numbers.
    const caption = el.shadowRoot!.getElementById(chart.getAttribute('aria-describedby')!)!;
    const { plain } = el.signalPropagation!;
    expect(caption.textContent)
      .to.contain('plain stack')
      .and.contain(plain.jvp[30]!.toExponential(1))
      .and.contain('Random weights from seed 0');
  });

  it('says where the weights come from', async () => {
    const { weights } = await loadManifest('bottleneck-projection');
    const status = el.shadowRoot!.querySelector('[part=footnote]')!.textContent!;
    expect(status).to.contain('Ran on WASM');
    expect(status).to.contain(weights.note);
  });

  it('switches to the identity shortcut from the keyboard and back', async () => {
    const root = el.shadowRoot!;
    const identity = root.querySelector<HTMLButtonElement>('button[data-shortcut=identity]')!;
    const projection = root.querySelector<HTMLButtonElement>('button[data-shortcut=projection]')!;
    expect(projection.getAttribute('aria-pressed')).to.equal('true');

    identity.focus();
    const changed = oneEvent(el, 'change') as Promise<ShortcutChangeEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await changed;
    expect(event.shortcut).to.equal('identity');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(el.getAttribute('shortcut')).to.equal('identity');
    await waitUntil(() => el.status === 'ready' && el.blockTensors?.x.dims[1] === 256, '', TIMEOUT);

    expect(identity.getAttribute('aria-pressed')).to.equal('true');
    expect(el.blockTensors!.x.dims).to.deep.equal([1, 256, 56, 56]);
    // The identity shortcut is x itself.
    expect(el.blockTensors!.shortcut.data).to.deep.equal(el.blockTensors!.x.data);
    const captions = root.querySelector('[part=panels] figure figcaption')!.textContent!;
    expect(captions).to.contain('x, the input');
    expect(root.querySelector('[part=formula] math')!.textContent!.replace(/\s+/g, '')).to.contain(
      '+𝐱',
    );

    projection.focus();
    const back = oneEvent(el, 'change');
    await sendKeys({ press: 'Space' });
    await back;
    await waitUntil(() => el.status === 'ready' && el.blockTensors?.x.dims[1] === 64, '', TIMEOUT);
    expect(el.shortcut).to.equal('projection');
  });

  it('fires no change when the pressed button is pressed again', async () => {
    let fired = 0;
    el.addEventListener('change', () => fired++);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-shortcut=projection]')!.click();
    await el.updateComplete;
    expect(fired).to.equal(0);
  });

  describe('errors', () => {
    async function failing(template: TemplateResult): Promise<[SkipConnection, FigureErrorEvent]> {
      // Listen before the figure exists: a bad attribute fails at once.
      let event: FigureErrorEvent | undefined;
      const listen = (e: Event) => {
        if (e instanceof FigureErrorEvent) event = e;
      };
      document.addEventListener('error', listen, true);
      try {
        const figure = await fixture<SkipConnection>(template);
        await waitUntil(() => event, 'no error event', TIMEOUT);
        expect(figure.status).to.equal('error');
        expect(event!.target).to.equal(figure);
        return [figure, event!];
      } finally {
        document.removeEventListener('error', listen, true);
      }
    }

    it('reports a bad shortcut value', async () => {
      const [figure, event] = await failing(
        html`<skip-connection loading="eager" backend="wasm" shortcut="dense"></skip-connection>`,
      );
      expect(event.code).to.equal('bad-attribute');
      const message = badValue('shortcut', 'dense', ['projection', 'identity']);
      expect(figure.shadowRoot!.querySelector('[part=alert]')!.textContent).to.contain(message);
    });

    it('reports a src that is not there', async () => {
      const [, event] = await failing(
        html`<skip-connection
          loading="eager"
          backend="wasm"
          src="/no/such/model.onnx"
        ></skip-connection>`,
      );
      expect(event.code).to.equal('model-not-found');
    });

    it('reports a src that is not ONNX', async () => {
      const [, event] = await failing(
        html`<skip-connection
          loading="eager"
          backend="wasm"
          src="/packages/skip-connection/package.json"
        ></skip-connection>`,
      );
      expect(event.code).to.equal('model-invalid');
    });

    it('reports a model with the wrong inputs', async () => {
      const [figure, event] = await failing(
        html`<skip-connection
          loading="eager"
          backend="wasm"
          src=${slices['bottleneck-identity'].model}
        ></skip-connection>`,
      );
      expect(event.code).to.equal('model-mismatch');
      expect(figure.shadowRoot!.querySelector('[part=alert]')!.textContent).to.contain(
        '[1, 64, 56, 56]',
      );
    });

    it('reports an image that is not an image', async () => {
      const [, event] = await failing(
        html`<skip-connection
          loading="eager"
          backend="wasm"
          image="/packages/skip-connection/package.json"
        ></skip-connection>`,
      );
      expect(event.code).to.equal('image-decode');
    });
  });

  it('runs your own export of the block from src', async () => {
    const src = slices['bottleneck-projection'].model;
    const figure = await fixture<SkipConnection>(
      html`<skip-connection loading="eager" backend="wasm" src=${src}></skip-connection>`,
    );
    await settled(figure);
    expect(figure.status).to.equal('ready');
    expect(figure.shadowRoot!.querySelector('[part=footnote]')!.textContent).to.contain(
      `Your model at ${src}`,
    );
    // Same graph, same numbers as the built-in figure.
    expect(tensorStats(figure.blockTensors!.output.data).l2).to.be.closeTo(
      tensorStats(el.blockTensors!.output.data).l2,
      1e-6 * tensorStats(el.blockTensors!.output.data).l2,
    );
  });

  it('runs on WebGPU and gives the same maps', async () => {
    const figure = await fixture<SkipConnection>(
      html`<skip-connection loading="eager" backend="webgpu"></skip-connection>`,
    );
    await waitUntil(() => figure.blockTensors || figure.status === 'error', '', TIMEOUT);
    expect(figure.blockTensors!.backend).to.equal('webgpu');

    const { imageReference } = await loadManifest('bottleneck-projection');
    for (const name of ['residual', 'shortcut', 'output'] as const) {
      const want = imageReference!.outputs[name]!.l2;
      const got = tensorStats(figure.blockTensors![name].data).l2;
      expect(got, name).to.be.closeTo(want, imageReference!.tolerance.rtol * want);
    }

    // SwiftShader, the CPU WebGPU of a machine without a GPU, needs minutes
    // for the deep stacks; on a real adapter, wait for the whole figure.
    if ((await webGpuAdapter()).software) return;
    await settled(figure);
    expect(figure.shadowRoot!.querySelector('[part=footnote]')!.textContent).to.contain(
      'Ran on WebGPU',
    );
  });
});
