/** Seeded randomness for deterministic generators (articles, clinics, queries). */

import { mulberry32 } from '../../src/directory/demo.js';

export { mulberry32 };

/** Mixes a seed and an index into a new 32-bit seed (so item i does not depend on item i-1). */
export function mixSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export type Random = () => number;

export function int(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

export function pickUniform<T>(rand: Random, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** Picks from a list with Zipf weights 1/rank^s; ranks come from a fixed shuffle of the list. */
export class ZipfPicker<T> {
  readonly #items: T[];
  readonly #cumulative: number[];

  constructor(list: readonly T[], rankSeed: number, s = 1.0) {
    const rand = mulberry32(rankSeed);
    this.#items = [...list];
    for (let i = this.#items.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [this.#items[i], this.#items[j]] = [this.#items[j]!, this.#items[i]!];
    }
    let total = 0;
    this.#cumulative = this.#items.map((_, rank) => (total += 1 / (rank + 1) ** s));
  }

  pick(rand: Random): T {
    const target = rand() * this.#cumulative[this.#cumulative.length - 1]!;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return this.#items[lo]!;
  }
}
