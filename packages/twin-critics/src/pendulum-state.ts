/**
 * A Pendulum-v1 state as the reader sets it, and the batches that put it
 * through TD3's actor and critics. θ = 0 is upright and θ grows
 * counter-clockwise, as in Gymnasium; the reader works in degrees.
 */
import { linspace, type PlainTensor } from '@model-walkthroughs/core';
import { PENDULUM, pendulumObservation } from '@model-walkthroughs/environments';

/** The largest torque Pendulum-v1 allows; actions live in [−2, 2]. */
export const MAX_TORQUE = PENDULUM.maxTorque;

/** Pendulum-v1 clips θ̇ to ±8 rad/s. */
export const MAX_SPEED = PENDULUM.maxSpeed;

/** Named states: angle in degrees, angular velocity in rad/s. */
export const PRESETS = {
  down: { angle: 180, velocity: 0, label: 'Hanging down' },
  horizontal: { angle: 90, velocity: 0, label: 'Horizontal' },
  upright: { angle: -15, velocity: 0, label: 'Near upright' },
} as const;

export type Preset = keyof typeof PRESETS;

/** `n` evenly spaced actions from −2 to 2, both ends included. */
export function actionGrid(n: number): Float32Array {
  return linspace(n, -MAX_TORQUE, MAX_TORQUE);
}

/** The observation [cos θ, sin θ, θ̇] in float32 for an angle in degrees. */
export function observation(angle: number, velocity: number): Float32Array {
  return pendulumObservation((angle * Math.PI) / 180, velocity);
}

/** The state repeated once per action: feeds for `td3-critics`. */
export function criticFeeds(
  angle: number,
  velocity: number,
  actions: Float32Array,
): { obs: PlainTensor; action: PlainTensor } {
  const n = actions.length;
  const one = observation(angle, velocity);
  const obs = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) obs.set(one, 3 * i);
  return { obs: { data: obs, dims: [n, 3] }, action: { data: actions, dims: [n, 1] } };
}

/** The state alone: the feed for `td3-actor`. */
export function actorFeeds(angle: number, velocity: number): { obs: PlainTensor } {
  return { obs: { data: observation(angle, velocity), dims: [1, 3] } };
}

/** Where the rod's tip is drawn in a 2r × 2r box, for a rod of length 0.8r. */
export function rodTip(angle: number, r: number): [number, number] {
  const theta = (angle * Math.PI) / 180;
  return [r - 0.8 * r * Math.sin(theta), r - 0.8 * r * Math.cos(theta)];
}

/** θ in radians wrapped to degrees in [−180, 180]. */
export function toDegrees(theta: number): number {
  const d = (((((theta * 180) / Math.PI + 180) % 360) + 360) % 360) - 180;
  return d === -180 ? 180 : d;
}
