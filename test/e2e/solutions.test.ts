// Every challenge of the course is checked on behaviour: each passes with at least two alternative correct
// solutions kept in test/fixtures/solutions (swapped in for the lesson's own), and fails on the typical mistakes
// kept there too, with a message that points at the mistake.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lesson/parse.ts';
import { runCommand } from '../../src/process/spawn.ts';
import { sandboxUnavailable } from '../integration/host-state.ts';
import { challenges, parseSolutionFixture, swapSolution, type SolutionFixture } from '../support/solution-swap.ts';
import { limit } from '../support/limit.ts';

const repo = join(import.meta.dirname, '../..');
const dir = join(repo, 'test/fixtures/solutions');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => parseSolutionFixture(readFileSync(join(dir, f), 'utf8'), f));
const lessons = readdirSync(join(repo, 'lessons')).filter((f) => /^\d+-.*\.md$/.test(f)).sort();
const work = mkdtempSync(join(tmpdir(), 'steplab-solutions-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const skip = await sandboxUnavailable();

describe('the fixtures cover every challenge', () => {
  for (const file of lessons) {
    const { lesson } = parseLesson(readFileSync(join(repo, 'lessons', file), 'utf8'), file);
    for (const step of lesson ? challenges(lesson) : []) {
      it(`${file}: ${step.title}`, () => {
        const mine = fixtures.filter((f) => f.lesson === file && f.step === step.title);
        const passing = mine.filter((f) => f.expect === 'pass').map((f) => f.solution.trim());
        expect(new Set(passing).size, 'distinct alternative solutions').toBeGreaterThanOrEqual(2);
        expect(passing, 'an alternative that is the lesson\'s own solution proves nothing').not.toContain(step.solution[0]!.code.trim());
        expect(mine.filter((f) => f.expect === 'fail').length, 'typical mistakes').toBeGreaterThanOrEqual(1);
      });
    }
  }
});

/** Two verify runs at a time by default (the machine is shared); SOLUTION_JOBS=N allows more. */
const jobs = Number(process.env.SOLUTION_JOBS ?? 2);
const slot = limit(jobs);

/** Runs verify on the lesson with the fixture's solution swapped in. */
async function verifySwapped(fixture: SolutionFixture): Promise<{ exitCode: number | null; stdout: string }> {
  const text = readFileSync(join(repo, 'lessons', fixture.lesson), 'utf8');
  const folder = mkdtempSync(join(work, fixture.file.replace(/\.md$/, '-')));
  const path = join(folder, fixture.lesson);
  writeFileSync(path, swapSolution(text, fixture.lesson, fixture.step, fixture.solution));
  const run = () => slot(() => runCommand(process.execPath, ['bin/steplab.js', 'verify', path], { cwd: repo, timeoutMs: 600_000, env: { CI: 'true' } }));
  const first = await run();
  // A sandbox that never started says nothing about the solution: on a loaded machine, try once more.
  return first.stdout.includes('The sandbox could not start') ? run() : first;
}

describe.skipIf(skip).concurrent('alternative solutions pass and typical mistakes fail', () => {
  for (const fixture of fixtures) {
    it(`${fixture.file} (${fixture.expect})`, { timeout: 1_800_000 }, async () => {
      const r = await verifySwapped(fixture);
      const last = r.stdout.trimEnd().split('\n').at(-1);
      if (fixture.expect === 'pass') {
        expect(last, r.stdout).toBe('1 passed, 0 failed');
        expect(r.exitCode).toBe(0);
      } else {
        expect(last, r.stdout).toBe('0 passed, 1 failed');
        expect(r.stdout).toContain(`✘ ${fixture.step}`);
        expect(r.stdout).toContain(fixture.message);
        expect(r.exitCode).toBe(1);
      }
    });
  }
});
