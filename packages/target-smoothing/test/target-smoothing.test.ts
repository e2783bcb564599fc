import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FigureErrorEvent, acquireSession, type SessionHandle } from '@model-walkthroughs/core';
import { Random } from '@model-walkthroughs/environments';
import { loadLog, loadManifest, slices } from '@model-walkthroughs/slices-rl';
import { sendKeys } from '@web/test-runner-commands';
import { render, type TemplateResult } from 'lit';
import '../src/define.js';
import type { SettingChangeEvent, TargetSmoothing } from '../src/index.js';
import { actorFeeds } from '@model-walkthroughs/twin-critics';
import { delaySchedule, meanInterval, normalCdf, targetAction } from '../src/smoothing.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';

const TIMEOUT = { timeout: 55_000 };

function settled(el: TargetSmoothing): Promise<void> {
  return waitUntil(() => el.status === 'ready' || el.status === 'error', 'never settled', TIMEOUT);
}

const shadow = (el: TargetSmoothing) => el.shadowRoot!;
const input = (el: TargetSmoothing, name: string) =>
  shadow(el).querySelector<HTMLInputElement>(`input[data-setting=${name}]`)!;
const minus = (v: number, digits = 2) => v.toFixed(digits).replace('-', '−');

describe('target-smoothing', () => {
  let host: HTMLElement;
  let el: TargetSmoothing;
  let critic: SessionHandle;
  let actor: SessionHandle;

  /** min(Q1, Q2) for a state at each action, run here directly. */
  async function minQ(angle: number, velocity: number, actions: Float32Array) {
    const obs = new Float32Array(actions.length * 3);
    const one = actorFeeds(angle, velocity).obs.data;
    for (let i = 0; i < actions.length; i++) obs.set(one, 3 * i);
    const { outputs } = await critic.run({
      obs: { data: obs, dims: [actions.length, 3] },
      action: { data: actions, dims: [actions.length, 1] },
    });
    return outputs['q1']!.data.map((q, i) => Math.min(q, outputs['q2']!.data[i]!));
  }

  async function mu(angle: number, velocity: number) {
    return (await actor.run(actorFeeds(angle, velocity))).outputs['action']!.data[0]!;
  }

  before(async () => {
    host = document.createElement('div');
    host.style.width = '760px';
    document.body.append(host);
    render(html`<target-smoothing loading="eager" backend="wasm"></target-smoothing>`, host);
    el = host.querySelector('target-smoothing')!;
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
      () => shadow(el).querySelectorAll('[part=chart] svg').length === 2,
      'charts',
      TIMEOUT,
    );
    await expect(el).to.be.accessible();
  });

  it('shows both charts whole, legends included', () => {
    for (const box of shadow(el).querySelectorAll<HTMLElement>('[part=chart]')) {
      expect(box.scrollHeight, box.dataset['chart']).to.be.at.most(box.clientHeight + 1);
    }
    const legend = shadow(el).querySelector('[data-chart=spread] .role-legend')!;
    expect(legend.textContent).to.contain('seeded ã').and.contain('expected');
  });

  it('takes σ, c and d from the recorded run, scaled to the torque', async () => {
    const { hyperparameters: h } = await loadLog('td3');
    expect(el.settings.sigma).to.be.closeTo(h.policyNoise * 2, 1e-12);
    expect(el.settings.clip).to.be.closeTo(h.noiseClip * 2, 1e-12);
    expect(el.settings.delay).to.equal(h.policyDelay);
    expect(input(el, 'sigma').value).to.equal(String(h.policyNoise * 2));
    expect(shadow(el).textContent).to.contain(`${minus(h.policyNoise * 2)} N·m`);
  });

  it('draws the seeded target actions with the critics’ own values', async () => {
    const s = el.smoothing!;
    const want = await mu(s.angle, s.velocity);
    expect(s.mu).to.equal(want);

    // ã = clip(μ + clip(ε, −c, c), −2, 2) with ε = σ · the seeded normals.
    const random = new Random(el.seed);
    const targets = Float32Array.from({ length: el.samples }, () =>
      targetAction(want, s.sigma * random.normal(), s.clip),
    );
    expect([...s.samples]).to.deep.equal([...targets]);
    for (const a of s.samples) {
      expect(a).to.be.within(Math.max(-2, want - s.clip) - 1e-6, Math.min(2, want + s.clip) + 1e-6);
    }

    const q = await minQ(s.angle, s.velocity, s.samples);
    for (let i = 0; i < q.length; i++) expect(s.sampleQ[i]).to.be.closeTo(q[i]!, 1e-5);
    const curve = await minQ(s.angle, s.velocity, s.actions);
    for (let i = 0; i < 101; i++) expect(s.curve[i]).to.be.closeTo(curve[i]!, 1e-5);
    const [atMu] = await minQ(s.angle, s.velocity, Float32Array.of(want));
    expect(s.atMu).to.be.closeTo(atMu!, 1e-5);
    expect(s.smoothed).to.deep.equal(meanInterval(s.sampleQ));

    const shown = shadow(el).querySelector('[part=values]')!.textContent!;
    expect(shown).to.contain(`min(Q1, Q2)(s, μ(s)) = ${minus(s.atMu)}`);
    expect(shown).to.contain(`E[min(Q1, Q2)(s, ã)] = ${minus(s.smoothed.mean)}`);
    const svg = shadow(el).querySelector('[data-chart=critic] svg')!;
    expect(svg.querySelectorAll('.mark-symbol path').length).to.equal(el.samples);
  });

  it('says how much of the noise is clipped', () => {
    const { sigma, clip } = el.settings;
    const caption = shadow(el).querySelector('#spread-caption')!.textContent!;
    expect(caption).to.contain(`${(200 * normalCdf(-clip / sigma)).toFixed(1)}% of the noise`);
  });

  it('writes ã and the target as MathML and says where the weights come from', async () => {
    const text = shadow(el).querySelector('[part=formula] math')!.textContent!.replace(/\s+/g, '');
    expect(text).to.contain('clip').and.contain('(ϵ,−c,c),−2,2)');
    const { weights } = await loadManifest('td3-critics');
    expect(shadow(el).querySelector('[part=footnote]')!.textContent).to.contain(weights.note);
  });

  it('shows the recorded delayed updates and recomputes them for another d', async () => {
    const log = await loadLog('td3');
    const recorded = log.updates.map((u) => u.actorUpdated);
    expect(recorded).to.have.length(40);
    // The rule the figure draws reproduces the recorded run.
    expect(delaySchedule(40, log.hyperparameters.policyDelay)).to.deep.equal(recorded);
    const cells = (cls: string) => shadow(el).querySelectorAll(`[part=strip] rect.${cls}`).length;
    expect(cells('critic')).to.equal(40);
    expect(cells('recorded')).to.equal(recorded.filter(Boolean).length);
    expect(cells('actor')).to.equal(recorded.filter(Boolean).length);

    input(el, 'delay').focus();
    const changed = oneEvent(el, 'change') as Promise<SettingChangeEvent>;
    await sendKeys({ press: 'ArrowRight' });
    expect((await changed).setting).to.equal('delay');
    await el.updateComplete;
    const d = log.hyperparameters.policyDelay + 1;
    expect(el.delay).to.equal(d);
    expect(cells('actor')).to.equal(Math.floor(40 / d));
    const label = shadow(el).querySelector('[part=strip]')!.getAttribute('aria-label')!;
    expect(label)
      .to.contain(`with d = ${d}`)
      .and.contain(`The recorded run used d = ${log.hyperparameters.policyDelay}.`);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(cells('actor')).to.equal(cells('recorded'));
  });

  it('narrows the noise from the keyboard: c = 0 gives the unsmoothed value', async () => {
    input(el, 'clip').focus();
    await sendKeys({ press: 'Home' });
    await waitUntil(() => el.smoothing!.clip === 0, 'c = 0', TIMEOUT);
    const s = el.smoothing!;
    expect(new Set(s.samples).size).to.equal(1);
    expect(s.samples[0]).to.equal(Math.fround(s.mu));
    expect(s.smoothed.mean).to.be.closeTo(s.atMu, 1e-6);

    input(el, 'sigma').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => el.smoothing!.sigma === el.sigma, 'σ', TIMEOUT);
    el.clip = undefined;
    el.sigma = undefined;
    await waitUntil(() => el.smoothing!.clip > 0 && el.smoothing!.sigma > 0, 'back', TIMEOUT);
  });

  it('moves the state from the keyboard and re-runs actor and critics', async () => {
    const start = el.angle;
    input(el, 'angle').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => el.smoothing!.angle === start + 2, 'angle', TIMEOUT);
    expect(el.smoothing!.mu).to.equal(await mu(start + 2, 0));
    const button = shadow(el).querySelector<HTMLButtonElement>('button[data-preset=down]')!;
    button.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => el.smoothing!.angle === 180, 'down', TIMEOUT);
    expect(el.smoothing!.mu).to.equal(await mu(180, 0));
  });

  describe('errors', () => {
    async function failing(template: TemplateResult): Promise<[TargetSmoothing, FigureErrorEvent]> {
      let event: FigureErrorEvent | undefined;
      const listen = (e: Event) => {
        if (e instanceof FigureErrorEvent) event = e;
      };
      document.addEventListener('error', listen, true);
      try {
        const figure = await fixture<TargetSmoothing>(template);
        await waitUntil(() => event, 'no error event', TIMEOUT);
        expect(figure.status).to.equal('error');
        return [figure, event!];
      } finally {
        document.removeEventListener('error', listen, true);
      }
    }

    for (const [name, value, message] of [
      ['sigma', '3', 'sigma="3" is not a number from 0 to 2.'],
      ['clip', 'wide', 'clip="wide" is not a number from 0 to 2.'],
      ['delay', '0', 'delay="0" is not a whole number from 1 to 8.'],
      ['samples', '2.5', 'samples="2.5" is not a whole number from 16 to 4096.'],
      ['angle', '-181', 'angle="-181" is not a number from -180 to 180.'],
    ]) {
      it(`reports ${name}="${value}"`, async () => {
        const figure = document.createElement('target-smoothing');
        for (const [k, v] of [
          ['loading', 'eager'],
          ['backend', 'wasm'],
          [name!, value!],
        ]) {
          figure.setAttribute(k!, v!);
        }
        const [, event] = await failing(html`${figure}`);
        expect(event.code).to.equal('bad-attribute');
        expect(shadow(figure).querySelector('[part=alert]')!.textContent).to.contain(message);
      });
    }

    it('reports a src that is not a TD3 critic, and recovers from a bad value', async () => {
      const [, event] = await failing(
        html`<target-smoothing
          loading="eager"
          backend="wasm"
          src=${slices['sac-actor'].model}
        ></target-smoothing>`,
      );
      expect(event.code).to.equal('model-mismatch');

      const figure = await fixture<TargetSmoothing>(
        html`<target-smoothing loading="eager" backend="wasm" delay="9"></target-smoothing>`,
      );
      await settled(figure);
      expect(figure.status).to.equal('error');
      figure.delay = 3;
      await waitUntil(() => figure.status === 'ready', 'no recovery', TIMEOUT);
      expect(shadow(figure).querySelectorAll('[part=strip] rect.actor').length).to.equal(13);
    });
  });
});
