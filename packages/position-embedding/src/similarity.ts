/**
 * The arithmetic of the figure, free of the DOM so tests can check it
 * directly: cosine similarity between position embeddings, and the 2D
 * sine-cosine embedding that a ViT could use instead of learned ones.
 */

/** cos θ = a·b / (‖a‖ ‖b‖); 0 when either vector is all zeros. */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  const norm = Math.sqrt(aa * bb);
  return norm === 0 ? 0 : dot / norm;
}

/**
 * Every pair's cosine similarity for `count` vectors of `dim` numbers
 * stored one after another: a count × count matrix, row-major, in float64
 * so the diagonal is 1 to the last digit.
 */
export function similarityMatrix(
  vectors: ArrayLike<number>,
  count: number,
  dim: number,
): Float64Array {
  const unit = new Float64Array(count * dim);
  for (let p = 0; p < count; p++) {
    let s = 0;
    for (let k = 0; k < dim; k++) s += vectors[p * dim + k]! ** 2;
    const n = Math.sqrt(s) || 1;
    for (let k = 0; k < dim; k++) unit[p * dim + k] = vectors[p * dim + k]! / n;
  }

  const out = new Float64Array(count * count);
  for (let p = 0; p < count; p++) {
    for (let q = p; q < count; q++) {
      let dot = 0;
      for (let k = 0; k < dim; k++) dot += unit[p * dim + k]! * unit[q * dim + k]!;
      out[p * count + q] = dot;
      out[q * count + p] = dot;
    }
  }
  return out;
}

/**
 * The 2D sine-cosine position embedding of a grid × grid layout with `dim`
 * numbers per position (dim a multiple of 4), position p = row·grid + col.
 * The first half of the numbers encodes the row, the second the column,
 * each as the 1D embedding of Vaswani et al. 2017 (Sec. 3.5) with d = dim/2:
 *
 *   ω_i = 1 / base^(2i/d),  i = 0 … d/2 − 1
 *   e[2i] = sin(row·ω_i),  e[2i+1] = cos(row·ω_i)
 *   e[d+2i] = sin(col·ω_i),  e[d+2i+1] = cos(col·ω_i)
 *
 * (the layout MAE, He et al. 2022, uses for its fixed ViT embeddings, up to
 * the order of the numbers, which no cosine similarity can see).
 */
export function sinusoidal2d(grid: number, dim: number, base = 10_000): Float32Array {
  if (dim % 4 !== 0) throw new RangeError(`dim must be a multiple of 4, not ${dim}`);
  const half = dim / 2;
  const out = new Float32Array(grid * grid * dim);
  for (let row = 0; row < grid; row++) {
    for (let col = 0; col < grid; col++) {
      const e = (row * grid + col) * dim;
      for (let i = 0; i < half / 2; i++) {
        const omega = 1 / base ** ((2 * i) / half);
        out[e + 2 * i] = Math.sin(row * omega);
        out[e + 2 * i + 1] = Math.cos(row * omega);
        out[e + half + 2 * i] = Math.sin(col * omega);
        out[e + half + 2 * i + 1] = Math.cos(col * omega);
      }
    }
  }
  return out;
}

/**
 * What the cosine similarity of two 2D sinusoidal embeddings comes to in
 * closed form: every (sin, cos) pair has length 1, so ‖e‖² = dim/2, and
 * sin a sin b + cos a cos b = cos(a − b), hence
 * sim = (2/dim) Σ_i [cos(Δrow·ω_i) + cos(Δcol·ω_i)]: a function of the
 * offset alone.
 */
export function sinusoidalSimilarity(
  dRow: number,
  dCol: number,
  dim: number,
  base = 10_000,
): number {
  const half = dim / 2;
  let s = 0;
  for (let i = 0; i < half / 2; i++) {
    const omega = 1 / base ** ((2 * i) / half);
    s += Math.cos(dRow * omega) + Math.cos(dCol * omega);
  }
  return (2 / dim) * s;
}

/**
 * The patch positions' rows of a [1, N+1, D] position-embedding table whose
 * row 0 belongs to [CLS]: an N × D block, copied.
 */
export function patchPositions(table: { data: Float32Array; dims: number[] }): Float32Array {
  const dim = table.dims.at(-1)!;
  return table.data.slice(dim);
}

/**
 * How local a set of embeddings is: the mean similarity between positions
 * next to each other (one step along a row or column), and between positions
 * at least `far` steps apart (row steps plus column steps).
 */
export function locality(
  matrix: Float64Array,
  grid: number,
  far = grid / 2,
): { adjacent: number; far: number } {
  const n = grid * grid;
  const sums = { adjacent: 0, far: 0 };
  const counts = { adjacent: 0, far: 0 };
  for (let p = 0; p < n; p++) {
    for (let q = 0; q < n; q++) {
      const steps =
        Math.abs(Math.floor(p / grid) - Math.floor(q / grid)) + Math.abs((p % grid) - (q % grid));
      const kind = steps === 1 ? 'adjacent' : steps >= far ? 'far' : undefined;
      if (kind === undefined) continue;
      sums[kind] += matrix[p * n + q]!;
      counts[kind] += 1;
    }
  }
  return { adjacent: sums.adjacent / counts.adjacent, far: sums.far / counts.far };
}

/** The other position most similar to `p`. */
export function mostSimilar(matrix: Float64Array, n: number, p: number): number {
  let best = p === 0 ? 1 : 0;
  for (let q = 0; q < n; q++) {
    if (q !== p && matrix[p * n + q]! > matrix[p * n + best]!) best = q;
  }
  return best;
}
