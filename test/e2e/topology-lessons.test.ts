// Golden pictures of every shipped lesson's network at its end, drawn by `steplab topology` at 80 columns.
// UPDATE_GOLDEN=1 rewrites them; review the diff like any other change.

import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/process/spawn.ts';
import { sandboxUnavailable } from '../integration/host-state.ts';

const repo = join(import.meta.dirname, '../..');
const goldenDir = join(repo, 'test/fixtures/topology/lessons');
const lessons = readdirSync(join(repo, 'lessons')).filter((f) => /^\d+-.*\.md$/.test(f)).sort();
const skip = await sandboxUnavailable('the lessons\' topology pictures');

describe.skipIf(skip)('topology of each lesson at its end', () => {
  for (const file of lessons) {
    it(file, { timeout: 180_000 }, async () => {
      const r = await runCommand(process.execPath, ['bin/steplab.js', 'topology', join('lessons', file)], { cwd: repo, timeoutMs: 170_000, env: { CI: 'true' } });
      expect(r.exitCode, r.stderr).toBe(0);
      for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
      const golden = join(goldenDir, file.replace(/\.md$/, '.txt'));
      // A missing picture fails (also outside CI): writing it here would compare the output with itself.
      if (process.env.UPDATE_GOLDEN) await writeFile(golden, r.stdout);
      else if (!existsSync(golden)) throw new Error(`no golden picture ${golden}; review the output, then run UPDATE_GOLDEN=1 npx vitest run test/e2e/topology-lessons.test.ts`);
      expect(r.stdout).toBe(await readFile(golden, 'utf8'));
    });
  }
});
