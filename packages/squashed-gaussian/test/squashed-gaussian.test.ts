import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FigureErrorEvent, acquireSession, badValue } from '@model-walkthroughs/core';
import { loadManifest, slices } from '@model-walkthroughs/slices-rl';
import { sendKeys } from '@web/test-runner-commands';
import { render, type TemplateResult } from 'lit';
import '../src/define.js';
import type { PolicyChangeEvent, SquashedGaussian } from '../src/index.js';
import { STATES, observationBatch } from '../src/index.js';
import {
  expectedTanh,
  mulberry32,
  squashedLogProb,
  standardNormals,
} from '../src/tanh-gaussian.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';

const TIMEOUT = { timeout: 30_000 };

function settled(el: SquashedGaussian): Promise<void> {
  return waitUntil(() => el.status === 'ready' || el.status === 'error', 'never settled', TIMEOUT);
}

function text(el: SquashedGaussian, selector: string): string {
  return el.shadowRoot!.querySelector(selector)!.textContent!.replace(/\s+/g, ' ');
}

describe('squashed-gaussian', () => {
  let host: HTMLElement;
  let el: SquashedGaussian;

  before(async () => {
    host = document.createElement('div');
    host.style.width = '760px';
    document.body.append(host);
    render(html`<squashed-gaussian loading="eager" backend="wasm"></squashed-gaussian>`, host);
    el = host.querySelector('squashed-gaussian')!;
    await settled(el);
  });

  after(() => host.remove());

  expectNothingEscapes();

  it('is accessible when ready', async () => {
    expect(el.status).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('feeds the actor Pendulum observations [cos θ, sin θ, θ̇] at rest', () => {
    const { data, dims } = observationBatch();
    expect(dims).to.deep.equal([3, 3]);
    const want = [-1, 0, 0, 0, 1, 0, 0.9887711, 0.1494381, 0];
    want.forEach((w, i) => expect(data[i], `obs ${i}`).to.be.closeTo(w, 1e-6));
  });

  it('takes μ and σ = exp(log_std) from the SAC actor for each state', async () => {
    // The slice run here, apart from the figure.
    const handle = await acquireSession(slices['sac-actor'].model, 'wasm');
    const { outputs } = await handle.run({ obs: observationBatch() }, ['mean', 'log_std']);
    handle.release();

    const policies = el.actorPolicies!;
    STATES.forEach((s, i) => {
      expect(policies[s].mu, s).to.equal(outputs['mean']!.data[i]);
      expect(policies[s].logStd, s).to.equal(outputs['log_std']!.data[i]);
      expect(policies[s].sigma, s).to.be.closeTo(Math.exp(outputs['log_std']!.data[i]!), 1e-12);
    });

    el.state = 'down';
    await el.updateComplete;
    expect(el.mu).to.equal(policies.down.mu);
    expect(el.sigma).to.equal(policies.down.sigma);
    const line = text(el, '.actor');
    expect(line).to.contain(`mean ${policies.down.mu.toFixed(3)}`);
    expect(line).to.contain(`σ = exp(log_std) = ${policies.down.sigma.toFixed(3)}`);
    const torque = 2 * expectedTanh(policies.down.mu, policies.down.sigma);
    expect(line).to.contain(`2·E[tanh u] = ${torque.toFixed(3)}`);
    // Said exactly when the mean action is within 1% of the torque limit.
    const saturated = 1 - Math.abs(torque / 2) < 0.01;
    expect(line.includes('squashed against the torque limit')).to.equal(saturated);
    el.state = '';
    el.mu = 0.5;
    el.sigma = 1;
    await el.updateComplete;
  });

  it('draws the seeded samples and works log π through for the first', () => {
    const eps = standardNormals(mulberry32(1), 1000);
    expect(el.samples!.eps).to.deep.equal(eps);
    const first = el.firstSample!;
    const want = squashedLogProb(0.5 + eps[0]!, 0.5, 1, 2);
    expect(first).to.deep.equal(want);
    expect(first.logProb).to.be.closeTo(first.logNormal - first.logJacobian, 1e-12);

    const line = text(el, '[part=measurement]');
    expect(line).to.contain(`ε = ${eps[0]!.toFixed(4)}`);
    expect(line).to.contain(`a = tanh u = ${want.a.toFixed(4)}`);
    expect(line).to.contain(`= ${want.logProb.toFixed(4)}`);
    expect(line).to.contain(`log π(2a) = log π(a) − log 2 = ${want.logProbScaled.toFixed(4)}`);
  });

  it('plots both densities with the samples binned under them', async () => {
    const root = el.shadowRoot!;
    for (const [panel, bins] of [
      ['before', 64],
      ['after', 40],
    ] as const) {
      const chart = root.querySelector(`[part=chart][data-panel=${panel}]`)!;
      await waitUntil(() => chart.querySelector('svg .mark-line'), `no ${panel} chart`, TIMEOUT);
      expect(chart.querySelectorAll('.mark-rect.role-mark path'), panel).to.have.length(bins);
      expect(chart.querySelectorAll('.mark-rule.role-mark line'), panel).to.have.length(1);
    }
    const mean = el.samples!.actions.reduce((s, a) => s + a, 0) / 1000;
    expect(text(el, '[part=caption]'))
      .to.contain(`mean of the 1000 samples of a is ${mean.toFixed(3)}`)
      .and.contain(`E[tanh u] by numeric integration is ${expectedTanh(0.5, 1).toFixed(3)}`);
  });

  it('moves μ from the keyboard; the same ε move with it', async () => {
    const slider = el.shadowRoot!.querySelector<HTMLInputElement>('#mu')!;
    expect(slider.labels![0]!.textContent).to.equal('μ');
    const eps = el.samples!.eps;
    slider.focus();
    const changed = oneEvent(el, 'change') as Promise<PolicyChangeEvent>;
    await sendKeys({ press: 'ArrowRight' });
    const event = await changed;
    expect(event.mu).to.be.closeTo(0.55, 1e-12);
    expect(event.sigma).to.equal(1);
    expect(el.samples!.eps).to.equal(eps);
    expect(el.firstSample!.u).to.be.closeTo(0.55 + eps[0]!, 1e-12);
    expect(text(el, '#mu + output')).to.equal('0.55');
  });

  it('draws new samples with the keyboard, reproducibly from the seed', async () => {
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=draw]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const next = mulberry32(1);
    standardNormals(next, 1000);
    expect(el.samples!.eps).to.deep.equal(standardNormals(next, 1000));
    expect(text(el, '.hint')).to.contain('draw 2, 1000 samples, seed 1');
  });

  it('says where the weights come from', async () => {
    const { weights } = await loadManifest('sac-actor');
    const footnote = text(el, '[part=footnote]');
    expect(footnote).to.contain('Ran on WASM').and.contain(weights.note);
  });

  it('starts from a state given as an attribute', async () => {
    const figure = await fixture<SquashedGaussian>(
      html`<squashed-gaussian loading="eager" backend="wasm" state="upright"></squashed-gaussian>`,
    );
    await settled(figure);
    expect(figure.mu).to.equal(el.actorPolicies!.upright.mu);
    expect(figure.shadowRoot!.querySelector<HTMLSelectElement>('#state')!.value).to.equal(
      'upright',
    );
  });

  it('runs on WebGPU and gives the same μ and σ', async () => {
    const figure = await fixture<SquashedGaussian>(
      html`<squashed-gaussian loading="eager" backend="webgpu"></squashed-gaussian>`,
    );
    await settled(figure);
    expect(figure.status).to.equal('ready');
    expect(text(figure, '[part=footnote]')).to.contain('Ran on WebGPU');
    for (const s of STATES) {
      const [got, want] = [figure.actorPolicies![s], el.actorPolicies![s]];
      expect(got.mu, s).to.be.closeTo(want.mu, 1e-4 * (1 + Math.abs(want.mu)));
      expect(got.logStd, s).to.be.closeTo(want.logStd, 1e-4 * (1 + Math.abs(want.logStd)));
    }
  });

  describe('errors', () => {
    async function failing(
      template: TemplateResult,
    ): Promise<[SquashedGaussian, FigureErrorEvent]> {
      let event: FigureErrorEvent | undefined;
      const listen = (e: Event) => {
        if (e instanceof FigureErrorEvent) event = e;
      };
      document.addEventListener('error', listen, true);
      try {
        const figure = await fixture<SquashedGaussian>(template);
        await waitUntil(() => event, 'no error event', TIMEOUT);
        expect(figure.status).to.equal('error');
        return [figure, event!];
      } finally {
        document.removeEventListener('error', listen, true);
      }
    }

    it('reports a σ that is not positive, and recovers', async () => {
      const [figure, event] = await failing(
        html`<squashed-gaussian loading="eager" backend="wasm" sigma="0"></squashed-gaussian>`,
      );
      expect(event.code).to.equal('bad-attribute');
      expect(text(figure, '[part=alert]')).to.contain('sigma="0" is not a number from 0.02 to 3.');
      figure.sigma = 0.5;
      await waitUntil(() => figure.status === 'ready', 'did not recover', TIMEOUT);
    });

    it('reports a μ that is not a number', async () => {
      const [, event] = await failing(
        html`<squashed-gaussian loading="eager" backend="wasm" mu="left"></squashed-gaussian>`,
      );
      expect(event.message).to.equal('mu="left" is not a number from -6 to 6.');
    });

    it('reports an unknown state', async () => {
      const [, event] = await failing(
        html`<squashed-gaussian
          loading="eager"
          backend="wasm"
          state="sideways"
        ></squashed-gaussian>`,
      );
      expect(event.message).to.equal(badValue('state', 'sideways', ['', ...STATES]));
    });

    it('reports a seed that is not an integer', async () => {
      const [, event] = await failing(
        html`<squashed-gaussian loading="eager" backend="wasm" seed="1.5"></squashed-gaussian>`,
      );
      expect(event.message).to.equal('seed="1.5" is not an integer.');
    });

    it('reports a src that is not the actor', async () => {
      const [figure, event] = await failing(
        html`<squashed-gaussian
          loading="eager"
          backend="wasm"
          src=${slices['sac-critics'].model}
        ></squashed-gaussian>`,
      );
      expect(event.code).to.equal('model-mismatch');
      expect(text(figure, '[part=alert]')).to.contain('mean');
    });
  });
});
