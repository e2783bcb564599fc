/**
 * Pendulum-v1 as Gymnasium defines it (classic_control/pendulum.py): a
 * rigid rod hinged at one end, swung up by a limited torque. θ = 0 is
 * upright; the reward is highest (0) there at rest.
 */
import { Random } from './random.js';
import type { ResetOptions, StepResult } from './types.js';

/** The physical constants and limits of Pendulum-v1. */
export const PENDULUM = Object.freeze({
  maxSpeed: 8,
  maxTorque: 2.0,
  /** Seconds per step. */
  dt: 0.05,
  g: 10.0,
  m: 1.0,
  l: 1.0,
  /** Truncation by Gymnasium's TimeLimit wrapper. */
  maxSteps: 200,
});

/** θ wrapped into [−π, π), with Python's floored modulo. */
export function angleNormalize(theta: number): number {
  return pyMod(theta + Math.PI, 2 * Math.PI) - Math.PI;
}

/**
 * One Pendulum episode at a time. State [θ, θ̇] in float64; observations
 * [cos θ, sin θ, θ̇] in float32.
 */
export class Pendulum {
  #random: Random;
  #state = new Float64Array(2);
  #steps = 0;
  #over = false;
  #lastTorque = 0;

  /** Starts an episode from `seed` (0 when omitted). */
  constructor(seed = 0) {
    this.#random = new Random(seed);
    this.reset();
  }

  /** A copy of [θ, θ̇] in float64. */
  get state(): Float64Array {
    return this.#state.slice();
  }

  /** Steps taken since the last reset. */
  get steps(): number {
    return this.#steps;
  }

  /** The episode has been truncated (Pendulum never terminates). */
  get over(): boolean {
    return this.#over;
  }

  /** The clipped torque of the last step (0 after a reset). */
  get lastTorque(): number {
    return this.#lastTorque;
  }

  /** [cos θ, sin θ, θ̇] as float32, what the policy sees. */
  get observation(): Float32Array {
    const [theta, thetaDot] = this.#state;
    return Float32Array.of(Math.cos(theta!), Math.sin(theta!), thetaDot!);
  }

  /**
   * Starts a new episode, θ ~ U(−π, π) and θ̇ ~ U(−1, 1). With `seed` the
   * generator restarts from it; without, the sequence goes on.
   */
  reset(seed?: number, options: ResetOptions = {}): Float32Array {
    if (seed !== undefined) this.#random.seed(seed);
    if (options.state !== undefined) {
      if (options.state.length !== 2) throw new RangeError('Pendulum: state needs 2 values.');
      this.#state = Float64Array.from(options.state);
    } else {
      this.#state[0] = this.#random.uniform(-Math.PI, Math.PI);
      this.#state[1] = this.#random.uniform(-1, 1);
    }
    this.#steps = 0;
    this.#over = false;
    this.#lastTorque = 0;
    return this.observation;
  }

  /** Applies `torque`, clipped to [−2, 2] N·m, for one step of 0.05 s. */
  step(torque: number): StepResult {
    if (!Number.isFinite(torque)) throw new RangeError(`Pendulum: torque ${torque} is not finite.`);
    if (this.#over) throw new Error('Pendulum: the episode is over; call reset() first.');

    const { g, m, l, dt, maxSpeed, maxTorque } = PENDULUM;
    const [th, thdot] = [this.#state[0]!, this.#state[1]!];
    const u = clip(torque, -maxTorque, maxTorque);
    this.#lastTorque = u;

    // Operations in Gymnasium's order, so float64 results agree bit for bit.
    const angle = angleNormalize(th);
    const costs = angle * angle + 0.1 * (thdot * thdot) + 0.001 * (u * u);
    let newThdot = thdot + (((3 * g) / (2 * l)) * Math.sin(th) + (3.0 / (m * (l * l))) * u) * dt;
    newThdot = clip(newThdot, -maxSpeed, maxSpeed);
    const newTh = th + newThdot * dt;

    this.#state[0] = newTh;
    this.#state[1] = newThdot;
    this.#steps++;
    const truncated = this.#steps >= PENDULUM.maxSteps;
    this.#over = truncated;
    return { observation: this.observation, reward: -costs, terminated: false, truncated };
  }
}

function clip(value: number, lo: number, hi: number): number {
  return Math.min(Math.max(value, lo), hi);
}

/** Python's float `%`: the result takes the sign of the divisor. */
function pyMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}
