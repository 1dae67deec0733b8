// The real CLI (bin/steplab.js) on a small fixture course: verify, reports, lint, and cleanup when stopped.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/process/spawn.ts';
import { hostNetworkState, processesWith, sandboxUnavailable } from '../integration/host-state.ts';

const BIN = join(import.meta.dirname, '../../bin/steplab.js');
const COURSE = join(import.meta.dirname, '../fixtures/course');
const SLOW = join(import.meta.dirname, '../fixtures/slow/01-slow.md');
const skip = await sandboxUnavailable('CLI end-to-end tests');

const steplab = (...args: string[]) => runCommand(process.execPath, [BIN, ...args], { timeoutMs: 120_000, env: { CI: 'true' } });

describe('steplab lint', () => {
  it('passes the fixture course and reports a broken lesson as file:line:col with exit 1', async () => {
    expect((await steplab('lint', COURSE)).exitCode).toBe(0);
    const bad = await steplab('lint', join(import.meta.dirname, '../fixtures/lessons/bad-assertion.md'));
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout + bad.stderr).toMatch(/bad-assertion\.md:\d+:\d+: /);
    expect(bad.stdout + bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('ends quietly when its reader stops early (`steplab lint … | head -1`), without a stack trace', async () => {
    const files = Array.from({ length: 40 }, () => join(import.meta.dirname, '../fixtures/lessons/bad-assertion.md'));
    const quoted = [process.execPath, BIN, 'lint', ...files].map((w) => `'${w}'`).join(' ');
    const r = await runCommand('bash', ['-c', `${quoted} | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], { timeoutMs: 60_000, env: { CI: 'true' } });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(r.stderr).toMatch(/status=(141|1)\b/);
  });
});

describe.skipIf(skip)('steplab verify', () => {
  it('runs the fixture course, ends with the summary line, and writes JUnit and JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'steplab-e2e-'));
    const before = await hostNetworkState();
    const junit = await steplab('verify', COURSE, '--jobs', '2', '--reporter', 'junit', '--output', join(dir, 'junit.xml'));
    expect(junit.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 0 failed');
    expect(junit.exitCode).toBe(0);
    const xml = await readFile(join(dir, 'junit.xml'), 'utf8');
    expect(xml).toContain('<testsuite name="fixture-namespaces"');
    expect(xml).toContain('<testsuite name="fixture-challenge"');
    const json = await steplab('verify', COURSE, '--reporter', 'json');
    const report = JSON.parse(json.stdout) as { format: number; lessons: { id: string; status: string; steps: { changes: { text: string }[] }[] }[] };
    expect(report.format).toBe(1);
    expect(report.lessons.map((l) => [l.id, l.status])).toEqual([
      ['fixture-namespaces', 'passed'],
      ['fixture-challenge', 'passed'],
    ]);
    expect(report.lessons[0]?.steps[0]?.changes.map((c) => c.text).join('\n')).toMatch(/red/);
    expect(await hostNetworkState()).toBe(before);
  });

  it('fails with exit 1 and says which check failed where', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'steplab-e2e-'));
    const lesson = join(dir, '01-wrong.md');
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(lesson, '---\nformat: 1\nid: wrong\ntitle: Wrong\nworld: none\n---\n\n## Make red\n\n```sh\nip netns add red\n```\n\n```check\nnetns blue exists\n```\n'),
    );
    const r = await steplab('verify', lesson);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(`${lesson}:15`);
    expect(r.stdout).toMatch(/blue/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });

  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    it(`leaves no process, namespace, link or rule behind when stopped with ${signal}`, async () => {
      const before = await hostNetworkState();
      const child = spawn(process.execPath, [BIN, 'verify', SLOW], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
      await waitFor(async () => (await processesWith('steplab-e2e-marker-fg')).length > 0, 30_000);
      expect(await processesWith('steplab-e2e-marker-bg')).toHaveLength(1);
      child.kill(signal);
      await new Promise((resolve) => child.once('exit', resolve));
      await waitFor(async () => (await processesWith('steplab-e2e-marker')).length === 0, 10_000);
      expect(await processesWith('steplab-e2e-marker')).toEqual([]);
      expect(await hostNetworkState()).toBe(before);
    });
  }
});

/** Poll until a condition holds, or fail after a limit. */
async function waitFor(condition: () => Promise<boolean>, limitMs: number): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`condition not met within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
