/** One CartPole episode as the figure plays it: start, actions, pushes, end. */
import { CARTPOLE, CartPole, Random } from '@model-walkthroughs/environments';
import type { Frame } from './panel.js';
import { sampleAction } from './policy.js';

/** How actions are chosen from π(· | s). */
export type ActionRule = 'sampled' | 'greedy';

export class Episode {
  readonly env = new CartPole();
  #sampler = new Random();
  #pushes: number[] = [];

  /** The seed the current episode started from. */
  seed = 0;

  /** Restarts from `seed`: its start state and, for sampling, its draws. */
  start(seed: number): Float32Array {
    this.seed = seed;
    this.#pushes = [];
    // The sampler's stream is the seed's other half, apart from the start's.
    this.#sampler.seed(seed + 2 ** 32);
    return this.env.reset(seed);
  }

  /** Adds `force` newtons to each of the next `steps` steps (replacing any left). */
  push(force: number, steps: number): void {
    this.#pushes = Array.from({ length: steps }, () => force);
  }

  /** The push waiting for the next step, in newtons. */
  get pendingPush(): number {
    return this.#pushes[0] ?? 0;
  }

  /** Picks an action from the actor's probabilities. */
  choose(probs: readonly [number, number], rule: ActionRule): 0 | 1 {
    if (rule === 'greedy') return probs[1] > probs[0] ? 1 : 0;
    return sampleAction(probs, this.#sampler);
  }

  /** Takes one step with the waiting push; says why the episode ended, if it did. */
  step(action: 0 | 1): { observation: Float32Array; reward: number; end?: Frame['end'] } {
    const result = this.env.step(action, this.#pushes.shift() ?? 0);
    let end: Frame['end'];
    if (result.terminated) {
      end = Math.abs(this.env.state[0]!) > CARTPOLE.xThreshold ? 'track' : 'pole';
    } else if (result.truncated) end = 'time';
    return { observation: result.observation, reward: result.reward, end };
  }

  /** The frame for the current state; `after` is the step that led here. */
  frame(
    probs: [number, number],
    value: number,
    after?: { frame: Frame; action: 0 | 1; reward: number; end?: Frame['end'] },
  ): Frame {
    // A new array per frame, so a frame handed out never changes.
    const values = after ? [...after.frame.values, value] : [value];
    return {
      seed: this.seed,
      state: this.env.state,
      probs,
      value,
      values,
      steps: this.env.steps,
      ret: after ? after.frame.ret + after.reward : 0,
      action: after?.action,
      push: this.pendingPush,
      end: after?.end,
    };
  }
}
