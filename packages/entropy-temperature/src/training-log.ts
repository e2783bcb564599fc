/**
 * The SAC training log that models/rl writes next to the slices
 * (slices-rl `data/sac-training.json`), fetched and checked so a missing
 * or malformed file becomes a message for the reader.
 */
import { FigureError } from '@model-walkthroughs/core';

/** One evaluation point of training. */
export interface SacPoint {
  envSteps: number;
  meanReturn: number;
  /** The temperature after the latest update. */
  alpha: number;
  /** −mean log π(a|s) of sampled actions on the latest batch, in nats; null before updates. */
  entropy: number | null;
}

/** The parts of the log the figure reads. */
export interface SacLog {
  hyperparameters: { targetEntropy: number; initialAlpha: number } & Record<string, unknown>;
  curve: SacPoint[];
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

/** Checks the shape of a SAC log; throws a `model-invalid` FigureError if it is wrong. */
export function parseSacLog(json: unknown, url: string): SacLog {
  const fail = (detail: string): never => {
    throw new FigureError(
      'model-invalid',
      `The SAC training log at ${url} is malformed: ${detail}.`,
    );
  };
  const log = json as Partial<SacLog> | null;
  const hp = log?.hyperparameters;
  if (!isNumber(hp?.targetEntropy) || !isNumber(hp?.initialAlpha)) {
    fail('hyperparameters lack targetEntropy or initialAlpha');
  }
  if (!Array.isArray(log!.curve) || log!.curve.length === 0) fail('curve is missing or empty');
  for (const p of log!.curve!) {
    const entropyOk = p?.entropy === null || isNumber(p?.entropy);
    if (!isNumber(p?.envSteps) || !isNumber(p?.meanReturn) || !(p.alpha > 0) || !entropyOk) {
      fail('a curve point lacks envSteps, meanReturn, a positive alpha or entropy');
    }
  }
  return log as SacLog;
}

function isNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
