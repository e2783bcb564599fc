import { expect } from '@open-wc/testing';
import { CartPole, Pendulum, type StepResult } from '../src/index.js';

// Float64 trajectories of models/rl/envs.py, the environments the agents
// were trained in, written by the slices-rl export.
const REFERENCE = '/packages/slices-rl/data/env-reference.json';

interface Tolerance {
  atol: number;
  rtol: number;
}

interface RefStep {
  step: number;
  action?: 0 | 1;
  pushForce?: number;
  torque?: number;
  state: number[];
  observation: number[];
  reward: number;
  terminated: boolean;
  truncated: boolean;
}

interface Trajectory {
  name: string;
  start: number[];
  startObservation?: number[];
  steps: RefStep[];
}

interface Reference {
  tolerance: { state: Tolerance; reward: Tolerance; observation: Tolerance };
  cartpole: { trajectories: Trajectory[] };
  pendulum: { trajectories: Trajectory[] };
}

function close(got: number, want: number, { atol, rtol }: Tolerance): boolean {
  return Math.abs(got - want) <= atol + rtol * Math.abs(want);
}

describe('environments against the Python reference', () => {
  let ref: Reference;

  before(async () => {
    const response = await fetch(REFERENCE);
    expect(response.ok, `${REFERENCE} is there`).to.equal(true);
    ref = (await response.json()) as Reference;
  });

  it('asks for float64 agreement (1e-9 or tighter)', () => {
    expect(ref.tolerance.observation.atol).to.be.at.most(1e-6);
    for (const t of [ref.tolerance.state, ref.tolerance.reward]) {
      expect(t.atol).to.be.at.most(1e-9);
      expect(t.rtol).to.be.at.most(1e-9);
    }
  });

  // CartPole's observation is the state rounded to float32: exact. Pendulum's
  // goes through cos and sin, whose last bit may differ between V8 and C's
  // libm: within the file's atol.
  function check(
    name: string,
    got: StepResult,
    state: Float64Array,
    want: RefStep,
    exact: boolean,
  ): void {
    const at = `${name} step ${want.step}`;
    want.state.forEach((w, i) => {
      expect(close(state[i]!, w, ref.tolerance.state), `${at} state[${i}]: ${state[i]} vs ${w}`).to
        .be.true;
    });
    expect(close(got.reward, want.reward, ref.tolerance.reward), `${at} reward`).to.be.true;
    const observed = Array.from(got.observation);
    const stored = Array.from(Float32Array.from(want.observation));
    if (exact) expect(observed, `${at} observation`).to.deep.equal(stored);
    const { atol } = ref.tolerance.observation;
    observed.forEach((v, i) =>
      expect(v, `${at} observation[${i}]`).to.be.closeTo(stored[i]!, atol),
    );
    expect(got.terminated, `${at} terminated`).to.equal(want.terminated);
    expect(got.truncated, `${at} truncated`).to.equal(want.truncated);
  }

  it('replays every CartPole trajectory', () => {
    const { trajectories } = ref.cartpole;
    expect(trajectories.length).to.be.greaterThan(0);
    expect(trajectories.some((t) => t.steps.at(-1)!.terminated)).to.equal(true);
    const env = new CartPole();
    for (const trajectory of trajectories) {
      env.reset(undefined, { state: trajectory.start });
      for (const want of trajectory.steps) {
        const got = env.step(want.action!, want.pushForce ?? 0);
        check(trajectory.name, got, env.state, want, true);
      }
    }
  });

  it('replays every Pendulum trajectory', () => {
    const { trajectories } = ref.pendulum;
    expect(trajectories.length).to.be.greaterThan(0);
    const env = new Pendulum();
    for (const trajectory of trajectories) {
      const start = env.reset(undefined, { state: trajectory.start });
      const first = trajectory.startObservation ?? [];
      first.forEach((v, i) => expect(start[i]).to.be.closeTo(v, ref.tolerance.observation.atol));
      for (const want of trajectory.steps) {
        const got = env.step(want.torque!);
        check(trajectory.name, got, env.state, want, false);
      }
    }
  });
});
