import { describe, expect, it } from 'vitest';
import { PlainReporter } from '../../../src/report/plain.ts';
import { block, check, lesson, lessonOutcome, ran, sink, step, stepOutcome, verdict } from './fixtures.ts';

describe('PlainReporter', () => {
  const add = block('ip netns add red', 20);
  const create = step(0, 'Create a namespace', { commands: [add], checks: [check('red', 25)] });
  const ping = step(1, 'Ping across', { commands: [block('ping -c1 10.0.0.2', 34)] });
  const skip = step(2, 'Look around');
  const l = lesson([create, ping, skip]);

  it('prints a line a lesson and a step, failed checks and blocks with file:line, and the count last', () => {
    const out = sink();
    const r = new PlainReporter({ stream: out, unicode: true });
    const failed = stepOutcome(ping, {
      blocks: [ran(ping.commands[0]!, 'PING 10.0.0.2\nconnect: Network is unreachable\n', 2)],
      checks: [verdict(check('blue', 36), false)],
      reason: 'the commands failed and 1 check failed',
    });
    const steps = [stepOutcome(create, { durationMs: 45 }), failed, stepOutcome(skip, { status: 'skipped' })];
    r.onLessonStart(l, { target: 'local', resumeFrom: 0 });
    for (const s of steps) r.onStepEnd(s, l);
    const outcome = lessonOutcome(l, steps);
    r.onLessonEnd(outcome);
    r.onRunEnd([outcome]);
    expect(out.text()).toBe(
      [
        'veth-pairs: Connect two namespaces with a veth pair (lessons/02-veth-pairs.md, target local)',
        '  ✔ Create a namespace (45 ms)',
        '  ✘ Ping across: the commands failed and 1 check failed',
        '      ✘ sh block: expected exit 0, got 2 (lessons/02-veth-pairs.md:34)',
        '          | PING 10.0.0.2',
        '          | connect: Network is unreachable',
        '      ✘ netns blue exists — netns blue is absent; expected it to exist (lessons/02-veth-pairs.md:36)',
        '  ↷ Look around (skipped)',
        '  => veth-pairs failed in 4.3 s',
        '0 passed, 1 failed',
        '',
      ].join('\n'),
    );
  });

  it('keeps the lines of parallel lessons together, flushing each when it ends', () => {
    const out = sink();
    const r = new PlainReporter({ stream: out, unicode: false });
    const other = lesson([step(0, 'Only step')], { id: 'bridges', file: 'lessons/03-bridges.md', title: 'Bridges' });
    r.onLessonStart(l, { target: 'local', resumeFrom: 0 });
    r.onLessonStart(other, { target: 'local', resumeFrom: 0 });
    r.onStepEnd(stepOutcome(create), l);
    r.onStepEnd(stepOutcome(other.steps[0]!), other);
    expect(out.text()).toBe('');
    r.onStepEnd(stepOutcome(ping), l);
    r.onLessonEnd(lessonOutcome(other, [stepOutcome(other.steps[0]!)]));
    r.onLessonEnd(lessonOutcome(l, [stepOutcome(create), stepOutcome(ping)]));
    r.onRunEnd([lessonOutcome(other, []), lessonOutcome(l, [])]);
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toEqual([
      'bridges: Bridges (lessons/03-bridges.md, target local)',
      '  ok Only step (123 ms)',
      '  => bridges passed in 4.3 s',
      'veth-pairs: Connect two namespaces with a veth pair (lessons/02-veth-pairs.md, target local)',
      '  ok Create a namespace (123 ms)',
      '  ok Ping across (123 ms)',
      '  => veth-pairs passed in 4.3 s',
      '2 passed, 0 failed',
    ]);
  });

  it('reports a broken lesson, flushes a lesson that never ended, and still ends with the count', () => {
    const out = sink();
    const r = new PlainReporter({ stream: out, unicode: false });
    const other = lesson([], { id: 'nat', file: 'lessons/08-nat.md' });
    r.onLessonStart(other, { target: 'docker', resumeFrom: 0 });
    r.onLessonStart(l, { target: 'docker', resumeFrom: 0 });
    r.onLessonEnd(lessonOutcome(l, [], { status: 'broken', error: 'the sandbox could not start: unshare: Operation not permitted' }));
    r.onRunEnd([lessonOutcome(l, [], { status: 'broken' }), lessonOutcome(other, [], { status: 'quit' })]);
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toContain('  FAIL could not run: the sandbox could not start: unshare: Operation not permitted');
    expect(lines).toContain('nat: Connect two namespaces with a veth pair (lessons/08-nat.md, target docker)');
    expect(lines.at(-1)).toBe('0 passed, 2 failed');
  });

  it('names a challenge check that already held before the solution ran', () => {
    const out = sink();
    const r = new PlainReporter({ stream: out, unicode: false });
    const challenge = step(0, 'Make red', { challenge: true, checks: [check('red', 25)] });
    r.onStepEnd(
      stepOutcome(challenge, { status: 'failed', reason: 'a check held before the solution ran', checksBefore: [verdict(check('red', 25), true)] }),
      l,
    );
    r.onRunEnd([]);
    expect(out.text()).toContain('      FAIL already true before the solution ran: netns red exists (lessons/02-veth-pairs.md:25)');
  });
});
