// The topology figures embedded in the lessons (```text topology blocks) must equal what steplab draws after
// their step, so a figure cannot go stale when a lesson changes. The drawings come from the one run of the
// course the e2e tests share (test/support/course-run.ts), which snapshots the lab after each figured step.
// UPDATE_FIGURES=1 writes the drawn figures into the lessons; review the diff like any other change.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load.ts';
import { sandboxUnavailable } from '../integration/host-state.ts';
import { courseFiles, failureOf, lessonRecord, repo } from '../support/course-run.ts';
import { FIGURE_FENCE, figuresOf } from '../support/lesson-figures.ts';

const figured = courseFiles.filter((f) => readFileSync(join(repo, 'lessons', f), 'utf8').split('\n').some((l) => FIGURE_FENCE.test(l)));
const skip = await sandboxUnavailable('the lessons\' topology figures');

describe('the lessons embed topology figures', () => {
  it('in the lessons the course promises them', () => {
    for (const n of ['02', '03', '08', '09', '14']) expect(figured.some((f) => f.startsWith(`${n}-`)), `lesson ${n} has a figure`).toBe(true);
  });
});

// Concurrent: each test asks for its lesson's run, and the shared runs go two at a time.
describe.skipIf(skip).concurrent('each embedded figure equals what steplab draws at its step', () => {
  for (const file of figured) {
    it(file, { timeout: 1_800_000 }, async () => {
      const path = join(repo, 'lessons', file);
      const lines = readFileSync(path, 'utf8').split('\n');
      const lesson = (await loadCourse([path])).lessons[0];
      expect(lesson, `${file} parses`).toBeDefined();
      const figures = figuresOf(lesson!, lines);
      const record = await lessonRecord(file);
      const drawn = (index: number): string | undefined => record.drawnAfter[index];
      for (const f of figures) expect(drawn(f.stepIndex), `lessons/${file}:${f.line}: the run did not get past this figure's step:\n${failureOf(record)}`).toBeDefined();
      if (process.env.UPDATE_FIGURES) {
        // Replace each block's body, last first, so earlier line numbers stay right.
        for (const f of [...figures].reverse()) {
          const close = lines.findIndex((l, i) => i > f.line - 1 && l.trimEnd() === lines[f.line - 1]!.match(FIGURE_FENCE)![1]);
          lines.splice(f.line, close - f.line, ...drawn(f.stepIndex)!.split('\n'));
        }
        writeFileSync(path, lines.join('\n'));
        return;
      }
      for (const f of figures) {
        const step = lesson!.steps[f.stepIndex]!;
        expect(f.shown, `lessons/${file}:${f.line}: the figure after step "${step.title}" differs from what steplab draws; run UPDATE_FIGURES=1 npx vitest run test/e2e/lesson-figures.test.ts -t ${file.slice(0, 2)} and review the diff`).toBe(drawn(f.stepIndex));
      }
    });
  }
});
