/**
 * The PPO training log that models/rl writes next to the slices
 * (slices-rl `data/ppo-training.json`), checked so a malformed file
 * becomes a message for the reader, not a broken chart (core's fetchJson
 * fetches it).
 */
import { FigureError } from '@model-walkthroughs/core';
import type { RatioSample } from './clip-objective.js';

/** One PPO iteration: a rollout and its update epochs. */
export interface PpoIteration {
  iteration: number;
  envSteps: number;
  meanReturn: number;
  clipFraction: number;
  approxKl: number;
  entropy: number;
  valueLoss: number;
}

/** A real minibatch from a later update epoch, so its ratios differ from 1. */
export interface RatioBatch {
  iteration: number;
  epoch: number;
  clipEpsilon: number;
  samples: RatioSample[];
  /** The clip fraction the training loop logged for this minibatch. */
  clipFraction: number;
}

/** The parts of the log the figure reads. */
export interface PpoLog {
  hyperparameters: { clipEpsilon: number } & Record<string, unknown>;
  iterations: PpoIteration[];
  ratioBatch: RatioBatch;
}

/** Checks the shape of a PPO log; throws a `data-invalid` FigureError if it is wrong. */
export function parsePpoLog(json: unknown, url: string): PpoLog {
  const fail = (detail: string): never => {
    throw new FigureError(
      'data-invalid',
      `The PPO training log at ${url} is malformed: ${detail}.`,
    );
  };
  const log = json as Partial<PpoLog> | null;
  const eps = log?.hyperparameters?.clipEpsilon;
  if (!isNumber(eps) || eps <= 0 || eps >= 1) fail('hyperparameters.clipEpsilon is not in (0, 1)');
  if (!Array.isArray(log!.iterations)) fail('iterations is not a list');
  for (const it of log!.iterations!) {
    if (!isNumber(it?.envSteps) || !isNumber(it?.clipFraction)) {
      fail('an iteration lacks envSteps or clipFraction');
    }
  }
  const batch = log!.ratioBatch;
  if (!Array.isArray(batch?.samples) || batch.samples.length === 0) {
    fail('ratioBatch.samples is missing or empty');
  }
  for (const s of batch!.samples) {
    if (!isNumber(s?.ratio) || s.ratio < 0 || !isNumber(s?.advantage)) {
      fail('a ratioBatch sample lacks a ratio ≥ 0 or an advantage');
    }
  }
  if (!isNumber(batch!.clipFraction) || !isNumber(batch!.clipEpsilon)) {
    fail('ratioBatch lacks clipFraction or clipEpsilon');
  }
  return log as PpoLog;
}

function isNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
