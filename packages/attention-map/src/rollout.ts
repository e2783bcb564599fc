/**
 * The arithmetic behind the figure, free of the DOM so tests can check it
 * directly: one head's (or the heads' mean) attention matrix out of the
 * model's [1, L, H, N, N] output, attention rollout across layers, and the
 * share of attention that falls on the object.
 */
import type { PlainTensor } from '@model-walkthroughs/core';

/** A square N × N matrix, row-major, rows indexed by query token. */
export type Matrix = Float64Array;

/** Which head to read: a 0-based index, or the mean over all heads. */
export type HeadChoice = number | 'mean';

/** L, H and N of an attention tensor shaped [1, L, H, N, N]. */
export function attentionShape(t: PlainTensor): { layers: number; heads: number; tokens: number } {
  const [, layers = 0, heads = 0, tokens = 0] = t.dims;
  return { layers, heads, tokens };
}

/** The N × N attention matrix of one layer (0-based) and one head or the mean of heads. */
export function attentionMatrix(t: PlainTensor, layer: number, head: HeadChoice): Matrix {
  const { heads, tokens: n } = attentionShape(t);
  const size = n * n;
  const out = new Float64Array(size);
  const picked = head === 'mean' ? Array.from({ length: heads }, (_, h) => h) : [head];
  for (const h of picked) {
    const base = (layer * heads + h) * size;
    for (let i = 0; i < size; i++) out[i]! += t.data[base + i]! / picked.length;
  }
  return out;
}

/** The mean over heads of one layer's attention: what rollout starts from. */
export function headMean(t: PlainTensor, layer: number): Matrix {
  return attentionMatrix(t, layer, 'mean');
}

/** Scales each row of an N × N matrix to sum to 1 (a new matrix). */
export function normaliseRows(m: Matrix, n: number): Matrix {
  const out = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += out[i * n + j]!;
    for (let j = 0; j < n; j++) out[i * n + j]! /= sum || 1;
  }
  return out;
}

/** a · b for N × N matrices. */
export function matmul(a: Matrix, b: Matrix, n: number): Matrix {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const v = a[i * n + k]!;
      if (v === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j]! += v * b[k * n + j]!;
    }
  }
  return out;
}

/**
 * Attention rollout (Abnar and Zuidema 2020, arXiv:2005.00928, §3): each
 * layer's head-mean attention plus the identity, for the residual path
 * that carries a token past the layer, rows renormalised, then multiplied
 * through the layers: R₁ = Â₁, R_l = Â_l · R_{l-1}. Returns R_l for every
 * l, so "rollout up to layer l" is `rollout(...)[l - 1]`.
 */
export function rollout(layers: readonly Matrix[], n: number): Matrix[] {
  const out: Matrix[] = [];
  for (const a of layers) {
    const residual = new Float64Array(a);
    for (let i = 0; i < n; i++) residual[i * n + i]! += 1;
    const step = normaliseRows(residual, n);
    out.push(out.length === 0 ? step : matmul(step, out[out.length - 1]!, n));
  }
  return out;
}

/** Rollout of every layer of a [1, L, H, N, N] attention tensor. */
export function rolloutOf(t: PlainTensor): Matrix[] {
  const { layers, tokens } = attentionShape(t);
  return rollout(
    Array.from({ length: layers }, (_, l) => headMean(t, l)),
    tokens,
  );
}

/** Row i of an N × N matrix. */
export function row(m: Matrix, n: number, i: number): Matrix {
  return m.subarray(i * n, (i + 1) * n);
}

/**
 * How much of a [CLS] row's attention to the patches falls on the object:
 * `mass` = Σ over object patches / Σ over all patches (attention to [CLS]
 * itself left out, as it is nowhere on the image), `area` = the share of
 * patches the object covers. `row` holds N = 1 + patches weights.
 */
export function objectShare(
  weights: ArrayLike<number>,
  objectPatches: readonly number[],
): { mass: number; area: number } {
  const patches = weights.length - 1;
  let total = 0;
  for (let p = 0; p < patches; p++) total += weights[1 + p]!;
  let mass = 0;
  for (const p of objectPatches) mass += weights[1 + p]!;
  return { mass: total > 0 ? mass / total : 0, area: objectPatches.length / patches };
}

/** Class probabilities from logits, computed stably in float64. */
export function softmax(logits: ArrayLike<number>): number[] {
  const values = Array.from(logits);
  const top = Math.max(...values);
  const exp = values.map((v) => Math.exp(v - top));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / total);
}
