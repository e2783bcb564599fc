/**
 * Signal propagation through a deep stack, measured from its hidden
 * activations: how large each depth's activation is, and how much a small
 * change of the input still moves it (a central finite-difference
 * Jacobian-vector product, the forward mirror of the gradient norm that
 * He et al. 2016, Sec. 4.1, discuss for plain and residual networks).
 *
 * Pure functions on plain arrays, so tests can check them on hand-made
 * tensors and the figure can run them on a slice's `hidden` output.
 */
import { IMAGENET_MEAN, IMAGENET_STD, numel, type PlainTensor } from '@model-walkthroughs/core';

/** Per-depth norms of one stack; index 0 is the stem output. */
export interface DepthNorms {
  /** ‖h_l(x₀)‖₂ for each depth l. */
  activation: number[];
  /** ‖(h_l(x₀ + εv) − h_l(x₀ − εv)) / 2ε‖₂ for each depth l. */
  jvp: number[];
}

/**
 * Norms per depth from a `hidden` tensor shaped [L, 3, ...], whose batch
 * holds x₀, x₀ + εv and x₀ − εv in that order. Differences and sums are
 * taken in float64 from the float32 values, as the manifests' reference
 * recipe does.
 */
export function depthNorms(hidden: PlainTensor, epsilon: number): DepthNorms {
  const [depths, batch] = hidden.dims as [number, number];
  if (hidden.dims.length < 2 || batch !== 3) {
    throw new RangeError(`hidden must be [L, 3, ...], not [${hidden.dims.join(', ')}]`);
  }
  if (!(epsilon > 0)) throw new RangeError(`epsilon must be positive, not ${epsilon}`);

  const size = numel(hidden.dims.slice(2));
  const { data } = hidden;
  const activation: number[] = [];
  const jvp: number[] = [];

  for (let l = 0; l < depths; l++) {
    const base = l * 3 * size;
    let squares = 0;
    let moved = 0;
    for (let i = 0; i < size; i++) {
      const h = data[base + i]!;
      const d = (data[base + size + i]! - data[base + 2 * size + i]!) / (2 * epsilon);
      squares += h * h;
      moved += d * d;
    }
    activation.push(Math.sqrt(squares));
    jvp.push(Math.sqrt(moved));
  }
  return { activation, jvp };
}

/**
 * mulberry32, a tiny seeded generator of floats in [0, 1): the same seed
 * gives the same direction on every machine.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A pseudo-random direction of unit length: Gaussian entries (Box-Muller
 * on mulberry32), so every direction is equally likely, then normalised.
 */
export function unitDirection(length: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  const v = new Float64Array(length);
  for (let i = 0; i < length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - random()));
    const phi = 2 * Math.PI * random();
    v[i] = r * Math.cos(phi);
    if (i + 1 < length) v[i + 1] = r * Math.sin(phi);
  }

  let squares = 0;
  for (let i = 0; i < length; i++) squares += v[i]! * v[i]!;
  const norm = Math.sqrt(squares);
  for (let i = 0; i < length; i++) v[i] = v[i]! / norm;
  return v;
}

/**
 * The batch [x₀, x₀ + εv, x₀ − εv], shaped [3, ...x₀'s dims without the
 * leading 1], so one inference call gives the value and both probes.
 */
export function probeBatch(
  x0: PlainTensor,
  direction: ArrayLike<number>,
  epsilon: number,
): PlainTensor {
  const n = x0.data.length;
  if (direction.length !== n) {
    throw new RangeError(`direction has ${direction.length} values, x₀ has ${n}`);
  }
  const data = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    const x = x0.data[i]!;
    const step = epsilon * direction[i]!;
    data[i] = x;
    data[n + i] = x + step;
    data[2 * n + i] = x - step;
  }
  const sample = x0.dims[0] === 1 ? x0.dims.slice(1) : x0.dims;
  return { data, dims: [3, ...sample] };
}

/**
 * Planar RGB in 0..1 ([3, H, W] floats) normalised with the ImageNet
 * statistics into a [1, 3, H, W] tensor, in place.
 */
export function normaliseImageNet(rgb: Float32Array, height: number, width: number): PlainTensor {
  const plane = height * width;
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < plane; i++) {
      rgb[c * plane + i] = (rgb[c * plane + i]! - IMAGENET_MEAN[c]!) / IMAGENET_STD[c]!;
    }
  }
  return { data: rgb, dims: [1, 3, height, width] };
}

/** ‖a‖₂ / ‖b‖₂, in float64. */
export function normRatio(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return l2(a) / l2(b);
}

/** ‖a‖₂, accumulated in float64. */
export function l2(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * a[i]!;
  return Math.sqrt(s);
}
