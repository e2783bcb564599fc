/**
 * CartPole-v1 as Gymnasium defines it (classic_control/cartpole.py, after
 * Barto, Sutton and Anderson 1983): a pole hinged on a cart that moves on
 * a frictionless track, pushed left or right with a fixed force.
 */
import { Random } from './random.js';
import type { ResetOptions, StepResult } from './types.js';

/** The physical constants and limits of CartPole-v1. */
export const CARTPOLE = Object.freeze({
  gravity: 9.8,
  massCart: 1.0,
  massPole: 0.1,
  /** Half the pole's length, in metres (Gymnasium's `length`). */
  length: 0.5,
  forceMag: 10.0,
  /** Seconds per step. */
  tau: 0.02,
  /** The episode ends when |x| exceeds this (metres). */
  xThreshold: 2.4,
  /** …or when |θ| exceeds 12 degrees. */
  thetaThreshold: (12 * 2 * Math.PI) / 360,
  /** Truncation by Gymnasium's TimeLimit wrapper. */
  maxSteps: 500,
  /** reset() draws each state value from U(−0.05, 0.05). */
  resetBound: 0.05,
});

const TOTAL_MASS = CARTPOLE.massPole + CARTPOLE.massCart;
const POLEMASS_LENGTH = CARTPOLE.massPole * CARTPOLE.length;

/**
 * One CartPole episode at a time. State [x, ẋ, θ, θ̇] in float64, as in
 * Gymnasium; observations are the same four values in float32.
 */
export class CartPole {
  #random: Random;
  #state = new Float64Array(4);
  #steps = 0;
  #over = false;

  /** Starts an episode from `seed` (0 when omitted). */
  constructor(seed = 0) {
    this.#random = new Random(seed);
    this.reset();
  }

  /** A copy of [x, ẋ, θ, θ̇] in float64. */
  get state(): Float64Array {
    return this.#state.slice();
  }

  /** Steps taken since the last reset. */
  get steps(): number {
    return this.#steps;
  }

  /** The episode has terminated or been truncated; reset() to go on. */
  get over(): boolean {
    return this.#over;
  }

  /** [x, ẋ, θ, θ̇] as float32, what the policy sees. */
  get observation(): Float32Array {
    return Float32Array.from(this.#state);
  }

  /**
   * Starts a new episode. With `seed` the generator restarts from it;
   * without, the next draws of the current sequence are used.
   */
  reset(seed?: number, options: ResetOptions = {}): Float32Array {
    if (seed !== undefined) this.#random.seed(seed);
    if (options.state !== undefined) {
      if (options.state.length !== 4) throw new RangeError('CartPole: state needs 4 values.');
      this.#state = Float64Array.from(options.state);
    } else {
      const b = CARTPOLE.resetBound;
      for (let i = 0; i < 4; i++) this.#state[i] = this.#random.uniform(-b, b);
    }
    this.#steps = 0;
    this.#over = false;
    return this.observation;
  }

  /**
   * Pushes the cart: action 1 with +10 N (right), 0 with −10 N (left).
   * `pushForce` newtons are added for this step only (a reader's shove).
   */
  step(action: 0 | 1, pushForce = 0): StepResult {
    if (action !== 0 && action !== 1)
      throw new RangeError(`CartPole: action ${action} is not 0 or 1.`);
    if (!Number.isFinite(pushForce)) throw new RangeError('CartPole: pushForce must be finite.');
    if (this.#over) throw new Error('CartPole: the episode is over; call reset() first.');

    const s = this.#state;
    const [x, xDot, theta, thetaDot] = [s[0]!, s[1]!, s[2]!, s[3]!];
    const force = (action === 1 ? CARTPOLE.forceMag : -CARTPOLE.forceMag) + pushForce;

    // The operations in Gymnasium's order, so float64 results agree bit for bit.
    const cosTheta = Math.cos(theta);
    const sinTheta = Math.sin(theta);
    const temp = (force + POLEMASS_LENGTH * (thetaDot * thetaDot) * sinTheta) / TOTAL_MASS;
    const thetaAcc =
      (CARTPOLE.gravity * sinTheta - cosTheta * temp) /
      (CARTPOLE.length * (4.0 / 3.0 - (CARTPOLE.massPole * (cosTheta * cosTheta)) / TOTAL_MASS));
    const xAcc = temp - (POLEMASS_LENGTH * thetaAcc * cosTheta) / TOTAL_MASS;

    // Explicit Euler, Gymnasium's default `kinematics_integrator`.
    const tau = CARTPOLE.tau;
    s[0] = x + tau * xDot;
    s[1] = xDot + tau * xAcc;
    s[2] = theta + tau * thetaDot;
    s[3] = thetaDot + tau * thetaAcc;
    this.#steps++;

    const terminated =
      s[0] < -CARTPOLE.xThreshold ||
      s[0] > CARTPOLE.xThreshold ||
      s[2] < -CARTPOLE.thetaThreshold ||
      s[2] > CARTPOLE.thetaThreshold;
    const truncated = this.#steps >= CARTPOLE.maxSteps;
    this.#over = terminated || truncated;

    // 1 for every step, the terminating one included (Gymnasium's default).
    return { observation: this.observation, reward: 1, terminated, truncated };
  }
}
