// Golden pictures of every shipped lesson's network at its end, drawn at 80 columns, from the one run of the
// course the e2e tests share (test/support/course-run.ts: drawn after the last step, before the cleanup, as
// `steplab topology LESSON` draws it). One lesson also goes through `steplab topology` itself, to prove the
// command draws what the shared run draws.
// UPDATE_GOLDEN=1 rewrites them; review the diff like any other change.

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/process/spawn.ts';
import { sandboxUnavailable } from '../integration/host-state.ts';
import { courseFiles, failureOf, lessonRecord, repo } from '../support/course-run.ts';

const goldenDir = join(repo, 'test/fixtures/topology/lessons');
const skip = await sandboxUnavailable('the lessons\' topology pictures');

/** The golden picture of a lesson, or a failure saying how to make one (writing it here would compare the output with itself). */
async function golden(file: string): Promise<string> {
  const path = join(goldenDir, file.replace(/\.md$/, '.txt'));
  if (!existsSync(path)) throw new Error(`no golden picture ${path}; review the output, then run UPDATE_GOLDEN=1 npx vitest run test/e2e/topology-lessons.test.ts`);
  return readFile(path, 'utf8');
}

// Concurrent: each test asks for its lesson's run, and the shared runs go two at a time.
describe.skipIf(skip).concurrent('topology of each lesson at its end', () => {
  for (const file of courseFiles) {
    it(file, { timeout: 1_800_000 }, async () => {
      const record = await lessonRecord(file);
      expect(record.drawnAtEnd, `lessons/${file} did not run to its end:\n${failureOf(record)}`).toBeDefined();
      const picture = `${record.drawnAtEnd}\n`;
      for (const line of picture.split('\n')) expect([...line].length, `lessons/${file}: a line of its picture is wider than 80 columns`).toBeLessThanOrEqual(80);
      if (process.env.UPDATE_GOLDEN) await writeFile(join(goldenDir, file.replace(/\.md$/, '.txt')), picture);
      else expect(picture, `lessons/${file}: the lab at its end differs from ${join('test/fixtures/topology/lessons', file.replace(/\.md$/, '.txt'))}`).toBe(await golden(file));
    });
  }
});

describe.skipIf(skip)('the topology command', () => {
  it('`steplab topology` draws the same picture', { timeout: 180_000 }, async () => {
    const file = courseFiles[0]!;
    const r = await runCommand(process.execPath, ['bin/steplab.js', 'topology', join('lessons', file)], { cwd: repo, timeoutMs: 170_000, env: { CI: 'true' } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe(await golden(file));
  });
});
