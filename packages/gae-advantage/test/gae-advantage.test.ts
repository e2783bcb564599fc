import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FigureErrorEvent, acquireSession, type SessionHandle } from '@model-walkthroughs/core';
import { CartPole } from '@model-walkthroughs/environments';
import { loadManifest, slices } from '@model-walkthroughs/slices-rl';
import { sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import '../src/define.js';
import { PUSH, estimates, rollout, type GaeAdvantage } from '../src/index.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';

const TIMEOUT = { timeout: 40_000 };

function settled(el: GaeAdvantage): Promise<void> {
  return waitUntil(() => el.status === 'ready' || el.status === 'error', 'never settled', TIMEOUT);
}

const $ = <T extends Element = HTMLElement>(el: GaeAdvantage, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;

function charts(el: GaeAdvantage): Promise<unknown> {
  return waitUntil(
    () => [...el.shadowRoot!.querySelectorAll('[part=chart]')].every((c) => c.querySelector('svg')),
    'no charts',
    TIMEOUT,
  );
}

describe('gae-advantage', () => {
  let host: HTMLElement;
  let el: GaeAdvantage;
  let actor: SessionHandle;
  let critic: SessionHandle;

  before(async () => {
    actor = await acquireSession(slices['ppo-actor'].model, 'wasm');
    critic = await acquireSession(slices['ppo-critic'].model, 'wasm');
    host = document.createElement('div');
    host.style.width = '760px';
    document.body.append(host);
    render(html`<gae-advantage loading="eager" backend="wasm" seed="2"></gae-advantage>`, host);
    el = host.querySelector('gae-advantage')!;
    await settled(el);
    await charts(el);
  });

  after(() => {
    host.remove();
    actor.release();
    critic.release();
  });

  expectNothingEscapes();

  it('is accessible when ready', async () => {
    expect(el.status).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('rolls out the trained policy with the push, until the pole falls', async () => {
    const run = el.rollout!;
    const T = run.actions.length;
    expect(run.end).to.equal('terminated');
    expect(T).to.be.within(PUSH.at + 1, PUSH.at + 40);
    expect(run.dones).to.deep.equal(run.actions.map((_, t) => (t === T - 1 ? 1 : 0)));
    expect(run.rewards.every((r) => r === 1)).to.equal(true);
    expect(run.pushes.filter((f) => f === PUSH.force)).to.have.length(PUSH.steps);
    expect(run.pushes.indexOf(PUSH.force)).to.equal(PUSH.at);

    // Replaying the actions in the environment gives the same observations.
    const env = new CartPole(2);
    for (let t = 0; t < T; t++) env.step(run.actions[t]!, run.pushes[t]!);
    expect(Array.from(run.observations.subarray(T * 4))).to.deep.equal(Array.from(env.observation));

    // And the actor, asked directly, picks the same actions.
    const manifest = await loadManifest('ppo-actor');
    const again = await rollout(
      async (obs) => {
        const { outputs } = await actor.run({ obs: { data: obs, dims: [1, 4] } }, ['probs']);
        return [outputs['probs']!.data[0]!, outputs['probs']!.data[1]!] as const;
      },
      {
        seed: 2,
        maxSteps: 200,
        rule: manifest.evaluation.policy.startsWith('greedy') ? 'greedy' : 'sampled',
        push: PUSH,
      },
    );
    expect(again.actions).to.deep.equal(run.actions);
  });

  it('shows the critic’s values of the rollout’s states', async () => {
    const run = el.rollout!;
    const T = run.actions.length;
    const { outputs } = await critic.run({ obs: { data: run.observations, dims: [T + 1, 4] } }, [
      'value',
    ]);
    const want = outputs['value']!.data;
    const got = el.values!;
    expect(got).to.have.length(T + 1);
    for (let t = 0; t <= T; t++) expect(got[t], `V(s_${t})`).to.be.closeTo(want[t]!, 1e-5);
  });

  it('starts at the γ and λ PPO trained with and shows the pure functions’ numbers', async () => {
    const { hyperparameters } = await loadManifest('ppo-critic');
    const gamma = hyperparameters['gamma'] as number;
    const lambda = hyperparameters['lambda'] as number;
    const sliders = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=range]');
    expect(Number(sliders[0]!.value)).to.equal(gamma);
    expect(Number(sliders[1]!.value)).to.equal(lambda);

    const run = el.rollout!;
    const want = estimates(run.rewards, el.values!, run.dones, gamma, lambda);
    expect(Array.from(el.estimates!.advantages)).to.deep.equal(Array.from(want.advantages));

    // The last step is selected: its δ is r − V(s) (done), written out.
    const T = run.actions.length;
    const delta = $(el, '[data-delta]').textContent!.replace(/\s+/g, ' ');
    const fmt = (v: number, d: number) => v.toFixed(d).replace('-', '−');
    expect(delta).to.contain(`× (1 − 1) − ${fmt(el.values![T - 1]!, 2)}`);
    expect(delta).to.contain(`= ${fmt(1 - el.values![T - 1]!, 3)}`);
    expect($(el, '[data-advantage]').textContent).to.contain(fmt(want.advantages[T - 1]!, 3));
  });

  it('equals the TD error at λ = 0 and G − V at λ = 1, and says so', async () => {
    const lambda = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=range]')[1]!;
    lambda.focus();
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.lambda).to.equal(0);
    let e = el.estimates!;
    expect(Array.from(e.advantages)).to.deep.equal(Array.from(e.deltas));
    const line = () => $(el, '[part=identity]').textContent!.replace(/\s+/g, ' ');
    expect(line()).to.contain('max |Âₜ − δₜ| = 0: at λ = 0 the advantage is the TD error');

    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.lambda).to.equal(1);
    e = el.estimates!;
    expect(e.fromMonteCarlo).to.be.below(1e-9);
    expect(e.fromTd).to.be.above(0.1);
    expect(line()).to.contain('at λ = 1 the advantage is the Monte Carlo return minus V');

    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.lambda).to.be.closeTo(0.99, 1e-12);
    expect($(el, '[part=controls]').textContent).to.contain('0.99');
  });

  it('draws δ, Â and G − V, and V and G, as charts', async () => {
    await charts(el);
    const svg = $(el, '[data-chart=advantage] svg');
    const labels = [...svg.querySelectorAll('.mark-line path')].map(
      (p) => p.getAttribute('aria-label') ?? '',
    );
    expect(labels.some((l) => l.includes('Âₜ (GAE)'))).to.equal(true);
    expect(labels.some((l) => l.includes('δₜ (TD error)'))).to.equal(true);
    expect($(el, '[data-chart=value] svg')).to.exist;
    expect($(el, '[part=caption]').textContent).to.contain(`A push of ${PUSH.force} N`);
  });

  it('moves through the steps with the keyboard', async () => {
    const step = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=range]')[2]!;
    step.focus();
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect($(el, '[part=step] caption').textContent).to.contain('Step t = 0');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect($(el, '[part=step] caption').textContent).to.contain('Step t = 1');
  });

  it('renders δₜ and Âₜ as MathML', () => {
    const maths = el.shadowRoot!.querySelectorAll('[part=formula] math');
    expect(maths).to.have.length(2);
    expect(maths[1]!.textContent!.replace(/\s+/g, '')).to.contain('(γλ)');
  });

  it('rolls out a free episode when asked, cut and bootstrapped', async () => {
    const figure = await fixture<GaeAdvantage>(
      html`<gae-advantage
        loading="eager"
        backend="wasm"
        episode="free"
        steps="40"
      ></gae-advantage>`,
    );
    await settled(figure);
    const run = figure.rollout!;
    expect(run.actions).to.have.length(40);
    expect(run.end).to.equal('cut');
    expect(run.dones.every((d) => d === 0)).to.equal(true);
    expect(run.pushes.every((f) => f === 0)).to.equal(true);
    const e = figure.estimates!;
    // Bootstrapped: G₃₉ = 1 + γ V(s₄₀).
    const gamma = Number(figure.shadowRoot!.querySelector<HTMLInputElement>('input')!.value);
    expect(e.returns[39]).to.be.closeTo(1 + gamma * figure.values![40]!, 1e-9);
    expect(figure.shadowRoot!.querySelector('[part=footnote]')!.textContent).to.contain(
      '40 actor calls and one critic call on all 41 states',
    );
  });

  it('switches episode from its buttons', async () => {
    const figure = await fixture<GaeAdvantage>(
      html`<gae-advantage loading="eager" backend="wasm" steps="30"></gae-advantage>`,
    );
    await settled(figure);
    expect(figure.rollout!.end).to.equal('cut'); // 30 steps, before the push
    figure.shadowRoot!.querySelector<HTMLButtonElement>('[data-episode=free]')!.click();
    await waitUntil(() => figure.episode === 'free' && figure.status === 'ready', '', TIMEOUT);
    expect(
      figure.shadowRoot!.querySelector('[data-episode=free]')!.getAttribute('aria-pressed'),
    ).to.equal('true');
  });

  it('runs on WebGPU with the same rollout and values', async () => {
    const figure = await fixture<GaeAdvantage>(
      html`<gae-advantage loading="eager" backend="webgpu" seed="2"></gae-advantage>`,
    );
    await settled(figure);
    expect(figure.status).to.equal('ready');
    expect(figure.rollout!.actions).to.deep.equal(el.rollout!.actions);
    const [got, want] = [figure.values!, el.values!];
    for (let t = 0; t < want.length; t++) expect(got[t]).to.be.closeTo(want[t]!, 1e-3);
    expect($(figure, '[part=footnote]').textContent).to.contain('Ran on WebGPU');
  });

  describe('errors', () => {
    const bad = [
      ['seed', '-3', 'seed="-3" is not a whole number from 0 to 4294967295.'],
      ['episode', 'calm', 'episode="calm" is not one of "pushed", "free".'],
      ['steps', '5', 'steps="5" is not a whole number from 10 to 500.'],
      ['gamma', '1.5', 'gamma="1.5" is not a number from 0.5 to 1.'],
      ['lambda', 'x', 'lambda="x" is not a number from 0 to 1.'],
    ];
    for (const [name, value, message] of bad) {
      it(`reports ${name}="${value}"`, async () => {
        const figure = document.createElement('gae-advantage');
        figure.setAttribute('loading', 'eager');
        figure.setAttribute(name!, value!);
        const errored = oneEvent(figure, 'error') as Promise<FigureErrorEvent>;
        document.body.append(figure);
        try {
          const event = await errored;
          expect(event.code).to.equal('bad-attribute');
          await figure.updateComplete;
          expect($(figure, '[part=alert]').textContent).to.contain(message);
        } finally {
          figure.remove();
        }
      });
    }

    it('reports a model with other inputs', async () => {
      const figure = document.createElement('gae-advantage');
      figure.setAttribute('loading', 'eager');
      figure.setAttribute('backend', 'wasm');
      figure.setAttribute('src', slices['td3-actor'].model);
      const errored = oneEvent(figure, 'error') as Promise<FigureErrorEvent>;
      document.body.append(figure);
      try {
        expect((await errored).code).to.equal('model-mismatch');
      } finally {
        figure.remove();
      }
    });
  });
});
