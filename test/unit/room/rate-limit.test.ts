// Join attempts: a few wrong codes a minute per address, more joins; the minute slides.

import { describe, expect, it } from 'vitest';
import { JoinLimiter } from '../../../src/room/rate-limit.ts';

describe('JoinLimiter', () => {
  it('stops an address after the wrong codes allowed, for the rest of the minute, and not another address', () => {
    let now = 0;
    const limiter = new JoinLimiter({ failures: 3, attempts: 100 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.attempt('10.0.0.9')).toBe(0);
      limiter.failed('10.0.0.9');
      now += 1000;
    }
    expect(limiter.attempt('10.0.0.9')).toBe(57);
    expect(limiter.attempt('10.0.0.7')).toBe(0);
    now = 60_001;
    expect(limiter.attempt('10.0.0.9')).toBe(0);
  });

  it('caps joins an address makes, right codes included', () => {
    let now = 0;
    const limiter = new JoinLimiter({ failures: 3, attempts: 5 }, () => now);
    for (let i = 0; i < 5; i++) expect(limiter.attempt('a')).toBe(0);
    expect(limiter.attempt('a')).toBeGreaterThan(0);
    now = 61_000;
    expect(limiter.attempt('a')).toBe(0);
  });
});
