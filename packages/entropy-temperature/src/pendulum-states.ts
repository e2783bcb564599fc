/**
 * A few Pendulum-v1 states to run the trained policy on. θ = 0 is upright
 * and the observation is [cos θ, sin θ, θ̇], as in Gymnasium.
 */
import type { PlainTensor } from '@model-walkthroughs/core';

export const STATES = ['down', 'horizontal', 'upright'] as const;

/** A named Pendulum state. */
export type PendulumState = (typeof STATES)[number];

export const STATE_INFO: Record<PendulumState, { label: string; theta: number }> = {
  down: { label: 'hanging down (θ = π)', theta: Math.PI },
  horizontal: { label: 'horizontal (θ = π/2)', theta: Math.PI / 2 },
  upright: { label: 'near upright (θ = 0.15)', theta: 0.15 },
};

/** The observations of every state, at rest, as one batch [N, 3]. */
export function observationBatch(states: readonly PendulumState[] = STATES): PlainTensor {
  const data = new Float32Array(states.length * 3);
  states.forEach((s, i) =>
    data.set([Math.cos(STATE_INFO[s].theta), Math.sin(STATE_INFO[s].theta), 0], i * 3),
  );
  return { data, dims: [states.length, 3] };
}
