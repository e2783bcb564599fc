/** The trained actor and critic, asked about one CartPole state at a time. */
import type { PlainTensor, SessionHandle } from '@model-walkthroughs/core';
import type { Random } from '@model-walkthroughs/environments';

/** What the two networks say about one state. */
export interface Estimate {
  /** π(left | s), π(right | s): the actor's softmax. */
  probs: [number, number];
  /** V(s): the critic's estimate of the discounted return from s. */
  value: number;
  /** Wall time of the two inference calls together, in milliseconds. */
  ms: number;
}

/** The feed both networks take: `obs` [1, 4] float32. */
export function observationFeed(observation: Float32Array): Record<string, PlainTensor> {
  return { obs: { data: observation, dims: [1, 4] } };
}

/** Runs actor and critic on one observation, both in the same tick. */
export async function estimate(
  actor: SessionHandle,
  critic: SessionHandle,
  observation: Float32Array,
): Promise<Estimate> {
  const feeds = observationFeed(observation);
  const start = performance.now();
  // onnxruntime runs them one after the other (core serialises calls);
  // asking for both at once saves a round trip through the event loop.
  const [a, c] = await Promise.all([actor.run(feeds, ['probs']), critic.run(feeds, ['value'])]);
  const ms = performance.now() - start;
  return fromOutputs(a.outputs, c.outputs, ms);
}

/** Reads probs and value out of the two networks' outputs. */
export function fromOutputs(
  actor: Record<string, PlainTensor>,
  critic: Record<string, PlainTensor>,
  ms: number,
): Estimate {
  const p = actor['probs']!.data;
  return { probs: [p[0]!, p[1]!], value: critic['value']!.data[0]!, ms };
}

/**
 * Samples an action as models/rl/ppo.py does: right (1) when a uniform
 * draw exceeds π(left | s), otherwise left (0).
 */
export function sampleAction(probs: readonly [number, number], random: Random): 0 | 1 {
  return random.next() > probs[0] ? 1 : 0;
}

/** The median of a list of numbers (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
