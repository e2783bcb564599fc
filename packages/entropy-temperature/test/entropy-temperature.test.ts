import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FigureErrorEvent, acquireSession, badValue } from '@model-walkthroughs/core';
import { loadLog, loadManifest, slices } from '@model-walkthroughs/slices-rl';
import { sendKeys } from '@web/test-runner-commands';
import { render, type TemplateResult } from 'lit';
import '../src/define.js';
import type { EntropyTemperature, TemperatureChangeEvent } from '../src/index.js';
import { boltzmann } from '../src/boltzmann.js';
import { STATES } from '../src/index.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';

const TIMEOUT = { timeout: 30_000 };

function settled(el: EntropyTemperature): Promise<void> {
  return waitUntil(() => el.status === 'ready' || el.status === 'error', 'never settled', TIMEOUT);
}

function text(el: EntropyTemperature, selector: string): string {
  return el.shadowRoot!.querySelector(selector)!.textContent!.replace(/\s+/g, ' ');
}

describe('entropy-temperature', () => {
  let host: HTMLElement;
  let el: EntropyTemperature;

  before(async () => {
    host = document.createElement('div');
    host.style.width = '760px';
    document.body.append(host);
    render(html`<entropy-temperature loading="eager" backend="wasm"></entropy-temperature>`, host);
    el = host.querySelector('entropy-temperature')!;
    await settled(el);
  });

  after(() => host.remove());

  expectNothingEscapes();

  it('is accessible when ready', async () => {
    expect(el.status).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('asks the trained critics about 101 torques and keeps min(Q₁, Q₂)', async () => {
    // The slice run here, apart from the figure, for the hanging pendulum.
    const obs = new Float32Array(101 * 3);
    const action = new Float32Array(101);
    for (let i = 0; i < 101; i++) {
      obs.set([-1, Math.fround(Math.sin(Math.PI)), 0], i * 3);
      action[i] = -2 + (4 * i) / 100;
    }
    const handle = await acquireSession(slices['sac-critics'].model, 'wasm');
    const { outputs } = await handle.run(
      { obs: { data: obs, dims: [101, 3] }, action: { data: action, dims: [101, 1] } },
      ['q1', 'q2'],
    );
    handle.release();

    const q = el.criticValues!.down;
    expect(q).to.have.length(101);
    for (let i = 0; i < 101; i++) {
      const want = Math.min(outputs['q1']!.data[i]!, outputs['q2']!.data[i]!);
      expect(q[i], `a = ${action[i]}`).to.be.closeTo(want, 1e-5 * Math.abs(want) + 1e-6);
    }
    for (const s of STATES) expect(el.criticValues![s]).to.have.length(101);
  });

  it('starts at the α training ended with and shows its Boltzmann policy', async () => {
    const log = await loadLog('sac');
    const alpha = log.curve.at(-1)!.alpha;
    expect(el.currentAlpha).to.equal(alpha);
    const slider = el.shadowRoot!.querySelector<HTMLInputElement>('[part=slider]')!;
    expect(Number(slider.value)).to.be.closeTo(Math.log10(alpha), 0.05);
    expect(text(el, '#alpha + output')).to.equal(alpha.toPrecision(3));

    const want = boltzmann(el.criticValues!.upright, alpha, 0.04);
    const got = el.policy!;
    expect(got.entropy).to.be.closeTo(want.entropy, 1e-12);
    expect(got.softValue).to.be.closeTo(got.expectedQ + alpha * got.entropy, 1e-9);
    expect(text(el, '[part=measurement]'))
      .to.contain(`entropy ${want.entropy.toFixed(2)} nats`)
      .and.contain(`E[Q] = ${want.expectedQ.toFixed(2)}`)
      .and.contain(`E[Q] + αH is ${want.softValue.toFixed(2)}`);
  });

  it('plots α, the entropy against its target, and the return over training', async () => {
    const log = await loadLog('sac');
    const root = el.shadowRoot!;
    const training = root.querySelector('[part=chart][data-chart=training]')!;
    await waitUntil(() => training.querySelector('svg .mark-line'), 'no training chart', TIMEOUT);
    expect(training.querySelectorAll('.mark-line.role-mark path')).to.have.length(2);
    expect(training.querySelectorAll('.mark-rule.role-mark line')).to.have.length(1);
    const ret = root.querySelector('[part=chart][data-chart=return]')!;
    await waitUntil(() => ret.querySelector('svg .mark-line'), 'no return chart', TIMEOUT);

    const first = log.curve[0]!;
    const last = log.curve.at(-1)!;
    expect(text(el, '[part=caption]'))
      .to.contain(`α = ${first.alpha.toPrecision(3)} at ${first.envSteps} steps`)
      .and.contain(`to ${last.alpha.toPrecision(3)}`)
      .and.contain(
        `${last.entropy!.toFixed(2)} nats against the target ${log.hyperparameters.targetEntropy}`,
      );
  });

  it('lowers α from the keyboard, and the policy loses entropy for E[Q]', async () => {
    const slider = el.shadowRoot!.querySelector<HTMLInputElement>('[part=slider]')!;
    expect(slider.labels![0]!.textContent).to.equal('Temperature α');
    const before = el.policy!;
    const area = () =>
      el
        .shadowRoot!.querySelector('[data-chart=policy] .mark-area.role-mark path')
        ?.getAttribute('d');
    const shape = area();
    expect(shape).to.be.a('string');
    slider.focus();
    const changed = oneEvent(el, 'change') as Promise<TemperatureChangeEvent>;
    await sendKeys({ press: 'ArrowLeft' });
    const event = await changed;
    expect(event.alpha).to.be.below(before.alpha);
    expect(event.state).to.equal('upright');

    let last = el.policy!;
    for (let i = 0; i < 10; i++) {
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      const now = el.policy!;
      expect(now.alpha).to.be.below(last.alpha);
      expect(now.entropy).to.be.at.most(last.entropy + 1e-9);
      expect(now.expectedQ).to.be.at.least(last.expectedQ - 1e-9);
      last = now;
    }
    expect(slider.getAttribute('aria-valuetext')).to.equal(`α = ${last.alpha.toPrecision(3)}`);
    // The chart follows: its area is π at the new α.
    await waitUntil(() => area() !== shape, 'the policy chart was not redrawn', TIMEOUT);
  });

  it('says when the policy is down to one torque of the grid', async () => {
    const figure = await fixture<EntropyTemperature>(
      html`<entropy-temperature
        loading="eager"
        backend="wasm"
        alpha="0.001"
      ></entropy-temperature>`,
    );
    await settled(figure);
    // Cold enough that π_α is a point mass: entropy log 0.04, E[Q] the best Q.
    const q = figure.criticValues!.upright;
    expect(figure.policy!.entropy).to.be.closeTo(Math.log(0.04), 0.05);
    expect(figure.policy!.expectedQ).to.be.closeTo(Math.max(...q), 0.01);
    expect(text(figure, '[part=measurement]')).to.contain(
      'on this grid the entropy cannot go below log 0.04 = -3.22',
    );
    figure.alpha = 5;
    await figure.updateComplete;
    expect(text(figure, '[part=measurement]')).not.to.contain('cannot go below');
  });

  it('says where the weights come from', async () => {
    const { weights } = await loadManifest('sac-critics');
    expect(text(el, '[part=footnote]')).to.contain('Ran on WASM').and.contain(weights.note);
  });

  it('takes α and the state from its attributes', async () => {
    const figure = await fixture<EntropyTemperature>(
      html`<entropy-temperature
        loading="eager"
        backend="wasm"
        alpha="0.5"
        state="horizontal"
      ></entropy-temperature>`,
    );
    await settled(figure);
    expect(figure.policy!.alpha).to.equal(0.5);
    expect(figure.shadowRoot!.querySelector<HTMLSelectElement>('#state')!.value).to.equal(
      'horizontal',
    );
    const want = boltzmann(figure.criticValues!.horizontal, 0.5, 0.04);
    expect(figure.policy!.expectedQ).to.be.closeTo(want.expectedQ, 1e-12);
  });

  it('runs on WebGPU and gives the same Q values', async () => {
    const figure = await fixture<EntropyTemperature>(
      html`<entropy-temperature loading="eager" backend="webgpu"></entropy-temperature>`,
    );
    await settled(figure);
    expect(figure.status).to.equal('ready');
    expect(text(figure, '[part=footnote]')).to.contain('Ran on WebGPU');
    for (const s of STATES) {
      const [got, want] = [figure.criticValues![s], el.criticValues![s]];
      got.forEach((q, i) =>
        expect(q, `${s} ${i}`).to.be.closeTo(want[i]!, 1e-4 * (1 + Math.abs(want[i]!))),
      );
    }
  });

  describe('errors', () => {
    async function failing(
      template: TemplateResult,
    ): Promise<[EntropyTemperature, FigureErrorEvent]> {
      let event: FigureErrorEvent | undefined;
      const listen = (e: Event) => {
        if (e instanceof FigureErrorEvent) event = e;
      };
      document.addEventListener('error', listen, true);
      try {
        const figure = await fixture<EntropyTemperature>(template);
        await waitUntil(() => event, 'no error event', TIMEOUT);
        expect(figure.status).to.equal('error');
        return [figure, event!];
      } finally {
        document.removeEventListener('error', listen, true);
      }
    }

    it('reports an α that is not a number, and recovers', async () => {
      const [figure, event] = await failing(
        html`<entropy-temperature
          loading="eager"
          backend="wasm"
          alpha="hot"
        ></entropy-temperature>`,
      );
      expect(event.code).to.equal('bad-attribute');
      expect(text(figure, '[part=alert]')).to.contain(
        'alpha="hot" is not a number from 0.001 to 10.',
      );
      figure.alpha = 0.05;
      await waitUntil(() => figure.status === 'ready', 'did not recover', TIMEOUT);
    });

    it('reports an unknown state', async () => {
      const [, event] = await failing(
        html`<entropy-temperature
          loading="eager"
          backend="wasm"
          state="sideways"
        ></entropy-temperature>`,
      );
      expect(event.message).to.equal(badValue('state', 'sideways', STATES));
    });

    it('reports a training log that is not there', async () => {
      const [, event] = await failing(
        html`<entropy-temperature
          loading="eager"
          backend="wasm"
          log="/no/such/sac.json"
        ></entropy-temperature>`,
      );
      expect(event.code).to.equal('data-not-found');
      expect(event.message).to.equal(
        'The SAC training log could not be loaded from /no/such/sac.json (HTTP 404).',
      );
    });

    it('reports a training log of another shape', async () => {
      const [, event] = await failing(
        html`<entropy-temperature
          loading="eager"
          backend="wasm"
          log="/packages/slices-rl/data/ppo-training.json"
        ></entropy-temperature>`,
      );
      expect(event.code).to.equal('data-invalid');
      expect(event.message).to.contain('malformed: hyperparameters lack targetEntropy');
    });

    it('reports a src that is not the critics', async () => {
      const [, event] = await failing(
        html`<entropy-temperature
          loading="eager"
          backend="wasm"
          src=${slices['sac-actor'].model}
        ></entropy-temperature>`,
      );
      expect(event.code).to.equal('model-mismatch');
      expect(event.message).to.contain('action');
    });
  });
});
