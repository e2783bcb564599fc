import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FigureErrorEvent, acquireSession, type SessionHandle } from '@model-walkthroughs/core';
import { CartPole, Random } from '@model-walkthroughs/environments';
import { loadManifest, slices } from '@model-walkthroughs/slices-rl';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { render, type TemplateResult } from 'lit';
import '../src/define.js';
import { PUSH, median, type ActorCritic } from '../src/index.js';
import { expectNothingEscapes } from '../../core/test/helpers/escapes.js';

const TIMEOUT = { timeout: 30_000 };
const rawRaf = window.requestAnimationFrame.bind(window);

function settled(el: ActorCritic): Promise<void> {
  return waitUntil(() => el.status === 'ready' || el.status === 'error', 'never settled', TIMEOUT);
}

/** Waits `n` animation frames: for checking that something does not happen. */
async function frames(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => rawRaf(r));
}

const part = (el: ActorCritic, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part=${name}]`)!;

const button = (el: ActorCritic, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    b.textContent!.includes(label),
  )!;

describe('actor-critic', () => {
  let host: HTMLElement;
  let el: ActorCritic;
  let actor: SessionHandle;
  let critic: SessionHandle;

  /** What the networks say about a state, asked directly. */
  async function ask(state: ArrayLike<number>): Promise<{ probs: number[]; value: number }> {
    const feeds = { obs: { data: Float32Array.from(state), dims: [1, 4] } };
    const a = await actor.run(feeds, ['probs']);
    const c = await critic.run(feeds, ['value']);
    return { probs: Array.from(a.outputs['probs']!.data), value: c.outputs['value']!.data[0]! };
  }

  before(async () => {
    actor = await acquireSession(slices['ppo-actor'].model, 'wasm');
    critic = await acquireSession(slices['ppo-critic'].model, 'wasm');
    host = document.createElement('div');
    host.style.width = '720px';
    document.body.append(host);
    render(html`<actor-critic loading="eager" backend="wasm" seed="3"></actor-critic>`, host);
    el = host.querySelector('actor-critic')!;
    await settled(el);
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

  it('starts from the seed’s state, paused without autoplay', () => {
    const frame = el.episode!;
    expect(Array.from(frame.state)).to.deep.equal(Array.from(new CartPole(3).state));
    expect([frame.steps, frame.ret, frame.seed]).to.deep.equal([0, 0, 3]);
    expect(el.playing).to.equal(false);
    const canvas = part(el, 'canvas') as HTMLCanvasElement;
    expect(canvas.getAttribute('aria-label')).to.match(/^Cart at x = -?0\.0\d m .* step 0\.$/);
    expect(canvas.width).to.be.at.least(640);
  });

  it('shows the actor’s probabilities and the critic’s value for the state shown', async () => {
    const frame = el.episode!;
    const want = await ask(frame.state);
    expect(frame.probs[0]).to.be.closeTo(want.probs[0]!, 1e-6);
    expect(frame.probs[1]).to.be.closeTo(want.probs[1]!, 1e-6);
    expect(frame.value).to.be.closeTo(want.value, 1e-5);
    expect(frame.values).to.deep.equal([frame.value]);

    const policy = part(el, 'policy').textContent!.replace(/\s+/g, ' ');
    expect(policy).to.contain(`left ${want.probs[0]!.toFixed(3)}`);
    expect(policy).to.contain(`right → ${want.probs[1]!.toFixed(3)}`);
    expect(part(el, 'value').querySelector('[data-value]')!.textContent).to.equal(
      want.value.toFixed(2),
    );
  });

  it('steps once from the button with the action the policy picks', async () => {
    const before = el.episode!;
    const manifest = await loadManifest('ppo-actor');
    const greedy = manifest.evaluation.policy.startsWith('greedy');
    const draw = new Random(3 + 2 ** 32).next();
    const action = greedy
      ? before.probs[1] > before.probs[0]
        ? 1
        : 0
      : draw > before.probs[0]
        ? 1
        : 0;

    button(el, 'Step once').click();
    await waitUntil(() => el.episode!.steps === 1, 'no step', TIMEOUT);
    const after = el.episode!;
    expect(after.action).to.equal(action);
    const env = new CartPole(3);
    env.step(action);
    expect(Array.from(after.state)).to.deep.equal(Array.from(env.state));
    expect(after.ret).to.equal(1);
    expect(after.values).to.have.length(2);
    expect(after.value).to.be.closeTo((await ask(after.state)).value, 1e-5);
    expect(part(el, 'episode').textContent!.replace(/\s+/g, ' ')).to.contain(
      'Step 1 · return so far 1',
    );
  });

  it('pushes the cart from the keyboard on the canvas', async () => {
    const canvas = part(el, 'canvas');
    canvas.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.episode!.push).to.equal(-PUSH.force);
    expect(part(el, 'episode').textContent).to.contain(`push ← ${PUSH.force} N`);

    // The next steps carry the push: the same physics with −15 N added.
    for (let i = 0; i < PUSH.steps + 1; i++) {
      const before = el.episode!;
      const env = new CartPole();
      env.reset(undefined, { state: before.state });
      await el.step();
      const after = el.episode!;
      env.step(after.action!, i < PUSH.steps ? -PUSH.force : 0);
      expect(Array.from(after.state), `step ${i}`).to.deep.equal(Array.from(env.state));
    }
    expect(el.episode!.push).to.equal(0);

    await sendKeys({ press: 'ArrowRight' });
    expect(el.episode!.push).to.equal(PUSH.force);
  });

  it('plays and pauses from the button and with Space, and names the time per step', async () => {
    const start = el.episode!.steps;
    button(el, 'Play').click();
    await waitUntil(() => el.episode!.steps >= start + 10, 'not playing', TIMEOUT);
    expect(el.playing).to.equal(true);
    expect(button(el, 'Step once').disabled).to.equal(true);

    part(el, 'canvas').focus();
    await sendKeys({ press: 'Space' });
    expect(el.playing).to.equal(false);
    await frames(3);
    const stopped = el.episode!.steps;
    await frames(10);
    expect(el.episode!.steps).to.equal(stopped);

    const times = el.stepTimes;
    expect(times.length).to.be.greaterThan(10);
    const footnote = part(el, 'footnote').textContent!;
    expect(footnote).to.contain('Ran on WASM');
    expect(footnote).to.contain(`${median(times).toFixed(2)} ms per step`);
    expect(median(times)).to.be.below(50);
    const { weights } = await loadManifest('ppo-actor');
    expect(footnote).to.contain(weights.note);
  });

  it('ends the episode when the pole falls, then starts the next seed', async () => {
    // Keep pushing right until the episode terminates.
    while (!el.episode!.end) {
      el.push('right');
      await el.step();
    }
    const last = el.episode!;
    expect(last.end).to.be.oneOf(['pole', 'track']);
    const x = Math.abs(last.state[0]!);
    const theta = Math.abs(last.state[2]!);
    expect(x > 2.4 || theta > (12 * Math.PI) / 180).to.equal(true);
    expect(el.shadowRoot!.querySelector('.end')!.textContent).to.contain('terminated');
    expect(last.ret).to.equal(last.steps);

    await el.step();
    const next = el.episode!;
    expect([next.seed, next.steps, next.ret]).to.deep.equal([4, 0, 0]);
    expect(Array.from(next.state)).to.deep.equal(Array.from(new CartPole(4).state));
  });

  it('starts a new episode from the next seed on request', async () => {
    button(el, 'New episode').click();
    await waitUntil(() => el.episode!.seed === 5, 'no new episode', TIMEOUT);
    expect(Array.from(el.episode!.state)).to.deep.equal(Array.from(new CartPole(5).state));
  });

  it('pauses while scrolled out of view', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '300vh';
    host.before(spacer);
    try {
      el.play();
      await frames(20);
      const hidden = el.episode!.steps;
      await frames(20);
      expect(el.episode!.steps).to.equal(hidden);
      expect(el.playing).to.equal(true);

      spacer.remove();
      await waitUntil(() => el.episode!.steps > hidden + 3, 'did not resume', TIMEOUT);
    } finally {
      spacer.remove();
      el.pause();
    }
  });

  it('stops its animation loop when removed', async () => {
    const figure = await fixture<ActorCritic>(
      html`<actor-critic loading="eager" backend="wasm" autoplay speed="60"></actor-critic>`,
    );
    await settled(figure);
    await waitUntil(() => figure.episode!.steps > 2, 'not playing', TIMEOUT);

    let calls = 0;
    const original = window.requestAnimationFrame;
    window.requestAnimationFrame = (cb) => {
      calls++;
      return original.call(window, cb);
    };
    try {
      figure.remove();
      await frames(5);
      const steps = figure.episode!.steps;
      calls = 0;
      await frames(10);
      expect(calls).to.equal(0);
      expect(figure.episode!.steps).to.equal(steps);
      expect(figure.playing).to.equal(false);
    } finally {
      window.requestAnimationFrame = original;
    }
  });

  it('starts paused when the reader prefers reduced motion, and still steps', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const figure = await fixture<ActorCritic>(
        html`<actor-critic loading="eager" backend="wasm" autoplay></actor-critic>`,
      );
      await settled(figure);
      await frames(10);
      expect(figure.playing).to.equal(false);
      expect(figure.episode!.steps).to.equal(0);
      button(figure, 'Step once').click();
      await waitUntil(() => figure.episode!.steps === 1, 'no step', TIMEOUT);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('acts greedily when asked', async () => {
    const figure = await fixture<ActorCritic>(
      html`<actor-critic loading="eager" backend="wasm" policy="greedy" seed="9"></actor-critic>`,
    );
    await settled(figure);
    for (let i = 0; i < 5; i++) {
      const { probs } = figure.episode!;
      await figure.step();
      expect(figure.episode!.action).to.equal(probs[1] > probs[0] ? 1 : 0);
    }
  });

  it('runs on WebGPU with the same numbers', async () => {
    const figure = await fixture<ActorCritic>(
      html`<actor-critic loading="eager" backend="webgpu" seed="3"></actor-critic>`,
    );
    await settled(figure);
    expect(figure.status).to.equal('ready');
    const want = await ask(figure.episode!.state);
    expect(figure.episode!.value).to.be.closeTo(want.value, 1e-3);
    expect(figure.episode!.probs[0]).to.be.closeTo(want.probs[0]!, 1e-4);
    await figure.step();
    expect(figure.episode!.steps).to.equal(1);
    expect(part(figure, 'footnote').textContent).to.contain('Ran on WebGPU');
  });

  describe('errors', () => {
    async function failing(template: TemplateResult): Promise<[ActorCritic, FigureErrorEvent]> {
      let event: FigureErrorEvent | undefined;
      const listen = (e: Event) => {
        if (e instanceof FigureErrorEvent) event = e;
      };
      document.addEventListener('error', listen, true);
      try {
        const figure = await fixture<ActorCritic>(template);
        await waitUntil(() => event, 'no error event', TIMEOUT);
        expect(figure.status).to.equal('error');
        return [figure, event!];
      } finally {
        document.removeEventListener('error', listen, true);
      }
    }

    const bad = [
      ['seed', '-1', 'seed="-1" is not a whole number from 0 to 4294967295.'],
      ['seed', 'abc', 'seed="abc" is not a whole number'],
      ['seed', '1.5', 'seed="1.5" is not a whole number'],
      ['speed', '0', 'speed="0" is not a number of steps per second from 1 to 60.'],
      ['speed', '120', 'speed="120" is not'],
      ['policy', 'random', 'policy="random" is not one of "auto", "sampled", "greedy".'],
    ];
    for (const [name, value, message] of bad) {
      it(`reports ${name}="${value}"`, async () => {
        const figure = document.createElement('actor-critic');
        figure.setAttribute('loading', 'eager');
        figure.setAttribute(name!, value!);
        const errored = oneEvent(figure, 'error') as Promise<FigureErrorEvent>;
        document.body.append(figure);
        try {
          const event = await errored;
          expect(event.code).to.equal('bad-attribute');
          await figure.updateComplete;
          expect(part(figure, 'alert').textContent).to.contain(message);
        } finally {
          figure.remove();
        }
      });
    }

    it('reports a src that is not there', async () => {
      const [, event] = await failing(
        html`<actor-critic loading="eager" backend="wasm" src="/no/such.onnx"></actor-critic>`,
      );
      expect(event.code).to.equal('model-not-found');
    });

    it('reports a model with other inputs', async () => {
      const [figure, event] = await failing(
        html`<actor-critic
          loading="eager"
          backend="wasm"
          src=${slices['td3-actor'].model}
        ></actor-critic>`,
      );
      expect(event.code).to.equal('model-mismatch');
      expect(part(figure, 'alert').textContent).to.contain('probs');
    });
  });
});
