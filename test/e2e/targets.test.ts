// The same course on the docker and vagrant targets: a target only supplies the kernel, so every lesson must pass there too.
// Skips with the reason when a target cannot start here, unless STEPLAB_REQUIRE_TARGETS is set (CI), where a skip fails.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTarget } from '../../src/cli/targets.ts';
import { runCommand } from '../../src/process/spawn.ts';

const repo = join(import.meta.dirname, '../..');
const lessons = readdirSync(join(repo, 'lessons')).filter((f) => /^\d+-.*\.md$/.test(f));
const required = Boolean(process.env.STEPLAB_REQUIRE_TARGETS);

/** Why a target cannot be used here, or undefined when it starts. */
async function unavailable(name: 'docker' | 'vagrant'): Promise<string | undefined> {
  try {
    const target = await openTarget(name);
    await target.dispose();
    return undefined;
  } catch (error) {
    return (error as Error).message.split('\n')[0];
  }
}

for (const name of ['docker', 'vagrant'] as const) {
  const reason = await unavailable(name);
  if (reason) console.warn(`${required ? 'FAILING' : 'skipping'} the course on the ${name} target: ${reason}`);
  describe.skipIf(reason !== undefined && !required)(`the course on the ${name} target`, () => {
    it('passes verify, every lesson and the fixture course', { timeout: 900_000 }, async () => {
      expect(reason, `the ${name} target is required here but cannot start`).toBeUndefined();
      const r = await runCommand(process.execPath, ['bin/steplab.js', 'verify', 'lessons', 'test/fixtures/course', '--target', name, '--jobs', '2'], {
        cwd: repo,
        timeoutMs: 890_000,
        env: { CI: 'true', TESTCONTAINERS_RYUK_DISABLED: 'true' },
      });
      expect(r.stdout.trimEnd().split('\n').at(-1), r.stdout + r.stderr).toBe(`${lessons.length + 2} passed, 0 failed`);
      expect(r.exitCode).toBe(0);
    });
  });
}
