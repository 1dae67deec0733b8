// `--shard K/N`: the K-th of N parts of a course, the same on every machine, so a CI matrix can spread a course.

import { usageError } from '../errors.ts';

/** One part of N (index from 1 to count). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** `K/N` read into a shard; anything else is a usage error that shows the form. */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count) {
    throw usageError(`--shard takes K/N with 1 ≤ K ≤ N, not "${value}"`, 'Example: --shard 1/3 in the first of three CI jobs, --shard 2/3 in the second, --shard 3/3 in the third.');
  }
  return { index, count };
}

/**
 * The items of one shard: item i (0-based, in course order) goes to shard (i mod N) + 1. Course order depends only on
 * file names, so every machine splits alike; dealing round-robin mixes early, short lessons with late, long ones.
 */
export function takeShard<T>(items: readonly T[], shard: Shard | undefined): T[] {
  if (shard === undefined) return [...items];
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}
