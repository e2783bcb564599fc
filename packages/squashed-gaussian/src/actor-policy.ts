/**
 * The trained SAC actor on the preset Pendulum states: one batched call,
 * μ = mean and σ = exp(log_std) per state.
 */
import { FigureError, sliceUrl, type RunContext } from '@model-walkthroughs/core';
import {
  PENDULUM_STATES,
  pendulumObservations,
  type PendulumState,
} from '@model-walkthroughs/environments';
import { loadManifest, slices, type SliceManifest } from '@model-walkthroughs/slices-rl';

/** What the trained SAC actor gives for one state. */
export interface ActorPolicy {
  mu: number;
  logStd: number;
  sigma: number;
}

/** The sac-actor manifest, or a `model-not-found` error that names it. */
export function actorManifest(signal: AbortSignal): Promise<SliceManifest> {
  return loadManifest('sac-actor', { signal }).catch((error: unknown) => {
    throw new FigureError(
      'model-not-found',
      'The manifest of the sac-actor slice could not be loaded.',
      { cause: error },
    );
  });
}

/** Runs the actor (or the reader's export at `src`) on every preset state at once. */
export async function runActor(
  context: RunContext,
  src: string,
): Promise<Record<PendulumState, ActorPolicy>> {
  const url = sliceUrl(src, 'sac-actor', slices['sac-actor'].model, true);
  const contract = { inputs: { obs: [PENDULUM_STATES.length, 3] }, outputs: ['mean', 'log_std'] };
  const session = await context.session(url, contract);
  const out = await context.infer(session, { obs: pendulumObservations() }, ['mean', 'log_std']);

  const actor = {} as Record<PendulumState, ActorPolicy>;
  PENDULUM_STATES.forEach((s, i) => {
    const logStd = out['log_std']!.data[i]!;
    actor[s] = { mu: out['mean']!.data[i]!, logStd, sigma: Math.exp(logStd) };
  });
  return actor;
}
