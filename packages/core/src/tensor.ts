/** Small tensor utilities shared by figures and tests. */
import type { PlainTensor } from './runtime.js';

/** Number of elements for a shape. */
export function numel(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/**
 * The fixed input every slice manifest's golden outputs were computed from:
 * x[i] = 0.5 sin(0.37 i + 0.1) + 0.25 cos(0.011 i), float64 then float32.
 */
export function goldenInput(dims: readonly number[]): PlainTensor {
  const data = new Float32Array(numel(dims));
  for (let i = 0; i < data.length; i++) {
    data[i] = 0.5 * Math.sin(0.37 * i + 0.1) + 0.25 * Math.cos(0.011 * i);
  }
  return { data, dims: [...dims] };
}

/** Summary statistics, accumulated in float64. */
export interface TensorStats {
  sum: number;
  mean: number;
  l2: number;
  min: number;
  max: number;
}

export function tensorStats(data: ArrayLike<number>): TensorStats {
  let sum = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    sum += v;
    squares += v * v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { sum, mean: sum / data.length, l2: Math.sqrt(squares), min, max };
}

/** Euclidean norm of a - b. */
export function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    s += d * d;
  }
  return Math.sqrt(s);
}

/** A view of one item along the first axis, without copying. */
export function slice0(t: PlainTensor, index: number): PlainTensor {
  const dims = t.dims.slice(1);
  const size = numel(dims);
  return { data: t.data.subarray(index * size, (index + 1) * size), dims };
}

/** Channel-wise mean of |x| for a [1, C, H, W] or [C, H, W] tensor. */
export function channelEnergy(t: PlainTensor): Float32Array {
  const [c, h, w] = t.dims.slice(-3) as [number, number, number];
  const out = new Float32Array(c);
  const plane = h * w;
  for (let k = 0; k < c; k++) {
    let s = 0;
    for (let i = 0; i < plane; i++) s += Math.abs(t.data[k * plane + i]!);
    out[k] = s / plane;
  }
  return out;
}

/** Indices of the k largest values, largest first; ties go to the lower index. */
export function topK(values: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i)
    .sort((a, b) => values[b]! - values[a]! || a - b)
    .slice(0, k);
}

/** `n` evenly spaced values from `lo` to `hi`, both ends included (n ≥ 2). */
export function linspace(n: number, lo: number, hi: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

/** Element-wise a + b into a new tensor. */
export function add(a: PlainTensor, b: PlainTensor): PlainTensor {
  const data = new Float32Array(a.data.length);
  for (let i = 0; i < data.length; i++) data[i] = a.data[i]! + b.data[i]!;
  return { data, dims: [...a.dims] };
}
