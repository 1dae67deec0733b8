import { describe, expect, it } from 'vitest';
import { parseShard, takeShard } from '../../../src/cli/shard.ts';

describe('--shard K/N', () => {
  it('reads K/N and leaves no shard when the option is absent', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard(undefined)).toBeUndefined();
  });

  it.each(['0/2', '3/2', '1/0', '1', '1/2/3', 'a/b', '-1/2', '1.5/2', ''])('rejects %j with the form to use', (value) => {
    expect(() => parseShard(value)).toThrow(/--shard takes K\/N with 1 ≤ K ≤ N/);
  });

  it('puts every lesson in exactly one shard, dealt in course order', () => {
    const lessons = Array.from({ length: 15 }, (_, i) => `${String(i + 1).padStart(2, '0')}.md`);
    for (const count of [1, 2, 3, 4, 15, 20]) {
      const shards = Array.from({ length: count }, (_, k) => takeShard(lessons, { index: k + 1, count }));
      expect(shards.flat().toSorted()).toEqual(lessons);
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(takeShard(lessons, { index: 2, count: 4 })).toEqual(['02.md', '06.md', '10.md', '14.md']);
  });

  it('splits alike on every call (no randomness) and keeps everything without a shard', () => {
    const lessons = ['a', 'b', 'c', 'd', 'e'];
    expect(takeShard(lessons, { index: 1, count: 2 })).toEqual(takeShard([...lessons], { index: 1, count: 2 }));
    expect(takeShard(lessons, undefined)).toEqual(lessons);
  });
});
