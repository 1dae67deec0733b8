// Every shipped lesson passes `steplab verify` on the sandbox target (each challenge starts unsolved and its solution solves it).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/process/spawn.ts';
import { sandboxUnavailable } from '../integration/host-state.ts';

const repo = join(import.meta.dirname, '../..');
const lessons = readdirSync(join(repo, 'lessons')).filter((f) => /^\d+-.*\.md$/.test(f)).sort();
const skip = await sandboxUnavailable('lesson verification');

describe.skipIf(skip)('the course on the sandbox target', () => {
  it('ships lessons', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(3);
  });

  it('lints clean: no errors, and every command can be explained', async () => {
    const r = await runCommand(process.execPath, ['bin/steplab.js', 'lint', 'lessons'], { cwd: repo, env: { CI: 'true' } });
    expect(r.stdout + r.stderr).not.toMatch(/: (error|warning): /);
    expect(r.exitCode).toBe(0);
  });

  it('passes verify, every lesson', { timeout: 600_000 }, async () => {
    const r = await runCommand(process.execPath, ['bin/steplab.js', 'verify', 'lessons', '--jobs', '2'], { cwd: repo, timeoutMs: 590_000, env: { CI: 'true' } });
    const last = r.stdout.trimEnd().split('\n').at(-1);
    expect(last, r.stdout).toBe(`${lessons.length} passed, 0 failed`);
    expect(r.exitCode).toBe(0);
  });
});
