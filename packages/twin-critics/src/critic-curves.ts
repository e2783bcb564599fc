/** Both critics over the torque grid for one state, and the actor's action. */
import { argmax } from './overestimation.js';
import { actionGrid, actorFeeds, criticFeeds } from './pendulum-state.js';
import type { Evaluation } from './results.js';
import type { Infer, Td3Handles } from './td3-slices.js';

/** a = −2, −1.96, …, 2: one critic batch of N = 101. */
export const ACTIONS = actionGrid(101);

export async function evaluateCurves(
  { critic, actor }: Td3Handles,
  infer: Infer,
  angle: number,
  velocity: number,
): Promise<Evaluation> {
  const [q, a] = await Promise.all([
    infer(critic, criticFeeds(angle, velocity, ACTIONS)),
    infer(actor, actorFeeds(angle, velocity)),
  ]);
  const q1 = q['q1']!.data;
  const q2 = q['q2']!.data;
  const min = q1.map((v, i) => Math.min(v, q2[i]!));
  return {
    angle,
    velocity,
    actions: ACTIONS,
    q1,
    q2,
    min,
    mu: a['action']!.data[0]!,
    argmax: [argmax(q1), argmax(q2), argmax(min)],
  };
}
