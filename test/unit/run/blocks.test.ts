import { describe, expect, it } from 'vitest';
import { blockFailure, failedCommand } from '../../../src/run/blocks.ts';
import type { BlockOutcome } from '../../../src/run/events.ts';
import { block, lesson } from '../report/fixtures.ts';

const l = lesson([]);
const outcome = (code: string, extra: Partial<BlockOutcome>): BlockOutcome => ({
  block: block(code, 30), exitCode: 1, output: '', timedOut: false, durationMs: 5, ok: false, ...extra,
});

describe('a failed block names the command that failed', () => {
  it('gives the file line and text of the failing command, from the line the shell sent', () => {
    const o = outcome('ip netns add red\nip link set nope up\necho done', { failedLine: 2 });
    expect(failedCommand(o)).toEqual({ line: 32, text: 'ip link set nope up', ofBlock: 2 });
    expect(blockFailure(o, l)).toBe('lessons/02-veth-pairs.md:32: `ip link set nope up` exited with 1; expected 0 (failed at line 2 of the block)');
  });

  it('names the command that was running when a block timed out', () => {
    const o = outcome('echo start\nsleep 60', { failedLine: 2, timedOut: true, exitCode: 130 });
    expect(blockFailure(o, l)).toBe('lessons/02-veth-pairs.md:32: `sleep 60` timed out after 30 s (failed at line 2 of the block)');
  });

  it('falls back to the block when the shell named no line', () => {
    expect(blockFailure(outcome('ping -c1 10.0.0.9\necho x', { exitCode: 0, block: block('ping -c1 10.0.0.9\necho x', 30, { exit: 1 }) }), l))
      .toBe('lessons/02-veth-pairs.md:30: `ping -c1 10.0.0.9` … exited with 0; expected 1');
    expect(failedCommand(outcome('true', { failedLine: 7 }))).toBeUndefined();
  });
});
