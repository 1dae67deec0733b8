// What a learner's steplab tells the room: the runner's events as room events, and the instructor's notices back.

import { describe, expect, it } from 'vitest';
import { RoomReporter, type RoomSink } from '../../../src/room/client/reporter.ts';
import { RoomSession } from '../../../src/room/client/session.ts';
import type { CheckOutcome, StepOutcome } from '../../../src/run/events.ts';
import { block, lesson, step } from '../report/fixtures.ts';

function sink() {
  const pushed: Parameters<RoomSink['push']>[0][] = [];
  return { pushed, sink: { push: (e: Parameters<RoomSink['push']>[0]) => void pushed.push(e), at: () => {} } satisfies RoomSink };
}

const check = (passed: boolean, message: string): CheckOutcome => ({ check: { source: 'link c1 is up', line: 9, assertion: { kind: 'sh', command: 'x', ns: undefined, expect: 'succeeds' } }, result: { passed, message } as CheckOutcome['result'] });

describe('RoomReporter', () => {
  const solve = step(1, 'Yours', { challenge: true, solution: [block('make two', 60, { kind: 'solution' })] });
  const l = lesson([step(0, 'One'), solve]);

  it('sends step starts, checks with the failing message, step ends with the time, and skips checks meant to fail', () => {
    const { pushed, sink: s } = sink();
    const r = new RoomReporter(s, { interactive: false });
    r.onLessonStart(l);
    r.onStepStart(l.steps[0]!, l);
    r.onCheck(check(false, 'it is down'), l.steps[0]!, 'before-solution');
    r.onCheck(check(false, 'it is down\nmore lines'), l.steps[0]!, 'after');
    r.onStepEnd({ step: l.steps[0]!, status: 'failed', reason: 'lesson.md:9: link c1 is up: it is down', durationMs: 1234, blocks: [], checks: [], checksBefore: [], changes: [] } as StepOutcome, l);
    expect(pushed).toEqual([
      { kind: 'lesson-start', lesson: l.id },
      { kind: 'step-start', lesson: l.id, step: 0 },
      { kind: 'check', lesson: l.id, step: 0, passed: false, message: 'link c1 is up: it is down' },
      { kind: 'step-end', lesson: l.id, step: 0, status: 'failed', passed: false, durationMs: 1234, message: 'link c1 is up: it is down' },
    ]);
  });

  it('counts a challenge`s solution as revealed only when a learner ran it, once', () => {
    const unattended = sink();
    new RoomReporter(unattended.sink, { interactive: false }).onBlockStart(solve.solution[0]!, solve);
    expect(unattended.pushed).toEqual([]);
    const learner = sink();
    const r = new RoomReporter(learner.sink, { interactive: true });
    r.onLessonStart(l);
    r.onBlockStart(solve.solution[0]!, solve);
    r.onBlockStart(solve.solution[0]!, solve);
    expect(learner.pushed.filter((e) => e.kind === 'solution')).toEqual([{ kind: 'solution', lesson: l.id, step: 1 }]);
  });
});

describe('RoomSession', () => {
  it('hands the controller each notice once, a reset once, and acknowledges what it showed', async () => {
    const session = new RoomSession({ room: 'http://127.0.0.1:9', key: 'k', pollMs: 60_000 });
    session.at('l', 2);
    // Notices arrive with every answer until acknowledged: the same ones twice are shown once.
    const notices = [{ id: 3, kind: 'hint' as const, text: 'look at ip netns' }, { id: 4, kind: 'reset' as const, text: '', step: 0 }];
    session.receive(notices);
    session.receive(notices);
    expect(session.takeReset()).toBe(true);
    expect(session.takeReset()).toBe(false);
    const shown = session.takeNotices();
    expect(shown.map((n) => n.title)).toEqual(['A hint from your instructor', 'From your instructor']);
    expect(shown[1]?.text).toMatch(/rebuilt to the start of the step you are on\. They named step 1: .*--step 1/);
    expect(session.takeNotices()).toEqual([]);
    expect(await session.close(10)).toBe(0);
  });
});
