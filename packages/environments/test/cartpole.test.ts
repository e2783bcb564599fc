import { expect } from '@open-wc/testing';
import { CARTPOLE, CartPole } from '../src/index.js';

describe('CartPole', () => {
  it('has the constants of CartPole-v1', () => {
    expect(CARTPOLE).to.include({
      gravity: 9.8,
      massCart: 1,
      massPole: 0.1,
      length: 0.5,
      forceMag: 10,
      tau: 0.02,
      xThreshold: 2.4,
      maxSteps: 500,
    });
    expect(CARTPOLE.thetaThreshold).to.be.closeTo((12 * Math.PI) / 180, 1e-15);
  });

  it('takes one step worked out by hand with θ = 0', () => {
    const env = new CartPole();
    env.reset(undefined, { state: [0.1, -0.2, 0, 0.5] });
    const result = env.step(1);

    // F = +10, sin θ = 0, cos θ = 1, total mass 1.1, m_p·l = 0.05:
    // temp = (F + m_p l θ̇² sin θ) / M          = 10 / 1.1 = 100/11
    // θ̈ = (g sin θ − cos θ · temp) / (l (4/3 − m_p cos²θ / M))
    //    = −(100/11) / (0.5 (4/3 − 1/11)) = −(100/11) / (41/66) = −600/41
    // ẍ = temp − m_p l θ̈ cos θ / M = 100/11 + 0.05 (600/41) / 1.1 = 400/41
    // Euler with τ = 0.02, positions from the old velocities:
    const want = [
      0.1 + 0.02 * -0.2, // x + τ ẋ = 0.096
      -0.2 + 0.02 * (400 / 41), // ẋ + τ ẍ = −0.2/41
      0 + 0.02 * 0.5, // θ + τ θ̇ = 0.01
      0.5 + 0.02 * (-600 / 41), // θ̇ + τ θ̈ = 8.5/41
    ];
    expect(want[1]).to.be.closeTo(-0.2 / 41, 1e-15);
    expect(want[3]).to.be.closeTo(8.5 / 41, 1e-15);
    const state = env.state;
    want.forEach((w, i) => expect(state[i], `state[${i}]`).to.be.closeTo(w, 1e-14));
    expect(Array.from(result.observation)).to.deep.equal(Array.from(Float32Array.from(want)));
    expect(result).to.include({ reward: 1, terminated: false, truncated: false });
    expect(env.steps).to.equal(1);
  });

  it('takes one step worked out by hand with θ = 30° and a push', () => {
    const env = new CartPole();
    env.reset(undefined, { state: [0, 0.5, Math.PI / 6, 2] });
    // Action 0 pushes left (−10 N); the reader adds +5 N for this step.
    const result = env.step(0, 5);

    const F = -10 + 5;
    const sin = 0.5;
    const cos = Math.sqrt(3) / 2;
    const temp = (F + 0.05 * 2 ** 2 * sin) / 1.1; // (−5 + 0.1) / 1.1
    const thetaAcc = (9.8 * sin - cos * temp) / (0.5 * (4 / 3 - (0.1 * 0.75) / 1.1));
    const xAcc = temp - (0.05 * thetaAcc * cos) / 1.1;
    expect(temp).to.be.closeTo(-4.454545454545, 1e-12);
    // (4.9 + 0.866 · 4.4545) / (0.5 · 1.26515) = 8.75775 / 0.632576
    expect(thetaAcc).to.be.closeTo(13.844586, 1e-5);
    // −4.4545 − 0.05 · 13.8446 · 0.866 / 1.1
    expect(xAcc).to.be.closeTo(-4.99953, 1e-5);

    const want = [0.01, 0.5 + 0.02 * xAcc, Math.PI / 6 + 0.04, 2 + 0.02 * thetaAcc];
    const state = env.state;
    want.forEach((w, i) => expect(state[i], `state[${i}]`).to.be.closeTo(w, 1e-12));
    // |θ| > 12°: this was the last step, and it still earns its reward.
    expect(result).to.include({ reward: 1, terminated: true, truncated: false });
    expect(env.over).to.equal(true);
  });

  it('terminates when the cart leaves the track on either side', () => {
    const env = new CartPole();
    env.reset(undefined, { state: [2.39, 1, 0, 0] }); // x' = 2.39 + 0.02 = 2.41
    expect(env.step(1).terminated).to.equal(true);
    env.reset(undefined, { state: [-2.39, -0.4, 0, 0] }); // x' = −2.398: still on
    expect(env.step(0).terminated).to.equal(false);
    expect(env.step(0).terminated).to.equal(true); // x'' < −2.4
  });

  it('terminates past ±12° and not before', () => {
    const limit = CARTPOLE.thetaThreshold;
    const env = new CartPole();
    // θ' = θ + τ θ̇ lands just inside, then just outside.
    env.reset(undefined, { state: [0, 0, limit - 0.011, 0.5] });
    expect(env.step(1).terminated).to.equal(false);
    env.reset(undefined, { state: [0, 0, -limit + 0.009, -0.5] });
    expect(env.step(0).terminated).to.equal(true);
  });

  it('truncates at 500 steps when the pole stays up', () => {
    const env = new CartPole(3);
    let result;
    let rewards = 0;
    do {
      const s = env.state;
      // A hand-made balancing rule: push towards where the pole falls.
      result = env.step(s[2]! + 0.5 * s[3]! > 0 ? 1 : 0);
      rewards += result.reward;
    } while (!env.over);
    expect(env.steps).to.equal(500);
    expect(result.truncated).to.equal(true);
    expect(result.terminated).to.equal(false);
    expect(rewards).to.equal(500);
  });

  it('refuses to step after the end, or with a bad action', () => {
    const env = new CartPole();
    env.reset(undefined, { state: [2.39, 1, 0, 0] });
    env.step(1);
    expect(() => env.step(1)).to.throw(/call reset/);
    env.reset();
    expect(() => env.step(2 as 0)).to.throw(RangeError);
    expect(() => env.step(1, Number.NaN)).to.throw(RangeError);
    expect(() => env.reset(undefined, { state: [0, 0, 0] })).to.throw(RangeError);
  });

  it('starts from U(−0.05, 0.05)⁴, the same for the same seed', () => {
    const a = new CartPole(11);
    const b = new CartPole();
    b.reset(11);
    expect(Array.from(b.state)).to.deep.equal(Array.from(a.state));
    for (const v of a.state) expect(Math.abs(v)).to.be.below(0.05);

    // Without a seed the sequence goes on: another start.
    const first = Array.from(a.state);
    a.reset();
    expect(Array.from(a.state)).not.to.deep.equal(first);
    a.reset(11);
    expect(Array.from(a.state)).to.deep.equal(first);
    expect(Array.from(new CartPole(12).state)).not.to.deep.equal(first);
  });

  it('replays a whole episode bit for bit from the same seed and actions', () => {
    const run = () => {
      const env = new CartPole(5);
      const trace: number[] = [];
      for (let t = 0; !env.over; t++) trace.push(...env.step(t % 3 === 0 ? 0 : 1).observation);
      return trace;
    };
    const first = run();
    expect(first.length).to.be.greaterThan(8);
    expect(run()).to.deep.equal(first);
  });

  it('gives the observation as float32 and the state as a copy', () => {
    const env = new CartPole(1);
    expect(env.observation).to.be.instanceOf(Float32Array);
    const s = env.state;
    s[0] = 99;
    expect(env.state[0]).not.to.equal(99);
  });
});
