import { describe, expect, it } from 'vitest';
import { jsonReport } from '../../../src/report/json.ts';
import { junitXml } from '../../../src/report/junit.ts';
import { PlainReporter } from '../../../src/report/plain.ts';
import { block, check, lesson, lessonOutcome, ran, sink, step, stepOutcome, verdict } from './fixtures.ts';

describe('verify --keep-going: steps after the first failure are marked in every report', () => {
  const first = step(0, 'Make red', { commands: [block('ip netns add red\nip link set nope up', 20)] });
  const second = step(1, 'Make blue', { checks: [check('blue', 30)] });
  const third = step(2, 'Look around');
  const l = lesson([first, second, third]);
  const steps = [
    stepOutcome(first, { blocks: [{ ...ran(first.commands[0]!, 'Cannot find device "nope"\n', 1), failedLine: 2 }], reason: 'lessons/02-veth-pairs.md:22: `ip link set nope up` exited with 1; expected 0' }),
    stepOutcome(second, { checks: [verdict(check('blue', 30), false)], afterFailure: true }),
    stepOutcome(third, { afterFailure: true, durationMs: 5 }),
  ];
  const outcome = lessonOutcome(l, steps);

  it('plain: every failure with its file:line, later steps marked', () => {
    const out = sink();
    const r = new PlainReporter({ stream: out, unicode: false });
    r.onLessonStart(l, { target: 'local', resumeFrom: 0 });
    for (const s of steps) r.onStepEnd(s, l);
    r.onLessonEnd(outcome);
    const text = out.text();
    expect(text).toContain('  FAIL Make red: lessons/02-veth-pairs.md:22: `ip link set nope up` exited with 1; expected 0\n');
    expect(text).toContain('      FAIL sh block: expected exit 0, got 1 (lessons/02-veth-pairs.md:22)\n');
    expect(text).toContain('  FAIL Make blue (after an earlier failure): a check failed\n');
    expect(text).toContain('      FAIL netns blue exists - netns blue is absent; expected it to exist (lessons/02-veth-pairs.md:30)\n');
    expect(text).toContain('  ok Look around (after an earlier failure) (5 ms)\n');
  });

  it('JUnit and JSON say it too', () => {
    const xml = junitXml([outcome]);
    expect(xml).toContain('message="after an earlier failure: a check failed"');
    expect(xml).toContain('sh block at lessons/02-veth-pairs.md:22: expected exit 0, got 1');
    const json = jsonReport([outcome]).lessons[0]!.steps;
    expect(json.map((s) => s.afterFailure)).toEqual([false, true, true]);
    expect(json[0]!.blocks[0]!.failedLine).toBe(22);
  });
});
