/**
 * Named Pendulum-v1 states and the observations that put them through a
 * policy or a critic. θ is in radians, θ = 0 is upright and θ grows
 * counter-clockwise, as in Gymnasium; the observation is [cos θ, sin θ, θ̇].
 */

/** The preset states the SAC figures run their networks on, in batch order. */
export const PENDULUM_STATES = ['down', 'horizontal', 'upright'] as const;

/** A named Pendulum state. */
export type PendulumState = (typeof PENDULUM_STATES)[number];

/** Each preset's label and angle θ in radians (all of them at rest). */
export const PENDULUM_STATE_INFO: Readonly<
  Record<PendulumState, { readonly label: string; readonly theta: number }>
> = Object.freeze({
  down: { label: 'hanging down (θ = π)', theta: Math.PI },
  horizontal: { label: 'horizontal (θ = π/2)', theta: Math.PI / 2 },
  upright: { label: 'near upright (θ = 0.15)', theta: 0.15 },
});

/** Observations as one row-major float32 batch, with its shape [N, 3]. */
export interface ObservationBatch {
  data: Float32Array;
  dims: [number, number];
}

/** The observation [cos θ, sin θ, θ̇] in float32 for θ in radians. */
export function pendulumObservation(theta: number, thetaDot: number): Float32Array {
  return Float32Array.of(Math.cos(theta), Math.sin(theta), thetaDot);
}

/** The observations of named states, each at rest, as one batch [N, 3]. */
export function pendulumObservations(
  states: readonly PendulumState[] = PENDULUM_STATES,
): ObservationBatch {
  const data = new Float32Array(states.length * 3);
  states.forEach((s, i) => data.set(pendulumObservation(PENDULUM_STATE_INFO[s].theta, 0), i * 3));
  return { data, dims: [states.length, 3] };
}
