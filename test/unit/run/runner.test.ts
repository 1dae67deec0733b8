// runLesson through its public options, on a fake sandbox: challenges must start unsolved, resume replays, verify stops at the first failure.

import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/lesson/parse.ts';
import type { Lesson } from '../../../src/lesson/types.ts';
import { runLesson } from '../../../src/run/runner.ts';
import type { Reporter } from '../../../src/run/events.ts';
import type { RunOptions, Sandbox, ShellResult } from '../../../src/sandbox/types.ts';

/**
 * A sandbox whose "kernel" is a set of flags. The lesson shell knows three commands: `set NAME` raises a flag,
 * `fail` exits 1, `say TEXT` prints; a check `sh "has NAME" succeeds` asks the probe shell whether a flag is up.
 */
class FakeSandbox implements Sandbox {
  readonly flags = new Set<string>();
  /** Every line the lesson shell ran, in order. */
  readonly ran: string[] = [];
  disposed = 0;

  async run(code: string, _options: RunOptions): Promise<ShellResult> {
    let output = '';
    for (const line of code.split('\n')) {
      this.ran.push(line);
      const [command, ...rest] = line.trim().split(/\s+/);
      if (command === 'set') rest.forEach((f) => this.flags.add(f));
      else if (command === 'say') output += `${rest.join(' ')}\n`;
      else if (command === 'fail') return { exitCode: 1, output: `${output}failed\n`, timedOut: false, durationMs: 1 };
      else throw new Error(`the fake sandbox does not know \`${line}\``);
    }
    return { exitCode: 0, output, timedOut: false, durationMs: 1 };
  }

  async probe(code: string): Promise<ShellResult> {
    const asked = /has (\w+)/.exec(code);
    if (!asked?.[1]) throw new Error(`the fake probe does not know \`${code}\``);
    return { exitCode: this.flags.has(asked[1]) ? 0 : 1, output: '', timedOut: false, durationMs: 1 };
  }

  interactiveArgv(): readonly string[] {
    return ['false'];
  }

  async dispose(): Promise<void> {
    this.disposed += 1;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }
}

/** A lesson from its steps' Markdown, with valid front matter. */
function lesson(...steps: string[]): Lesson {
  const text = ['---', 'format: 1', 'id: fake', 'title: Fake', 'summary: A lesson for the fake sandbox.', 'world: none', '---', '', '# Fake', '', ...steps].join('\n');
  const parsed = parseLesson(text, 'fake.md');
  if (!parsed.lesson) throw new Error(`fixture lesson does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.lesson;
}

const step = (title: string, code: string, check: string): string => `## ${title}\n\nProse.\n\n\`\`\`sh\n${code}\n\`\`\`\n\n\`\`\`check\n${check}\n\`\`\`\n`;
const challenge = (title: string, solution: string, check: string): string =>
  `## Challenge: ${title}\n\nDo it.\n\n\`\`\`solution\n${solution}\n\`\`\`\n\n\`\`\`check\n${check}\n\`\`\`\n`;

/** Run unattended (as verify does) on a fresh fake sandbox; returns the outcome, the sandbox and the steps reporters saw start. */
async function verify(l: Lesson, options: { resumeFrom?: number } = {}) {
  const sandbox = new FakeSandbox();
  const started: string[] = [];
  const reporter: Reporter = { onStepStart: (s) => void started.push(s.title) };
  const outcome = await runLesson(l, { target: 'fake', startSandbox: async () => sandbox, reporters: [reporter], ...options });
  return { outcome, sandbox, started };
}

describe('runLesson, unattended', () => {
  it('passes a challenge whose checks fail before the solution and pass after it', async () => {
    const { outcome } = await verify(lesson(challenge('raise a', 'set a', 'sh "has a" succeeds')));
    expect(outcome.status).toBe('passed');
    expect(outcome.steps[0]?.checksBefore.map((c) => c.result.passed)).toEqual([false]);
    expect(outcome.steps[0]?.checks.map((c) => c.result.passed)).toEqual([true]);
  });

  it('fails a challenge that is already solved before its solution runs', async () => {
    const { outcome } = await verify(lesson(step('Raise a', 'set a', 'sh "has a" succeeds'), challenge('raise a again', 'set a', 'sh "has a" succeeds')));
    expect(outcome.status).toBe('failed');
    expect(outcome.steps[1]?.status).toBe('failed');
    expect(outcome.steps[1]?.reason).toMatch(/^fake\.md:\d+: every check of this challenge already passes before the solution runs/);
  });

  it('stops at the first failing block: later blocks and steps never run', async () => {
    const l = lesson(step('One', 'set a', 'sh "has a" succeeds'), step('Two', 'fail\nset b', 'sh "has b" succeeds'), step('Three', 'set c', 'sh "has c" succeeds'));
    const { outcome, sandbox, started } = await verify(l);
    expect(outcome.status).toBe('failed');
    expect(outcome.steps.map((s) => s.status)).toEqual(['passed', 'failed']);
    expect(outcome.steps[1]?.reason).toMatch(/^fake\.md:\d+: `fail` … exited with 1; expected 0$/);
    expect(sandbox.ran).toEqual(['set a', 'fail']);
    expect(started).toEqual(['One', 'Two']);
    expect(sandbox.disposed).toBe(1);
  });

  it('stops at the first failing check, naming it', async () => {
    const l = lesson(step('One', 'say hi', 'sh "has a" succeeds'), step('Two', 'set b', 'sh "has b" succeeds'));
    const { outcome, sandbox } = await verify(l);
    expect(outcome.steps.map((s) => s.status)).toEqual(['failed']);
    expect(outcome.steps[0]?.reason).toMatch(/^fake\.md:\d+: sh "has a" succeeds: sh "has a" exited 1; expected success/);
    expect(sandbox.ran).toEqual(['say hi']);
  });

  it('resumes: earlier steps are replayed silently (commands, or a challenge`s solution), then the rest runs and is reported', async () => {
    const l = lesson(step('One', 'set a', 'sh "has a" succeeds'), challenge('raise b', 'set b', 'sh "has b" succeeds'), step('Three', 'set c', 'sh "has a" succeeds\nsh "has b" succeeds\nsh "has c" succeeds'));
    const { outcome, sandbox, started } = await verify(l, { resumeFrom: 2 });
    expect(outcome.status).toBe('passed');
    expect(sandbox.ran).toEqual(['set a', 'set b', 'set c']);
    expect(started).toEqual(['Three']);
    expect(outcome.steps.map((s) => s.step.title)).toEqual(['Three']);
  });
});
