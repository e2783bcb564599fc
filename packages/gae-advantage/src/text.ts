/** Attribute checks and the figure's sentences. */
import { badValue } from '@model-walkthroughs/core';
import type { Estimates } from './gae.js';
import type { Push, Rollout } from './rollout.js';

const EPISODES: readonly string[] = ['pushed', 'free'];
const MAX_SEED = 2 ** 32 - 1;

interface Attributes {
  seed: number;
  episode: string;
  steps: number;
  gamma?: number | null;
  lambda?: number | null;
  getAttribute(name: string): string | null;
}

/** The message for the first bad attribute, if any. */
export function problem(el: Attributes): string | undefined {
  const raw = (name: string, value: unknown) => el.getAttribute(name) ?? String(value);
  if (!Number.isInteger(el.seed) || el.seed < 0 || el.seed > MAX_SEED) {
    return `seed="${raw('seed', el.seed)}" is not a whole number from 0 to ${MAX_SEED}.`;
  }
  if (!EPISODES.includes(el.episode)) return badValue('episode', el.episode, EPISODES);
  if (!Number.isInteger(el.steps) || el.steps < 10 || el.steps > 500) {
    return `steps="${raw('steps', el.steps)}" is not a whole number from 10 to 500.`;
  }
  if (el.gamma != null && !(el.gamma >= 0.5 && el.gamma <= 1)) {
    return `gamma="${raw('gamma', el.gamma)}" is not a number from 0.5 to 1.`;
  }
  if (el.lambda != null && !(el.lambda >= 0 && el.lambda <= 1)) {
    return `lambda="${raw('lambda', el.lambda)}" is not a number from 0 to 1.`;
  }
  return undefined;
}

/** A distance, written so that an exact 0 reads as 0. */
export function distance(v: number): string {
  if (v === 0) return '0';
  return v < 1e-3 ? v.toExponential(1).replace('-', '−') : v.toFixed(3);
}

/** The two identities, computed on the numbers shown. */
export function identities(e: Estimates, lambda: number): string {
  const td = `max |Âₜ − δₜ| = ${distance(e.fromTd)}`;
  const mc = `max |Âₜ − (Gₜ − V(sₜ))| = ${distance(e.fromMonteCarlo)}`;
  if (lambda === 0) return `${td}: at λ = 0 the advantage is the TD error. ${mc}.`;
  if (lambda === 1) {
    return `${mc} (rounding only): at λ = 1 the advantage is the Monte Carlo return minus V. ${td}.`;
  }
  return `${td} (0 at λ = 0); ${mc} (0 at λ = 1).`;
}

/** The rollout in one or two sentences, for the caption and the charts. */
export function describeRun(run: Rollout, values: Float64Array, push: Push): string {
  const T = run.actions.length;
  const pushed = run.pushes.some((f) => f !== 0)
    ? `A push of ${push.force} N for ${push.steps} steps from step ${push.at}; `
    : '';
  const ending = {
    terminated: `the pole fell after ${T} steps (done at the last step, nothing bootstrapped)`,
    truncated: `the policy kept the pole up for all ${T} steps (time limit: bootstrapped from V(s_${T}))`,
    cut: `shown up to step ${T}, where the rollout is cut and bootstrapped from V(s_${T})`,
  }[run.end];
  const v0 = values[0]!.toFixed(1);
  const vEnd = values[T - 1]!.toFixed(1);
  return `Seed ${run.seed}: ${pushed}${ending}. Every reward is 1; V(sₜ) goes from ${v0} at t = 0 to ${vEnd} at t = ${T - 1}.`;
}
