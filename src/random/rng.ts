import seedrandom from 'seedrandom';

/** A weighted option: the value and its relative weight. */
export type Weighted<T> = readonly (readonly [T, number])[];

const CUMULATIVE = new WeakMap<object, Float64Array>();

/** Running sums of the weights, computed once per options table (tables are module constants). */
function cumulativeWeights(options: Weighted<unknown>): Float64Array {
  let sums = CUMULATIVE.get(options);
  if (sums === undefined) {
    sums = new Float64Array(options.length);
    let total = 0;
    options.forEach(([, weight], i) => {
      total += weight;
      (sums as Float64Array)[i] = total;
    });
    CUMULATIVE.set(options, sums);
  }
  return sums;
}

/**
 * A seeded pseudo-random number generator with the draws the generators need. Backed by
 * seedrandom's Alea, which is fast and fully determined by its string seed.
 */
export class Rng {
  private readonly source: () => number;

  constructor(seed: string) {
    this.source = seedrandom.alea(seed);
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.source();
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + (max - min) * this.source();
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.source() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.source() < p;
  }

  /** One element, uniformly. The array must not be empty. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick: empty list');
    return items[Math.floor(this.source() * items.length)] as T;
  }

  /** One value drawn by weight. */
  weighted<T>(options: Weighted<T>): T {
    const cumulative = cumulativeWeights(options);
    const r = this.source() * (cumulative[cumulative.length - 1] ?? 0);
    for (let i = 0; i < cumulative.length; i++) {
      if (r < (cumulative[i] as number)) return (options[i] as readonly [T, number])[0];
    }
    const last = options[options.length - 1];
    if (last === undefined) throw new RangeError('Rng.weighted: no options');
    return last[0];
  }

  /** k distinct elements in random order (k is clamped to the list length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.source() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }

  /** A uniform integer in [0, n) different from `exclude` (n must be ≥ 2). */
  intExcept(n: number, exclude: number): number {
    const r = Math.floor(this.source() * (n - 1));
    return r >= exclude ? r + 1 : r;
  }

  /** A string of `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++)
      out += alphabet.charAt(Math.floor(this.source() * alphabet.length));
    return out;
  }

  /** A string of decimal digits (one draw per 9 digits: it is on hot paths). */
  digits(length: number): string {
    let out = '';
    while (out.length < length) {
      const n = Math.min(9, length - out.length);
      out += String(Math.floor(this.source() * 10 ** n)).padStart(n, '0');
    }
    return out;
  }

  /** Uppercase letters. */
  letters(length: number): string {
    return this.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', length);
  }

  /** Lowercase hex. */
  hex(length: number): string {
    return this.chars('0123456789abcdef', length);
  }

  /** Normal draw (Box–Muller), used for amounts that cluster around a mean. */
  normal(mean: number, sd: number): number {
    const u = 1 - this.source();
    const v = this.source();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
