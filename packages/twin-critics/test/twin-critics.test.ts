import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FigureErrorEvent, acquireSession, type SessionHandle } from '@model-walkthroughs/core';
import { Pendulum, Random } from '@model-walkthroughs/environments';
import { loadLog, loadManifest, slices } from '@model-walkthroughs/slices-rl';
import { sendKeys } from '@web/test-runner-commands';
import { render, type TemplateResult } from 'lit';
import '../src/define.js';
import type { SettingChangeEvent, TwinCritics } from '../src/index.js';
import { meanInterval, overestimation } from '../src/overestimation.js';
import { actionGrid, actorFeeds, criticFeeds } from '../src/pendulum-state.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';

const TIMEOUT = { timeout: 55_000 };

function settled(el: TwinCritics): Promise<void> {
  return waitUntil(() => el.status === 'ready' || el.status === 'error', 'never settled', TIMEOUT);
}

const shadow = (el: TwinCritics) => el.shadowRoot!;
const input = (el: TwinCritics, name: string) =>
  shadow(el).querySelector<HTMLInputElement>(`input[data-setting=${name}]`)!;

describe('twin-critics', () => {
  let host: HTMLElement;
  let el: TwinCritics;
  let critic: SessionHandle;
  let actor: SessionHandle;

  /** What the critics and the actor say for a state, run here directly. */
  async function direct(angle: number, velocity: number) {
    const q = (await critic.run(criticFeeds(angle, velocity, actionGrid(101)))).outputs;
    const a = (await actor.run(actorFeeds(angle, velocity))).outputs;
    return { q1: q['q1']!.data, q2: q['q2']!.data, mu: a['action']!.data[0]! };
  }

  before(async () => {
    host = document.createElement('div');
    host.style.width = '760px';
    document.body.append(host);
    render(html`<twin-critics loading="eager" backend="wasm"></twin-critics>`, host);
    el = host.querySelector('twin-critics')!;
    critic = await acquireSession(slices['td3-critics'].model, 'wasm');
    actor = await acquireSession(slices['td3-actor'].model, 'wasm');
    await settled(el);
  });

  after(() => {
    critic.release();
    actor.release();
    host.remove();
  });

  expectNothingEscapes();

  it('is accessible when ready', async () => {
    expect(el.status).to.equal('ready');
    await waitUntil(
      () => shadow(el).querySelectorAll('[part=chart] svg').length === 3,
      'charts',
      TIMEOUT,
    );
    await expect(el).to.be.accessible();
  });

  it('shows every chart whole, legends included', () => {
    for (const box of shadow(el).querySelectorAll<HTMLElement>('[part=chart]')) {
      expect(box.scrollHeight, box.dataset['chart']).to.be.at.most(box.clientHeight + 1);
    }
    const legend = shadow(el).querySelector('[data-chart=curves] .role-legend')!;
    expect(legend.textContent).to.contain('Q1').and.contain('min(Q1, Q2)');
  });

  it('draws the critics’ own outputs for the state, hanging down at rest', async () => {
    const curves = el.criticCurves!;
    expect([curves.angle, curves.velocity]).to.deep.equal([180, 0]);
    expect(curves.actions).to.have.length(101);
    const want = await direct(180, 0);
    expect([...curves.q1]).to.deep.equal([...want.q1]);
    expect([...curves.q2]).to.deep.equal([...want.q2]);
    expect(curves.mu).to.equal(want.mu);
    for (let i = 0; i < 101; i++)
      expect(curves.min[i]).to.equal(Math.min(want.q1[i]!, want.q2[i]!));

    // Three lines, each argmax marked where the curve is highest.
    const svg = shadow(el).querySelector('[data-chart=curves] svg')!;
    expect(svg.querySelectorAll('.mark-line path')).to.have.length(3);
    const best = (q: Float32Array) => q.indexOf(Math.max(...q));
    expect(curves.argmax).to.deep.equal([best(want.q1), best(want.q2), best(curves.min)]);
    const caption = shadow(el).querySelector('#curves-caption')!.textContent!;
    expect(caption).to.contain(`μ(s) = ${want.mu.toFixed(2).replace('-', '−')}`);
    expect(caption).to.contain(
      `Q1 at a = ${curves.actions[best(want.q1)]!.toFixed(2).replace('-', '−')}`,
    );
  });

  it('measures the single max above the truth and the clipped target below it', () => {
    const { q1, q2 } = el.criticCurves!;
    const truth = q1.map((v, i) => (v + q2[i]!) / 2);
    const again = overestimation(truth, el.sigma, el.samples, new Random(el.seed));
    const { single, clipped } = el.bias!;
    expect(single).to.deep.equal(meanInterval(again.single));
    expect(clipped).to.deep.equal(meanInterval(again.clipped));
    expect(single.low).to.be.above(0);
    expect(clipped.mean).to.be.below(single.mean);
    expect(clipped.low).to.be.below(0);

    const rows = [...shadow(el).querySelectorAll('[part=table] tbody tr')].map(
      (r) => r.textContent!,
    );
    expect(rows[0]).to.contain(single.mean.toFixed(3).replace('-', '−'));
    expect(rows[1]).to.contain(clipped.mean.toFixed(3).replace('-', '−'));
    expect(shadow(el).querySelectorAll('[data-chart=bias] .mark-rect path').length).to.be.above(4);
  });

  it('plots the recorded estimates against the measured return', async () => {
    const log = await loadLog('td3');
    const svg = shadow(el).querySelector('[data-chart=record] svg')!;
    expect(svg.querySelectorAll('.mark-line path')).to.have.length(4);
    const last = log.criticEstimates.at(-1)!;
    const caption = shadow(el).querySelector('#record-caption')!.textContent!;
    expect(caption).to.contain(last.minQ.toFixed(1).replace('-', '−'));
    expect(caption).to.contain(last.discountedReturn.toFixed(1).replace('-', '−'));
  });

  it('writes the clipped double-Q target as MathML and says where the weights come from', async () => {
    const math = shadow(el).querySelector('[part=formula] math')!;
    const text = math.textContent!.replace(/\s+/g, '');
    expect(text).to.contain('y=r+γmini=1,2').and.contain('Qθi′(s′,a~)');
    const { weights } = await loadManifest('td3-critics');
    expect(shadow(el).querySelector('[part=footnote]')!.textContent).to.contain(weights.note);
  });

  it('turns the pendulum from the keyboard and re-runs the critics', async () => {
    input(el, 'angle').focus();
    const changed = oneEvent(el, 'change') as Promise<SettingChangeEvent>;
    await sendKeys({ press: 'ArrowLeft' });
    const event = await changed;
    expect([event.setting, event.value]).to.deep.equal(['angle', 179]);
    expect(event.bubbles && event.composed).to.equal(true);
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => el.criticCurves!.angle === 178, 'not re-run', TIMEOUT);
    expect(el.status).to.equal('ready');
    const want = await direct(178, 0);
    expect([...el.criticCurves!.q1]).to.deep.equal([...want.q1]);
    expect(shadow(el).querySelector('.slider output')!.textContent).to.equal('178°');

    input(el, 'velocity').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => el.criticCurves!.velocity === 0.2, 'velocity', TIMEOUT);
    const moving = await direct(178, 0.2);
    expect(el.criticCurves!.mu).to.equal(moving.mu);
    expect([...el.criticCurves!.q2]).to.deep.equal([...moving.q2]);
    // The experiment follows the new curves.
    await waitUntil(() => el.bias && shadow(el).querySelector('[part=table]'), '', TIMEOUT);
    const truth = moving.q1.map((v, i) => (v + moving.q2[i]!) / 2);
    expect(el.bias!.single).to.deep.equal(
      meanInterval(overestimation(truth, el.sigma, el.samples, new Random(el.seed)).single),
    );
  });

  it('changes σ from the keyboard; no noise, no bias', async () => {
    input(el, 'sigma').focus();
    await sendKeys({ press: 'Home' });
    await waitUntil(() => el.sigma === 0 && el.bias?.single.mean === 0, 'σ = 0', TIMEOUT);
    expect(el.bias!.clipped.mean).to.equal(0);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => el.bias!.single.mean > 0, 'σ = 0.1', TIMEOUT);
    expect(el.sigma).to.equal(0.1);
  });

  it('jumps to the presets and to seeded random states', async () => {
    const button = (name: string) =>
      shadow(el).querySelector<HTMLButtonElement>(`button[data-preset=${name}]`)!;
    button('horizontal').focus();
    await sendKeys({ press: 'Enter' });
    expect([el.angle, el.velocity]).to.deep.equal([90, 0]);
    await el.updateComplete;
    expect(button('horizontal').getAttribute('aria-pressed')).to.equal('true');
    await waitUntil(() => el.criticCurves!.angle === 90, 'horizontal', TIMEOUT);

    // The random state is Pendulum-v1's reset from the figure's seed.
    const env = new Pendulum(el.seed);
    env.reset();
    const [theta, thetaDot] = env.state;
    const degrees = Math.round((((((theta! * 180) / Math.PI + 180) % 360) + 360) % 360) - 180);
    button('random').click();
    expect(el.angle).to.equal(degrees);
    expect(el.velocity).to.equal(Math.round(thetaDot! * 10) / 10);
    await waitUntil(() => el.criticCurves!.angle === degrees, 'random', TIMEOUT);

    button('down').click();
    await waitUntil(() => el.criticCurves!.angle === 180, 'down', TIMEOUT);
  });

  describe('errors', () => {
    async function failing(template: TemplateResult): Promise<[TwinCritics, FigureErrorEvent]> {
      let event: FigureErrorEvent | undefined;
      const listen = (e: Event) => {
        if (e instanceof FigureErrorEvent) event = e;
      };
      document.addEventListener('error', listen, true);
      try {
        const figure = await fixture<TwinCritics>(template);
        await waitUntil(() => event, 'no error event', TIMEOUT);
        expect(figure.status).to.equal('error');
        return [figure, event!];
      } finally {
        document.removeEventListener('error', listen, true);
      }
    }

    const alert = (figure: TwinCritics) =>
      shadow(figure).querySelector('[part=alert]')!.textContent;

    for (const [name, value, message] of [
      ['angle', '200', 'angle="200" is not a number from -180 to 180.'],
      ['velocity', 'fast', 'velocity="fast" is not a number from -8 to 8.'],
      ['sigma', '-1', 'sigma="-1" is not a number from 0 to 20.'],
      ['samples', '5', 'samples="5" is not a whole number from 10 to 10000.'],
      ['seed', '1.5', 'seed="1.5" is not a whole number from 0 to 4294967296.'],
    ]) {
      it(`reports ${name}="${value}"`, async () => {
        const figure = document.createElement('twin-critics');
        for (const [k, v] of [
          ['loading', 'eager'],
          ['backend', 'wasm'],
          [name!, value!],
        ]) {
          figure.setAttribute(k!, v!);
        }
        const [shown, event] = await failing(html`${figure}`);
        expect(shown).to.equal(figure);
        expect(event.code).to.equal('bad-attribute');
        expect(alert(figure)).to.contain(message);
      });
    }

    it('recovers when a bad value is put right, and fails when one is set while ready', async () => {
      const figure = await fixture<TwinCritics>(
        html`<twin-critics loading="eager" backend="wasm" angle="400"></twin-critics>`,
      );
      await settled(figure);
      expect(figure.status).to.equal('error');
      figure.angle = 45;
      await waitUntil(() => figure.status === 'ready', 'no recovery', TIMEOUT);
      expect(figure.criticCurves!.angle).to.equal(45);

      const failed = oneEvent(figure, 'error');
      figure.setAttribute('samples', '0');
      expect((await failed).code).to.equal('bad-attribute');
      expect(alert(figure)).to.contain('samples="0"');
    });

    it('reports a src that is not there, not ONNX, or not a TD3 critic', async () => {
      const cases = [
        ['/no/such/critics.onnx', 'model-not-found'],
        ['/packages/twin-critics/package.json', 'model-invalid'],
        [slices['ppo-critic'].model, 'model-mismatch'],
      ];
      for (const [src, code] of cases) {
        const [figure, event] = await failing(
          html`<twin-critics loading="eager" backend="wasm" src=${src!}></twin-critics>`,
        );
        expect(event.code, src).to.equal(code);
        figure.remove();
      }
    });
  });

  it('runs your own export of the critics from src', async () => {
    const src = slices['td3-critics'].model;
    const figure = await fixture<TwinCritics>(
      html`<twin-critics loading="eager" backend="wasm" src=${src}></twin-critics>`,
    );
    await settled(figure);
    expect(figure.status).to.equal('ready');
    expect(shadow(figure).querySelector('[part=footnote]')!.textContent).to.contain(
      `Your model at ${src}`,
    );
    const want = await direct(180, 0);
    expect([...figure.criticCurves!.q1]).to.deep.equal([...want.q1]);
  });
});
