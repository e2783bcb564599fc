import { expect } from '@open-wc/testing';
import {
  PENDULUM_STATES,
  PENDULUM_STATE_INFO,
  pendulumObservation,
  pendulumObservations,
} from '../src/index.js';

describe('Pendulum states', () => {
  it('names three states at θ = π, π/2 and 0.15 rad', () => {
    expect(PENDULUM_STATES).to.deep.equal(['down', 'horizontal', 'upright']);
    expect(PENDULUM_STATE_INFO.down.theta).to.equal(Math.PI);
    expect(PENDULUM_STATE_INFO.horizontal.theta).to.equal(Math.PI / 2);
    expect(PENDULUM_STATE_INFO.upright.theta).to.equal(0.15);
  });

  it('observes [cos θ, sin θ, θ̇] in float32 with θ = 0 upright', () => {
    const up = pendulumObservation(0, -1.5);
    expect(up).to.be.instanceOf(Float32Array);
    expect([...up]).to.deep.equal([1, 0, -1.5]);
    // θ = −π/2 leans clockwise: sin θ = −1.
    const side = pendulumObservation(-Math.PI / 2, 0.1);
    expect(side[0]).to.be.closeTo(0, 1e-7);
    expect(side[1]).to.equal(-1);
    expect(side[2]).to.equal(Math.fround(0.1));
  });

  it('batches the named states at rest, row by row', () => {
    const { data, dims } = pendulumObservations();
    expect(dims).to.deep.equal([3, 3]);
    // cos 0.15 = 0.98877108, sin 0.15 = 0.14943813.
    const want = [-1, 0, 0, 0, 1, 0, 0.9887711, 0.1494381, 0];
    want.forEach((w, i) => expect(data[i], `obs ${i}`).to.be.closeTo(w, 1e-6));

    const two = pendulumObservations(['upright', 'upright']);
    expect(two.dims).to.deep.equal([2, 3]);
    expect([...two.data.subarray(3)]).to.deep.equal([...two.data.subarray(0, 3)]);
  });
});
