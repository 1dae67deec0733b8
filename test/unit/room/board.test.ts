// The board from events: each cell's state (stuck after a quiet while), counts per step, and the sentences on top.

import { describe, expect, it } from 'vitest';
import { makeBoard, type BoardLearner, type OutlineLesson } from '../../../src/room/board.ts';
import { foldEvent, newLearnerState } from '../../../src/room/learner-state.ts';
import type { RoomEvent } from '../../../src/room/protocol.ts';

const LESSONS: OutlineLesson[] = [
  { id: 'bridge', title: 'A bridge', steps: ['Make it', 'Plug c1', 'Ping'] },
  { id: 'nat', title: 'NAT', steps: ['Masquerade'] },
];
const MIN = 60_000;

/** A learner who did these events, the n-th at minute n. */
function learner(id: number, events: Omit<RoomEvent, 'seq' | 'at'>[]): BoardLearner {
  const state = newLearnerState(0);
  events.forEach((e, i) => foldEvent(state, { ...e, seq: i, at: i * MIN }, i * MIN));
  return { id, name: `L${id}`, doctor: undefined, state };
}

const start = (step: number, lesson = 'bridge') => ({ kind: 'step-start' as const, lesson, step });
const end = (step: number, status: string, message?: string) => ({ kind: 'step-end' as const, lesson: 'bridge', step, status, ...(message ? { message } : {}) });
const fail = (step: number, message: string) => ({ kind: 'check' as const, lesson: 'bridge', step, passed: false, message });

describe('makeBoard', () => {
  it('colours each cell: done, working, failing, todo, skipped', () => {
    const l = learner(1, [start(0), end(0, 'passed'), start(1), fail(1, 'link c1 is up: it is down')]);
    const board = makeBoard(LESSONS, [l], { now: 4 * MIN, stuckMs: 5 * MIN });
    expect(board.lesson).toBe('bridge');
    expect(board.rows[0]?.cells.map((c) => c.state)).toEqual(['done', 'failing', 'todo']);
    expect(board.rows[0]?.cells[1]?.message).toBe('link c1 is up: it is down');
    const skipped = learner(2, [start(0), end(0, 'skipped')]);
    expect(makeBoard(LESSONS, [skipped], { now: MIN, stuckMs: 5 * MIN }).rows[0]?.cells[0]?.state).toBe('skipped');
  });

  it('calls a learner stuck after the quiet time at the step they are on, failing or working', () => {
    const l = learner(1, [start(0), end(0, 'passed'), start(1), fail(1, 'ping fails')]);
    expect(makeBoard(LESSONS, [l], { now: 3 * MIN + 4 * MIN, stuckMs: 5 * MIN }).rows[0]?.cells[1]?.state).toBe('failing');
    expect(makeBoard(LESSONS, [l], { now: 3 * MIN + 5 * MIN, stuckMs: 5 * MIN }).rows[0]?.cells[1]?.state).toBe('stuck');
    const working = learner(2, [start(0)]);
    expect(makeBoard(LESSONS, [working], { now: 10 * MIN, stuckMs: 5 * MIN }).rows[0]?.cells[0]?.state).toBe('stuck');
  });

  it('shows a done step as worked on again when the learner starts it over, and failing when it fails', () => {
    const again = learner(1, [start(0), end(0, 'passed'), start(0)]);
    expect(makeBoard(LESSONS, [again], { now: 3 * MIN, stuckMs: 5 * MIN }).rows[0]?.cells[0]?.state).toBe('working');
    const failed = learner(1, [start(0), end(0, 'passed'), start(0), fail(0, 'late')]);
    expect(makeBoard(LESSONS, [failed], { now: 4 * MIN, stuckMs: 5 * MIN }).rows[0]?.cells[0]).toEqual({ state: 'failing', message: 'late' });
  });

  it('counts each step and says who is stuck where, with the most common message', () => {
    const stuck = (id: number, message: string) => learner(id, [start(0), end(0, 'passed'), start(1), end(1, 'passed'), start(2), fail(2, message)]);
    const learners = [stuck(1, 'ping 198.51.100.10 from c1 fails'), stuck(2, 'ping 198.51.100.10 from c1 fails'), stuck(3, 'other'), learner(4, [start(0)])];
    const board = makeBoard(LESSONS, learners, { now: 20 * MIN, stuckMs: 5 * MIN });
    expect(board.counts[2]).toEqual({ done: 0, working: 0, failing: 0, stuck: 3, message: 'ping 198.51.100.10 from c1 fails' });
    expect(board.sentences[0]).toBe('3 of 4 stuck on step 3: ping 198.51.100.10 from c1 fails');
    expect(board.sentences).toContain('1 of 4 stuck on step 1');
  });

  it('shows the lesson most learners are in, or the one asked for', () => {
    const inNat = (id: number) => learner(id, [start(0, 'nat')]);
    const board = makeBoard(LESSONS, [inNat(1), inNat(2), learner(3, [start(0)])], { now: MIN, stuckMs: 5 * MIN });
    expect(board.lesson).toBe('nat');
    expect(board.rows.map((r) => r.cells.length)).toEqual([1, 1, 1]);
    expect(makeBoard(LESSONS, [inNat(1)], { lesson: 'bridge', now: MIN, stuckMs: 5 * MIN }).lesson).toBe('bridge');
    expect(makeBoard(LESSONS, [], { lesson: 'nope', now: MIN, stuckMs: 5 * MIN }).lesson).toBe('bridge');
  });
});
