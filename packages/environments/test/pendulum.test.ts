import { expect } from '@open-wc/testing';
import { PENDULUM, Pendulum, angleNormalize } from '../src/index.js';

describe('Pendulum', () => {
  it('has the constants of Pendulum-v1', () => {
    expect(PENDULUM).to.include({
      maxSpeed: 8,
      maxTorque: 2,
      dt: 0.05,
      g: 10,
      m: 1,
      l: 1,
      maxSteps: 200,
    });
  });

  it('takes one step worked out by hand, torque clipped to 2', () => {
    const env = new Pendulum();
    env.reset(undefined, { state: [Math.PI / 2, 1] });
    const result = env.step(3);

    // u = clip(3, −2, 2) = 2; sin(π/2) = 1.
    // cost = angle² + 0.1 θ̇² + 0.001 u² = π²/4 + 0.1 + 0.004
    // θ̇' = θ̇ + (3g/(2l) sin θ + 3/(m l²) u) dt = 1 + (15 + 6) · 0.05 = 2.05
    // θ'  = θ + θ̇' dt = π/2 + 0.1025
    const cost = (Math.PI * Math.PI) / 4 + 0.104;
    expect(result.reward).to.be.closeTo(-cost, 1e-14);
    expect(result.reward).to.be.closeTo(-2.5714011, 1e-7);
    const [th, thdot] = env.state;
    expect(thdot).to.be.closeTo(2.05, 1e-14);
    expect(th).to.be.closeTo(Math.PI / 2 + 0.1025, 1e-14);
    expect(env.lastTorque).to.equal(2);

    // Observation [cos θ', sin θ', θ̇'] = [−sin 0.1025, cos 0.1025, 2.05].
    const obs = Array.from(result.observation);
    expect(obs[0]).to.be.closeTo(-Math.sin(0.1025), 1e-7);
    expect(obs[1]).to.be.closeTo(Math.cos(0.1025), 1e-7);
    expect(obs[2]).to.be.closeTo(2.05, 1e-6);
    expect(result).to.include({ terminated: false, truncated: false });
  });

  it('clips the speed to ±8 and measures the angle from upright', () => {
    const env = new Pendulum();
    // θ = 3π/2 is the same as −π/2: a quarter turn from upright.
    env.reset(undefined, { state: [(3 * Math.PI) / 2, 7.5] });
    const result = env.step(-2);
    // cost = (π/2)² + 0.1 · 7.5² + 0.001 · 4
    expect(result.reward).to.be.closeTo(-((Math.PI / 2) ** 2 + 5.625 + 0.004), 1e-12);
    // θ̇' = 7.5 + (15 sin(3π/2) − 6) · 0.05 = 7.5 − 1.05 = 6.45: within the limit.
    expect(env.state[1]).to.be.closeTo(6.45, 1e-12);

    env.reset(undefined, { state: [Math.PI / 2, 7.5] });
    env.step(2); // 7.5 + 1.05 > 8
    expect(env.state[1]).to.equal(8);
    expect(env.state[0]).to.be.closeTo(Math.PI / 2 + 0.4, 1e-14);
  });

  it('wraps angles into [−π, π) like Python’s modulo', () => {
    expect(angleNormalize(0)).to.equal(0);
    expect(angleNormalize(Math.PI)).to.be.closeTo(-Math.PI, 1e-15);
    expect(angleNormalize(-4)).to.be.closeTo(-4 + 2 * Math.PI, 1e-15);
    expect(angleNormalize(7)).to.be.closeTo(7 - 2 * Math.PI, 1e-15);
    expect(angleNormalize(-7)).to.be.closeTo(-7 + 2 * Math.PI, 1e-15);
  });

  it('never terminates and truncates at 200 steps', () => {
    const env = new Pendulum(4);
    let result;
    do result = env.step(0);
    while (!env.over);
    expect(env.steps).to.equal(200);
    expect(result).to.include({ terminated: false, truncated: true });
    expect(() => env.step(0)).to.throw(/call reset/);
    expect(() => env.reset().length).not.to.throw();
    expect(() => env.step(Number.NaN)).to.throw(RangeError);
  });

  it('starts from θ ~ U(−π, π), θ̇ ~ U(−1, 1), the same for the same seed', () => {
    const starts = Array.from({ length: 200 }, (_, seed) => new Pendulum(seed).state);
    for (const [th, thdot] of starts) {
      expect(Math.abs(th!)).to.be.below(Math.PI);
      expect(Math.abs(thdot!)).to.be.below(1);
    }
    // Spread over the whole circle, not a corner of it.
    const ths = starts.map((s) => s[0]!);
    expect(Math.min(...ths)).to.be.below(-2.5);
    expect(Math.max(...ths)).to.be.above(2.5);

    const again = new Pendulum(99);
    again.reset(17);
    expect(Array.from(again.state)).to.deep.equal(Array.from(starts[17]!));
  });

  it('observes [cos θ, sin θ, θ̇] in float32', () => {
    const env = new Pendulum();
    const obs = env.reset(undefined, { state: [0.3, -0.7] });
    expect(obs).to.be.instanceOf(Float32Array);
    expect(Array.from(obs)).to.deep.equal(
      Array.from(Float32Array.of(Math.cos(0.3), Math.sin(0.3), -0.7)),
    );
  });
});
