// Seeded pseudo-random numbers for the synthetic benchmark. Everything the generator draws goes through
// one of these, so a seed fixes the whole output (no Math.random, no clock).

/**
 * The code points of a string. All text here is NFC with no combining marks, where a code point is one key
 * press; grapheme segmentation (Intl.Segmenter) would only slow the hot loops down.
 */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

/** A 32-bit integer hash (lowbias32); used to derive independent keys from a seed and a label. */
export function hash32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes a string with a seed into 32 bits (FNV-1a folded through hash32). */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return hash32(h);
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

type ZipfCache = Map<number, Float64Array>;
const zipfTables = new WeakMap<readonly unknown[], ZipfCache>();

// Cumulative Zipf–Mandelbrot weights 1/(rank+q)^s, cached per array so a hot loop pays one binary search.
function zipfTable(items: readonly unknown[], s: number, q: number): Float64Array {
  let cache = zipfTables.get(items);
  if (!cache) {
    cache = new Map();
    zipfTables.set(items, cache);
  }
  // A numeric key: a template string per draw showed up in profiles.
  const key = s * 65536 + q;
  let table = cache.get(key);
  if (!table) {
    table = new Float64Array(items.length);
    let total = 0;
    for (let rank = 1; rank <= items.length; rank++) {
      total += 1 / Math.pow(rank + q, s);
      table[rank - 1] = total;
    }
    cache.set(key, table);
  }
  return table;
}

/** xoshiro128** seeded through splitmix32: fast, 128 bits of state, good enough for simulation. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // Seeds may exceed 32 bits; fold the high part in so 2^32 + 1 and 1 differ.
    let s = (Math.floor(seed) ^ Math.floor(seed / 4294967296)) >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** The next unsigned 32-bit integer. */
  u32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.b << 9) >>> 0;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive (ranges up to 2^32). */
  int(min: number, max: number): number {
    if (max < min) throw new Error(`int(${min}, ${max}): empty range`);
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** A uniformly chosen element; throws on an empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty array');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** An element chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    if (!(total > 0)) throw new Error('weighted pick with no positive weight');
    let r = this.float() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    // Float rounding can leave r at a hair above zero: fall back to the last positive weight.
    for (let i = items.length - 1; i >= 0; i--) {
      const entry = items[i];
      if (entry && entry[1] > 0) return entry[0];
    }
    throw new Error('unreachable');
  }

  /** The index of a Zipf–Mandelbrot draw over ranks 1..n: weight 1/(rank+q)^s (q = 0 is plain Zipf). */
  zipfIndex(items: readonly unknown[], s = 1, q = 0): number {
    if (items.length === 0) throw new Error('zipf pick from an empty array');
    const table = zipfTable(items, s, q);
    const r = this.float() * (table[table.length - 1] ?? 0);
    let lo = 0;
    let hi = table.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((table[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** An element drawn by rank with Zipf–Mandelbrot weights (the array's order is its frequency order). */
  zipf<T>(items: readonly T[], s = 1, q = 0): T {
    return items[this.zipfIndex(items, s, q)] as T;
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** An independent generator derived from this one's seed material and a label. */
  fork(label: string): Rng {
    return new Rng(hashString(label, this.u32()));
  }
}

/**
 * A keyed bijection on [0, size): a 4-round Feistel network with cycle walking. Issues identifiers that look
 * random yet never collide, without remembering the ones already issued (1M persons would need a huge Set).
 */
export class Permutation {
  private readonly halfBits: number;
  private readonly halfSize: number;
  private readonly mask: number;
  private readonly keys: number[];

  constructor(
    private readonly size: number,
    key: number,
  ) {
    if (!(size >= 2) || size > 2 ** 52) throw new Error(`Permutation size ${size} out of range`);
    let bits = Math.max(2, Math.ceil(Math.log2(size)));
    if (bits % 2 === 1) bits++;
    this.halfBits = bits / 2;
    this.halfSize = 2 ** this.halfBits;
    // The round function works on 32-bit integers; halves of up to 26 bits fit.
    this.mask = this.halfSize - 1;
    this.keys = [0, 1, 2, 3].map((round) => hash32(key ^ hash32(round + 0x51ed27)));
  }

  private round(value: number, k: number): number {
    return hash32(value ^ k) & this.mask;
  }

  private encrypt(x: number): number {
    let left = Math.floor(x / this.halfSize);
    let right = x % this.halfSize;
    for (const k of this.keys) {
      const next = (left ^ this.round(right, k)) >>> 0;
      left = right;
      right = next;
    }
    return left * this.halfSize + right;
  }

  /** The image of index (0 ≤ index < size). */
  apply(index: number): number {
    if (index < 0 || index >= this.size) throw new Error(`Permutation index ${index} out of range`);
    let x = this.encrypt(index);
    while (x >= this.size) x = this.encrypt(x);
    return x;
  }
}
