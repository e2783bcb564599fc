import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FigureErrorEvent } from '@model-walkthroughs/core';
import { loadLog, loadManifest } from '@model-walkthroughs/slices-rl';
import { sendKeys } from '@web/test-runner-commands';
import { render, type TemplateResult } from 'lit';
import '../src/define.js';
import type { EpsilonChangeEvent, PpoClipPlot } from '../src/index.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';

const TIMEOUT = { timeout: 30_000 };

function settled(el: PpoClipPlot): Promise<void> {
  return waitUntil(() => el.status === 'ready' || el.status === 'error', 'never settled', TIMEOUT);
}

function text(el: PpoClipPlot, selector: string): string {
  return el.shadowRoot!.querySelector(selector)!.textContent!.replace(/\s+/g, ' ');
}

describe('ppo-clip-plot', () => {
  let host: HTMLElement;
  let el: PpoClipPlot;

  before(async () => {
    host = document.createElement('div');
    host.style.width = '760px';
    document.body.append(host);
    render(html`<ppo-clip-plot loading="eager"></ppo-clip-plot>`, host);
    el = host.querySelector('ppo-clip-plot')!;
    await settled(el);
  });

  after(() => host.remove());

  expectNothingEscapes();

  it('is accessible when ready', async () => {
    expect(el.status).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('starts at the training ε and counts the real minibatch as training logged it', async () => {
    const log = await loadLog('ppo');
    const batch = log.ratioBatch;
    expect(el.currentEpsilon).to.equal(log.hyperparameters.clipEpsilon);

    const stats = el.clipStats!;
    expect(stats.samples).to.equal(batch.samples.length);
    expect(stats.recorded).to.deep.equal({
      epsilon: batch.clipEpsilon,
      clipFraction: batch.clipFraction,
    });
    // The live count at the training ε reproduces the logged clip fraction
    // (ratios are stored to 5 digits, so allow one sample either way).
    expect(stats.clipFraction).to.be.closeTo(batch.clipFraction, 1 / batch.samples.length + 1e-4);
  });

  it('renders L^CLIP as MathML and both panels with the batch on the curves and as a rug', async () => {
    const math = el.shadowRoot!.querySelector('[part=formula] math')!;
    expect(math.textContent!.replace(/\s+/g, '')).to.contain('clip').and.contain('1−ϵ');

    const log = await loadLog('ppo');
    const positives = log.ratioBatch.samples.filter((s) => s.advantage > 0).length;
    const negatives = log.ratioBatch.samples.filter((s) => s.advantage < 0).length;
    for (const [sign, count] of [
      [1, positives],
      [-1, negatives],
    ] as const) {
      const chart = el.shadowRoot!.querySelector(`[part=chart][data-sign="${sign}"]`)!;
      await waitUntil(() => chart.querySelector('svg .mark-symbol'), 'no points', TIMEOUT);
      expect(chart.querySelectorAll('.mark-symbol.role-mark path'), `sign ${sign}`).to.have.length(
        count,
      );
      expect(chart.querySelectorAll('.mark-line path')).to.have.length(2);
      // The shaded band, then the rug: one tick per sample.
      const rects = chart.querySelectorAll('.mark-rect.role-mark');
      expect(rects).to.have.length(2);
      expect(rects[0]!.querySelectorAll('path')).to.have.length(1);
      expect(rects[1]!.querySelectorAll('path'), `rug ${sign}`).to.have.length(count);
    }
  });

  it('shades the flat region: r > 1 + ε for Â > 0, r < 1 − ε for Â < 0', async () => {
    const rect = (sign: number) => {
      const chart = el.shadowRoot!.querySelector(`[part=chart][data-sign="${sign}"]`)!;
      const box = chart.querySelector<SVGGraphicsElement>('.mark-rect path')!.getBBox();
      const width = chart.querySelector<SVGGraphicsElement>('.mark-line path')!.getBBox().width;
      return { from: box.x / width, to: (box.x + box.width) / width };
    };
    // x runs over [0.4, 1.6]; ε = 0.2 puts the edges at 0.8 and 1.2.
    expect(rect(1).from).to.be.closeTo((1.2 - 0.4) / 1.2, 0.01);
    expect(rect(1).to).to.be.closeTo(1, 0.01);
    expect(rect(-1).from).to.be.closeTo(0, 0.01);
    expect(rect(-1).to).to.be.closeTo((0.8 - 0.4) / 1.2, 0.01);
  });

  it('moves ε from the keyboard and counts again', async () => {
    const slider = el.shadowRoot!.querySelector<HTMLInputElement>('[part=slider]')!;
    expect(slider.labels![0]!.textContent).to.contain('Clip range ε');
    slider.focus();
    const changed = oneEvent(el, 'change') as Promise<EpsilonChangeEvent>;
    await sendKeys({ press: 'ArrowLeft' });
    const event = await changed;
    expect(event.epsilon).to.be.closeTo(0.19, 1e-12);
    for (let i = 0; i < 14; i++) await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.currentEpsilon).to.be.closeTo(0.05, 1e-9);
    expect(text(el, 'output')).to.equal('0.05');

    // Counted here independently of the figure's functions.
    const log = await loadLog('ppo');
    const s = log.ratioBatch.samples;
    const outside = s.filter((x) => Math.abs(x.ratio - 1) > 0.05).length / s.length;
    const flat =
      s.filter((x) => (x.advantage > 0 && x.ratio > 1.05) || (x.advantage < 0 && x.ratio < 0.95))
        .length / s.length;
    expect(el.clipStats!.clipFraction).to.be.closeTo(outside, 1e-12);
    expect(el.clipStats!.zeroGradient).to.be.closeTo(flat, 1e-12);
    expect(outside).to.be.above(0);
    expect(text(el, '[part=measurement]'))
      .to.contain(`At ε = 0.05, ${(100 * outside).toFixed(1)}% of the ${s.length} ratios`)
      .and.contain(`${(100 * flat).toFixed(1)}% sit on a flat part`);

    // The charts follow: the flat region of Â > 0 now starts at 1.05.
    await waitUntil(
      () => {
        const chart = el.shadowRoot!.querySelector('[part=chart][data-sign="1"]')!;
        const box = chart.querySelector<SVGGraphicsElement>('.mark-rect path')?.getBBox();
        const width = chart.querySelector<SVGGraphicsElement>('.mark-line path')?.getBBox().width;
        return box && width && Math.abs(box.x / width - (1.05 - 0.4) / 1.2) < 0.01;
      },
      'the shaded region did not move',
      TIMEOUT,
    );
    expect(el.status).to.equal('ready');
  });

  it('plots the logged clip fraction over training and says so', async () => {
    const log = await loadLog('ppo');
    const chart = el.shadowRoot!.querySelector('[part=chart][data-history]')!;
    await waitUntil(() => chart.querySelector('svg .mark-line'), 'no history', TIMEOUT);
    const last = log.iterations.at(-1)!;
    expect(text(el, '[part=caption]'))
      .to.contain(`Over ${log.iterations.length} iterations`)
      .and.contain(`to ${(100 * last.clipFraction).toFixed(1)}%`)
      .and.contain(`iteration ${log.ratioBatch.iteration}`);
  });

  it('says where the ratios and the weights come from', async () => {
    const { weights } = await loadManifest('ppo-actor');
    const log = await loadLog('ppo');
    const footnote = text(el, '[part=footnote]');
    expect(footnote).to.contain(weights.note);
    expect(footnote).to.contain(
      `iteration ${log.ratioBatch.iteration}, update epoch ${log.ratioBatch.epoch}`,
    );
    expect(footnote).not.to.contain('Ran on');
  });

  it('takes ε from its attribute', async () => {
    const figure = await fixture<PpoClipPlot>(
      html`<ppo-clip-plot loading="eager" epsilon="0.1"></ppo-clip-plot>`,
    );
    await settled(figure);
    expect(figure.currentEpsilon).to.equal(0.1);
    expect(figure.shadowRoot!.querySelector<HTMLInputElement>('[part=slider]')!.value).to.equal(
      '0.1',
    );
    expect(text(figure, 'output')).to.equal('0.10');
  });

  describe('errors', () => {
    async function failing(template: TemplateResult): Promise<[PpoClipPlot, FigureErrorEvent]> {
      let event: FigureErrorEvent | undefined;
      const listen = (e: Event) => {
        if (e instanceof FigureErrorEvent) event = e;
      };
      document.addEventListener('error', listen, true);
      try {
        const figure = await fixture<PpoClipPlot>(template);
        await waitUntil(() => event, 'no error event', TIMEOUT);
        expect(figure.status).to.equal('error');
        return [figure, event!];
      } finally {
        document.removeEventListener('error', listen, true);
      }
    }

    it('reports an ε that is not a number and recovers when it is fixed', async () => {
      const [figure, event] = await failing(
        html`<ppo-clip-plot loading="eager" epsilon="wide"></ppo-clip-plot>`,
      );
      expect(event.code).to.equal('bad-attribute');
      expect(text(figure, '[part=alert]')).to.contain(
        'epsilon="wide" is not a number from 0.01 to 0.5.',
      );

      figure.setAttribute('epsilon', '0.3');
      await waitUntil(() => figure.status === 'ready', 'did not recover', TIMEOUT);
      expect(figure.clipStats!.epsilon).to.equal(0.3);
    });

    it('reports an ε out of range set after the figure is ready', async () => {
      const figure = await fixture<PpoClipPlot>(
        html`<ppo-clip-plot loading="eager"></ppo-clip-plot>`,
      );
      await settled(figure);
      const error = oneEvent(figure, 'error') as Promise<FigureErrorEvent>;
      figure.epsilon = 0.9;
      expect((await error).message).to.equal('epsilon="0.9" is not a number from 0.01 to 0.5.');
    });

    it('reports a training log that is not there', async () => {
      const [figure, event] = await failing(
        html`<ppo-clip-plot loading="eager" log="/no/such/ppo-training.json"></ppo-clip-plot>`,
      );
      expect(event.code).to.equal('data-not-found');
      expect(text(figure, '[part=alert]')).to.contain(
        'The PPO training log could not be loaded from /no/such/ppo-training.json (HTTP 404).',
      );
    });

    it('reports a training log that is not JSON', async () => {
      const [, event] = await failing(
        html`<ppo-clip-plot
          loading="eager"
          log="/packages/slices-rl/onnx/ppo-actor.onnx"
        ></ppo-clip-plot>`,
      );
      expect(event.code).to.equal('data-invalid');
      expect(event.message).to.contain('is not JSON');
    });

    it('reports a training log of another shape', async () => {
      const [, event] = await failing(
        html`<ppo-clip-plot
          loading="eager"
          log="/packages/slices-rl/data/sac-training.json"
        ></ppo-clip-plot>`,
      );
      expect(event.code).to.equal('data-invalid');
      expect(event.message).to.contain('malformed: hyperparameters.clipEpsilon is not in (0, 1)');
    });
  });
});
