/**
 * The SAC training log that models/rl writes next to the slices
 * (slices-rl `data/sac-training.json`), checked so a malformed file
 * becomes a message for the reader (core's fetchJson fetches it).
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

/** Checks the shape of a SAC log; throws a `data-invalid` FigureError if it is wrong. */
export function parseSacLog(json: unknown, url: string): SacLog {
  const fail = (detail: string): never => {
    throw new FigureError(
      'data-invalid',
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
