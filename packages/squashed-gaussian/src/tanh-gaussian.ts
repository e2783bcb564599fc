/**
 * The tanh-squashed Gaussian of SAC (Haarnoja et al. 2018, Appendix C):
 * u ~ N(μ, σ²), a = tanh(u). Densities, the change-of-variables correction
 * of log π, seeded reparameterised samples and the numeric integrals the
 * tests check them with. Pure functions; one action dimension.
 */

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log N(u; μ, σ²). */
export function normalLogPdf(u: number, mu: number, sigma: number): number {
  const z = (u - mu) / sigma;
  return -0.5 * z * z - Math.log(sigma) - LOG_SQRT_2PI;
}

/** N(u; μ, σ²). */
export function normalPdf(u: number, mu: number, sigma: number): number {
  return Math.exp(normalLogPdf(u, mu, sigma));
}

/**
 * The density of a = tanh(u): p(a) = N(atanh a; μ, σ²) / (1 − a²), since
 * da/du = 1 − tanh²(u). Zero outside (−1, 1).
 */
export function squashedPdf(a: number, mu: number, sigma: number): number {
  if (!(Math.abs(a) < 1)) return 0;
  return normalPdf(Math.atanh(a), mu, sigma) / (1 - a * a);
}

/** log(1 + eˣ) without overflow. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * log(1 − tanh²(u)) = 2(log 2 − u − softplus(−2u)), the form SAC
 * implementations use: 1 − tanh²(u) rounds to 0 in float32 for |u| > 9,
 * and its log to −∞, while this stays finite.
 */
export function logOneMinusTanh2(u: number): number {
  return 2 * (Math.LN2 - u - softplus(-2 * u));
}

/** The parts of log π(a) for one pre-tanh sample u. */
export interface LogProbParts {
  u: number;
  a: number;
  /** log N(u; μ, σ²). */
  logNormal: number;
  /** log(1 − tanh²(u)), subtracted from logNormal. */
  logJacobian: number;
  /** log π(a) = log N(u; μ, σ²) − log(1 − tanh²(u)). */
  logProb: number;
  /** log π of the environment action scale·a: logProb − log(scale). */
  logProbScaled: number;
}

/** log π(a) for a = tanh(u), and for the scaled action scale·a. */
export function squashedLogProb(u: number, mu: number, sigma: number, scale = 1): LogProbParts {
  const logNormal = normalLogPdf(u, mu, sigma);
  const logJacobian = logOneMinusTanh2(u);
  const logProb = logNormal - logJacobian;
  return {
    u,
    a: Math.tanh(u),
    logNormal,
    logJacobian,
    logProb,
    logProbScaled: logProb - Math.log(scale),
  };
}

/** A seeded generator of uniforms in [0, 1) (mulberry32). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n standard normals from a uniform generator (Box–Muller, both outputs). */
export function standardNormals(next: () => number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - next()));
    const t = 2 * Math.PI * next();
    out[i] = r * Math.cos(t);
    if (i + 1 < n) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

/** The reparameterisation trick: a = tanh(μ + σ·ε) for each ε. */
export function reparameterise(mu: number, sigma: number, eps: ArrayLike<number>): Float64Array {
  return Float64Array.from(eps as ArrayLike<number>, (e) => Math.tanh(mu + sigma * e));
}

/** ∫ f over [lo, hi] by the midpoint rule with n intervals. */
export function integrate(f: (x: number) => number, lo: number, hi: number, n: number): number {
  const h = (hi - lo) / n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += f(lo + (i + 0.5) * h);
  return sum * h;
}

/** E[tanh(u)] for u ~ N(μ, σ²), integrated over μ ± 12σ. */
export function expectedTanh(mu: number, sigma: number): number {
  return integrate(
    (u) => Math.tanh(u) * normalPdf(u, mu, sigma),
    mu - 12 * sigma,
    mu + 12 * sigma,
    4000,
  );
}

/** A histogram as densities: bin centres and counts / (n · width). */
export function histogram(
  values: ArrayLike<number>,
  lo: number,
  hi: number,
  bins: number,
): { x: number; density: number }[] {
  const counts = new Array<number>(bins).fill(0);
  const width = (hi - lo) / bins;
  for (let i = 0; i < values.length; i++) {
    const k = Math.floor((values[i]! - lo) / width);
    if (k >= 0 && k < bins) counts[k]!++;
  }
  return counts.map((c, k) => ({
    x: lo + (k + 0.5) * width,
    density: c / (values.length * width),
  }));
}
