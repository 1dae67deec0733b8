// What the room accepts from learners: names, events, batches, doctor reports; everything else refused with words.

import { describe, expect, it } from 'vitest';
import { BATCH_MAX, checkBatch, checkDoctor, checkName, Invalid, MESSAGE_MAX, NAME_MAX } from '../../../src/room/protocol.ts';

const event = (extra: Record<string, unknown> = {}) => ({ seq: 1, at: 1000, kind: 'step-start', lesson: 'l', step: 0, ...extra });

describe('checkName', () => {
  it('keeps ordinary names, trimmed, accents and apostrophes included', () => {
    expect(checkName('  Zoë O\'Brien ')).toBe("Zoë O'Brien");
    expect(checkName('李雷')).toBe('李雷');
  });

  it.each([
    ['<img src=x onerror=alert(1)>', /< or >/],
    ['<script>alert(1)</script>', /< or >/],
    ['a\u0000b', /control characters/],
    ['bad\u202eeman', /control characters/],
    ['line\nbreak', /control characters/],
    ['', /empty/],
    ['   ', /empty/],
    ['x'.repeat(NAME_MAX + 1), /longer than 40/],
  ])('refuses %j', (name, why) => {
    expect(() => checkName(name)).toThrow(why);
  });

  it('refuses what is not text', () => {
    expect(() => checkName(42)).toThrow(Invalid);
    expect(() => checkName(undefined)).toThrow(/--name/);
  });
});

describe('checkBatch', () => {
  it('keeps the known fields and drops the rest', () => {
    const [e] = checkBatch({ events: [event({ kind: 'check', passed: false, message: 'ping fails', evil: '<b>' })] });
    expect(e).toEqual({ seq: 1, at: 1000, kind: 'check', lesson: 'l', step: 0, passed: false, message: 'ping fails' });
  });

  it('refuses unknown kinds, bad numbers and long messages, naming the event', () => {
    expect(() => checkBatch({ events: [event(), event({ kind: 'drop-table' })] })).toThrow(/event 1: kind must be one of/);
    expect(() => checkBatch({ events: [event({ seq: -1 })] })).toThrow(/seq must be a whole number/);
    expect(() => checkBatch({ events: [event({ step: 1.5 })] })).toThrow(/step must be a whole number/);
    expect(() => checkBatch({ events: [event({ message: 'm'.repeat(MESSAGE_MAX + 1) })] })).toThrow(/longer than 500/);
    expect(() => checkBatch({ events: [event({ passed: 'yes' })] })).toThrow(/true or false/);
  });

  it('refuses a batch too large or not a list', () => {
    expect(() => checkBatch({ events: Array.from({ length: BATCH_MAX + 1 }, (_, i) => event({ seq: i })) })).toThrow(/at most 200 events/);
    expect(() => checkBatch({ events: 'lots' })).toThrow(/must be an array/);
    expect(() => checkBatch(null)).toThrow(/must be an array/);
  });
});

describe('checkDoctor', () => {
  it('takes a verdict and lines, or nothing', () => {
    expect(checkDoctor(undefined)).toBeUndefined();
    expect(checkDoctor({ ready: false, verdict: 'not ready: curl is missing', lines: ['tool: curl MISSING'] })).toEqual({ ready: false, verdict: 'not ready: curl is missing', lines: ['tool: curl MISSING'] });
    expect(() => checkDoctor({ ready: 'yes', verdict: 'x' })).toThrow(/doctor.ready/);
    expect(() => checkDoctor({ ready: true, verdict: 'x', lines: Array(101).fill('l') })).toThrow(/at most 100 lines/);
  });
});
