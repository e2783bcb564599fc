/**
 * The PPO training log that models/rl writes next to the slices
 * (slices-rl `data/ppo-training.json`), fetched and checked so a missing
 * or malformed file becomes a message for the reader, not a broken chart.
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

/** Fetches JSON, naming the file and what went wrong when it cannot. */
export async function fetchJson(url: string, what: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new FigureError('model-not-found', `The ${what} could not be loaded from ${url}.`, {
      cause: error,
    });
  }
  if (!response.ok) {
    throw new FigureError(
      'model-not-found',
      `The ${what} could not be loaded from ${url} (HTTP ${response.status}).`,
    );
  }
  try {
    return await response.json();
  } catch (error) {
    throw new FigureError('model-invalid', `The ${what} at ${url} is not JSON.`, { cause: error });
  }
}

/** Checks the shape of a PPO log; throws a `model-invalid` FigureError if it is wrong. */
export function parsePpoLog(json: unknown, url: string): PpoLog {
  const fail = (detail: string): never => {
    throw new FigureError(
      'model-invalid',
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
