import { describe, expect, it } from 'vitest';
import { runLesson } from '../../../src/run/runner.ts';
import type { Sandbox } from '../../../src/sandbox/types.ts';
import { block, lesson, step } from '../report/fixtures.ts';

/** A sandbox whose blocks fail when their code says `fail`; it records what ran. */
function fakeSandbox(ran: string[]): Sandbox {
  return {
    run: async (code) => {
      ran.push(code);
      const failed = code.includes('fail');
      return { exitCode: failed ? 1 : 0, output: '', timedOut: false, durationMs: 1, failedLine: failed ? 1 : 0 };
    },
    probe: async () => ({ exitCode: 0, output: '', timedOut: false, durationMs: 1 }),
    read: async () => ({ exitCode: 0, output: '', timedOut: false, durationMs: 1 }),
    interactiveArgv: () => [],
    dispose: async () => {},
    [Symbol.asyncDispose]: async () => {},
  };
}

const l = lesson([
  step(0, 'One', { commands: [block('fail one', 10)] }),
  step(1, 'Two', { commands: [block('echo two', 20)] }),
  step(2, 'Three', { commands: [block('fail three', 30)] }),
], { requires: [] });

describe('runLesson unattended', () => {
  it('stops at the first failing step by default', async () => {
    const ran: string[] = [];
    const outcome = await runLesson(l, { target: 'fake', startSandbox: async () => fakeSandbox(ran), reporters: [] });
    expect(outcome.status).toBe('failed');
    expect(outcome.steps.map((s) => s.status)).toEqual(['failed']);
    expect(ran).toEqual(['fail one']);
  });

  it('with keepGoing runs every step and marks those after the first failure', async () => {
    const ran: string[] = [];
    const outcome = await runLesson(l, { target: 'fake', startSandbox: async () => fakeSandbox(ran), reporters: [], keepGoing: true });
    expect(outcome.status).toBe('failed');
    expect(outcome.steps.map((s) => [s.step.title, s.status, s.afterFailure === true])).toEqual([
      ['One', 'failed', false],
      ['Two', 'passed', true],
      ['Three', 'failed', true],
    ]);
    expect(outcome.steps.map((s) => s.reason)).toEqual([
      'lessons/02-veth-pairs.md:11: `fail one` exited with 1; expected 0',
      undefined,
      'lessons/02-veth-pairs.md:31: `fail three` exited with 1; expected 0',
    ]);
    expect(ran).toEqual(['fail one', 'echo two', 'fail three']);
  });
});
