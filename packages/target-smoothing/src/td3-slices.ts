/**
 * Opening TD3's actor and critics for a run, and calling them again later
 * with the sessions that run holds (WalkthroughFigure keeps them until the
 * next run or until the figure leaves the page).
 */
import {
  FigureError,
  sliceUrl,
  type FigureTimings,
  type PlainTensor,
  type RunContext,
  type SessionHandle,
} from '@model-walkthroughs/core';
import { loadLog, loadManifest, slices, type Td3Log } from '@model-walkthroughs/slices-rl';

export type Infer = (
  handle: SessionHandle,
  feeds: Record<string, PlainTensor>,
) => Promise<Record<string, PlainTensor>>;

export interface Td3Handles {
  critic: SessionHandle;
  actor: SessionHandle;
}

/** The sessions, the weights sentence and the training log of one run. */
export async function openTd3(
  context: RunContext,
  src: string,
): Promise<{ handles: Td3Handles; note: string; log: Td3Log }> {
  const { signal } = context;
  const [manifest, log] = await Promise.all([
    loadManifest('td3-critics', { signal }),
    loadLog('td3', { signal }),
  ]).catch((error: unknown) => {
    throw new FigureError('model-not-found', 'The TD3 manifest or log could not be loaded.', {
      cause: error,
    });
  });

  // A batch of any size: the contract checks names and ranks.
  const critic = await context.session(
    sliceUrl(src, 'td3-critics', slices['td3-critics'].model, true),
    { inputs: { obs: [1, 3], action: [1, 1] }, outputs: ['q1', 'q2'] },
  );
  const actor = await context.session(sliceUrl(src, 'td3-actor', slices['td3-actor'].model), {
    inputs: { obs: [1, 3] },
    outputs: ['action'],
  });
  return { handles: { critic, actor }, note: manifest.weights.note, log };
}

/** Runs held sessions directly, adding each call's time to `timings` and to `ms`. */
export function heldInfer(timings: FigureTimings, total: { ms: number }): Infer {
  return async (handle, feeds) => {
    const { outputs, ms } = await handle.run(feeds);
    timings.inference.push(ms);
    total.ms += ms;
    return outputs;
  };
}
