import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonReporter, jsonReport } from '../../../src/report/json.ts';
import { CHANGES, block, check, lesson, lessonOutcome, ran, sink, step, stepOutcome, verdict } from './fixtures.ts';

describe('jsonReport', () => {
  const add = block('ip netns add red', 20);
  const challenge = step(0, 'Make red', { challenge: true, checks: [check('red', 25)], solution: [add] });
  const l = lesson([challenge]);
  const outcome = lessonOutcome(l, [
    stepOutcome(challenge, {
      blocks: [ran(add, 'ok\n')],
      checks: [verdict(check('red', 25), true)],
      checksBefore: [verdict(check('red', 25), false)],
      changes: CHANGES,
    }),
  ]);

  it('records every step with its blocks, checks before and after the solution, and changes', () => {
    expect(jsonReport([outcome])).toEqual({
      format: 1,
      lessons: [
        {
          id: 'veth-pairs',
          file: 'lessons/02-veth-pairs.md',
          target: 'local',
          status: 'passed',
          error: null,
          durationMs: 4250,
          steps: [
            {
              id: 'make-red',
              title: 'Make red',
              status: 'passed',
              reason: null,
              durationMs: 123,
              afterFailure: false,
              blocks: [{ line: 20, exitCode: 0, expected: 0, timedOut: false, durationMs: 12, failedLine: null, output: 'ok\n' }],
              checks: [{ line: 25, source: 'netns red exists', passed: true, message: 'seen' }],
              checksBeforeSolution: [{ line: 25, source: 'netns red exists', passed: false, message: 'netns red is absent; expected it to exist' }],
              changes: [
                { ns: null, kind: 'netns', op: '+', text: 'namespace red' },
                { ns: 'red', kind: 'link', op: '+', text: 'veth veth-red' },
              ],
            },
          ],
        },
      ],
      summary: { passed: 1, failed: 0 },
    });
  });

  it('writes to a stream or atomically to a file', async () => {
    const out = sink();
    await new JsonReporter(out).onRunEnd([outcome, lessonOutcome(l, [], { status: 'broken', error: 'no ip' })]);
    const parsed = JSON.parse(out.text());
    expect(parsed.summary).toEqual({ passed: 1, failed: 1 });
    expect(parsed.lessons[1].error).toBe('no ip');
    const dir = await mkdtemp(join(tmpdir(), 'steplab-json-'));
    try {
      await new JsonReporter(join(dir, 'report.json')).onRunEnd([outcome]);
      expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toEqual(jsonReport([outcome]));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
