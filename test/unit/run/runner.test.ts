// runLesson through its public options, on a fake sandbox: challenges must start unsolved, resume replays, verify stops at the first failure.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/lesson/parse.ts';
import type { Lesson } from '../../../src/lesson/types.ts';
import { runCommand } from '../../../src/process/spawn.ts';
import { runLesson } from '../../../src/run/runner.ts';
import type { Reporter } from '../../../src/run/events.ts';
import type { RunOptions, Sandbox, ShellResult } from '../../../src/sandbox/types.ts';

/**
 * A sandbox without namespaces: a bash on this machine working in a temporary folder, the "kernel state" being the files
 * there. Blocks run with `set -e` (as the lesson shell stops at the first failing command); probes run as they come
 * (in bash, or in sh for the reader's),
 * so a check like `sh "test -e a" succeeds` asks whether a block made the file `a`.
 */
class FakeSandbox implements Sandbox {
  readonly dir = mkdtempSync(join(tmpdir(), 'steplab-fake-sandbox-'));
  /** Every block the lesson shell ran, in order. */
  readonly ran: string[] = [];
  /** Every probe (a check's live test, a snapshot) it ran, in order. */
  readonly probed: string[] = [];
  disposed = 0;

  async run(code: string, options: RunOptions): Promise<ShellResult> {
    this.ran.push(code);
    return this.#shell('bash', `set -e\n${code}`, options.timeoutMs);
  }

  async probe(code: string, timeoutMs = 15_000): Promise<ShellResult> {
    this.probed.push(code);
    return this.#shell('bash', code, timeoutMs);
  }

  async read(code: string, timeoutMs = 15_000): Promise<ShellResult> {
    this.probed.push(code);
    return this.#shell('sh', code, timeoutMs);
  }

  interactiveArgv(): readonly string[] {
    return ['false'];
  }

  async dispose(): Promise<void> {
    this.disposed += 1;
    rmSync(this.dir, { recursive: true, force: true });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }

  async #shell(shell: 'bash' | 'sh', code: string, timeoutMs: number): Promise<ShellResult> {
    const r = await runCommand(shell, ['-c', code], { cwd: this.dir, timeoutMs });
    return { exitCode: r.exitCode, output: r.stdout + r.stderr, timedOut: r.timedOut, durationMs: r.durationMs };
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
    const { outcome } = await verify(lesson(challenge('raise a', 'touch a', 'sh "test -e a" succeeds')));
    expect(outcome.status).toBe('passed');
    expect(outcome.steps[0]?.checksBefore.map((c) => c.result.passed)).toEqual([false]);
    expect(outcome.steps[0]?.checks.map((c) => c.result.passed)).toEqual([true]);
  });

  it('proves a challenge unsolved with its cheap checks first: when one fails, its probes do not run before the solution', async () => {
    const { outcome, sandbox } = await verify(lesson(challenge('raise a', 'touch a\necho done', 'output contains "done"\nsh "test -e a" succeeds')));
    expect(outcome.status).toBe('passed');
    expect(outcome.steps[0]?.checksBefore.map((c) => [c.check.source, c.result.passed])).toEqual([['output contains "done"', false], ['sh "test -e a" succeeds', false]]);
    expect(outcome.steps[0]?.checksBefore[1]?.result.message).toMatch(/^not run: an earlier check already fails/);
    expect(sandbox.probed.filter((code) => code.includes('test -e a'))).toHaveLength(1);
  });

  it('runs the probes before the solution when every cheap check passes, so one of them must show it unsolved', async () => {
    const { outcome, sandbox } = await verify(lesson(challenge('raise a', 'touch a', 'exit status is 0\nsh "test -e a" succeeds')));
    expect(outcome.status).toBe('passed');
    expect(outcome.steps[0]?.checksBefore.map((c) => c.result.passed)).toEqual([true, false]);
    expect(sandbox.probed.filter((code) => code.includes('test -e a'))).toHaveLength(2);
  });

  it('fails a challenge that is already solved before its solution runs', async () => {
    const { outcome } = await verify(lesson(step('Raise a', 'touch a', 'sh "test -e a" succeeds'), challenge('raise a again', 'touch a', 'sh "test -e a" succeeds')));
    expect(outcome.status).toBe('failed');
    expect(outcome.steps[1]?.status).toBe('failed');
    expect(outcome.steps[1]?.reason).toMatch(/^fake\.md:\d+: every check of this challenge already passes before the solution runs/);
  });

  it('stops at the first failing block: later blocks and steps never run', async () => {
    const two = '## Two\n\nTwo blocks.\n\n```sh\ntrue\nfalse\ntouch b\n```\n\n```sh\ntouch b2\n```\n\n```check\nsh "test -e b" succeeds\n```\n';
    const l = lesson(step('One', 'touch a', 'sh "test -e a" succeeds'), two, step('Three', 'touch c', 'sh "test -e c" succeeds'));
    const { outcome, sandbox, started } = await verify(l);
    expect(outcome.status).toBe('failed');
    expect(outcome.steps.map((s) => s.status)).toEqual(['passed', 'failed']);
    expect(outcome.steps[1]?.reason).toMatch(/^fake\.md:\d+: .*exited with 1; expected 0$/);
    expect(outcome.steps[1]?.blocks.map((b) => b.ok)).toEqual([false]);
    expect(sandbox.ran).toEqual(['touch a', 'true\nfalse\ntouch b']);
    expect(started).toEqual(['One', 'Two']);
    expect(sandbox.disposed).toBe(1);
  });

  it('stops at the first failing check, naming it', async () => {
    const l = lesson(step('One', 'echo hi', 'sh "test -e a" succeeds'), step('Two', 'touch b', 'sh "test -e b" succeeds'));
    const { outcome, sandbox } = await verify(l);
    expect(outcome.steps.map((s) => s.status)).toEqual(['failed']);
    expect(outcome.steps[0]?.reason).toMatch(/^fake\.md:\d+: sh "test -e a" succeeds: sh "test -e a" exited 1; expected success/);
    expect(sandbox.ran).toEqual(['echo hi']);
  });

  it('resumes: earlier steps are replayed silently (commands, or a challenge`s solution), then the rest runs and is reported', async () => {
    const l = lesson(step('One', 'touch a', 'sh "test -e a" succeeds'), challenge('raise b', 'touch b', 'sh "test -e b" succeeds'), step('Three', 'touch c', 'sh "test -e a" succeeds\nsh "test -e b" succeeds\nsh "test -e c" succeeds'));
    const { outcome, sandbox, started } = await verify(l, { resumeFrom: 2 });
    expect(outcome.status).toBe('passed');
    expect(sandbox.ran).toEqual(['touch a', 'touch b', 'touch c']);
    expect(started).toEqual(['Three']);
    // The summary counts the whole lesson: the replayed steps come first, marked as such (skipped: not done by the learner).
    expect(outcome.steps.map((s) => [s.step.title, s.replayed ?? false])).toEqual([['One', true], ['Challenge: raise b', true], ['Three', false]]);
  });
});
