/** One CartPole episode of the trained actor, with an optional push. */
import { CartPole, Random } from '@model-walkthroughs/environments';

/** A shove of `force` newtons on each of `steps` steps from step `at`. */
export interface Push {
  at: number;
  force: number;
  steps: number;
}

/** What happened in the episode, step by step. */
export interface Rollout {
  seed: number;
  /** Observations of s₀ … s_T, float32, row-major [T + 1, 4]. */
  observations: Float32Array;
  /** aₜ: 0 left, 1 right. */
  actions: Array<0 | 1>;
  /** rₜ: 1 per step in CartPole. */
  rewards: number[];
  /** doneₜ: 1 where the episode terminated (only ever the last step). */
  dones: number[];
  /** The reader-side push of each step, in newtons (0 for none). */
  pushes: number[];
  /** `terminated`: the pole fell or the cart left; `truncated`: 500 steps; `cut`: the figure's cap. */
  end: 'terminated' | 'truncated' | 'cut';
}

export interface RolloutOptions {
  seed: number;
  /** Steps at most (the rollout is cut there and bootstraps from V(s_T)). */
  maxSteps: number;
  /** `sampled` draws from π (seeded), `greedy` takes the likelier action. */
  rule: 'sampled' | 'greedy';
  push?: Push;
}

/**
 * Plays one episode: `policy` gives [π(left | s), π(right | s)] for an
 * observation. Sampling draws right when a uniform draw exceeds π(left),
 * from a generator seeded with seed + 2³² (models/rl/ppo.py's rule).
 */
export async function rollout(
  policy: (observation: Float32Array) => Promise<readonly [number, number]>,
  { seed, maxSteps, rule, push }: RolloutOptions,
): Promise<Rollout> {
  const env = new CartPole(seed);
  const sampler = new Random(seed + 2 ** 32);
  const observations = [env.observation];
  const run: Omit<Rollout, 'observations' | 'end'> = {
    seed,
    actions: [],
    rewards: [],
    dones: [],
    pushes: [],
  };
  let end: Rollout['end'] = 'cut';

  for (let t = 0; t < maxSteps; t++) {
    const probs = await policy(observations[t]!);
    const draw = sampler.next();
    const action = rule === 'greedy' ? (probs[1] > probs[0] ? 1 : 0) : draw > probs[0] ? 1 : 0;
    const force = push && t >= push.at && t < push.at + push.steps ? push.force : 0;
    const result = env.step(action, force);

    observations.push(result.observation);
    run.actions.push(action);
    run.rewards.push(result.reward);
    run.dones.push(result.terminated ? 1 : 0);
    run.pushes.push(force);
    if (result.terminated || result.truncated) {
      // At the time limit PPO bootstraps from V(s_T): the episode was cut, not ended.
      end = result.terminated ? 'terminated' : 'truncated';
      break;
    }
  }

  const flat = new Float32Array(observations.length * 4);
  observations.forEach((o, i) => flat.set(o, i * 4));
  return { ...run, observations: flat, end };
}
