/**
 * A small seeded generator, so that an episode can be replayed: the same
 * seed gives the same draws on every machine and in every browser.
 *
 * xoshiro128** (Blackman and Vigna, 2018) on four 32-bit words, seeded by
 * splitmix32 from one integer. `next()` joins two outputs into a double
 * with 53 random bits, like `Math.random()` at its best.
 */
export class Random {
  #s = new Uint32Array(4);

  /** `seed` is any finite number; its integer part picks the sequence. */
  constructor(seed = 0) {
    this.seed(seed);
  }

  /** Restarts the sequence from `seed`. */
  seed(seed: number): void {
    if (!Number.isFinite(seed)) throw new RangeError(`Random: seed ${seed} is not finite.`);
    // Two words of the integer part, so seeds above 2³² still differ.
    const whole = Math.trunc(seed);
    let x = (whole >>> 0) ^ Math.imul(Math.floor(whole / 2 ** 32) | 0, 0x85ebca6b);
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.#s[i] = z ^ (z >>> 16);
    }
    // An all-zero state would only ever give zeros.
    if (this.#s.every((w) => w === 0)) this.#s[0] = 1;
  }

  /** One 32-bit unsigned integer. */
  nextUint32(): number {
    const s = this.#s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A double in [0, 1) with 53 random bits. */
  next(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** A double in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** A standard normal draw (Box–Muller; one draw per two uniforms). */
  normal(): number {
    // 1 − u lies in (0, 1], so the logarithm is finite.
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
