/**
 * One evaluation of target policy smoothing: μ(s) from the actor, seeded
 * target actions ã around it, then one critic batch holding the torque
 * grid, every ã and μ(s) itself.
 */
import { Random } from '@model-walkthroughs/environments';
import { actionGrid, actorFeeds } from '@model-walkthroughs/twin-critics';
import type { Smoothing } from './results.js';
import { meanInterval, sampleTargetActions } from './smoothing.js';
import type { Infer, Td3Handles } from '@model-walkthroughs/twin-critics';

const GRID = actionGrid(101);

/** What an evaluation depends on. */
export interface SmoothingInput {
  angle: number;
  velocity: number;
  sigma: number;
  clip: number;
  samples: number;
  seed: number;
}

export async function evaluateSmoothing(
  { critic, actor }: Td3Handles,
  infer: Infer,
  input: SmoothingInput,
): Promise<Omit<Smoothing, 'key'>> {
  const { angle, velocity, sigma, clip, samples, seed } = input;
  const state = actorFeeds(angle, velocity);
  const mu = (await infer(actor, state))['action']!.data[0]!;
  const targets = sampleTargetActions(mu, sigma, clip, samples, new Random(seed));

  const actions = Float32Array.from([...GRID, ...targets, mu]);
  const n = actions.length;
  const obs = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) obs.set(state.obs.data, 3 * i);
  const q = await infer(critic, {
    obs: { data: obs, dims: [n, 3] },
    action: { data: actions, dims: [n, 1] },
  });
  const q2 = q['q2']!.data;
  const min = q['q1']!.data.map((x, i) => Math.min(x, q2[i]!));
  const sampleQ = min.subarray(GRID.length, n - 1);
  return {
    angle,
    velocity,
    sigma,
    clip,
    mu,
    actions: GRID,
    curve: min.subarray(0, GRID.length),
    samples: targets,
    sampleQ,
    atMu: min[n - 1]!,
    smoothed: meanInterval(sampleQ),
  };
}
