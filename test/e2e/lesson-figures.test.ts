// The topology figures embedded in the lessons (```text topology blocks) must equal what `steplab topology`
// draws after their step, so a figure cannot go stale when a lesson changes. One run per lesson, up to its
// last figure, with a snapshot after each figured step: as cheap as one `steplab topology` call per lesson.
// UPDATE_FIGURES=1 writes the drawn figures into the lessons; review the diff like any other change.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTarget, parseTargetChoice } from '../../src/cli/targets.ts';
import { takeSnapshot } from '../../src/kernel/snapshot.ts';
import { loadCourse } from '../../src/course/load.ts';
import type { Lesson } from '../../src/lesson/types.ts';
import { runLesson } from '../../src/run/runner.ts';
import { startSandbox } from '../../src/sandbox/sandbox.ts';
import type { Sandbox } from '../../src/sandbox/types.ts';
import { renderAscii } from '../../src/topology/index.ts';
import { sandboxUnavailable } from '../integration/host-state.ts';

const repo = join(import.meta.dirname, '../..');
const WIDTH = 80;
const FENCE = /^(`{3,}|~{3,})text\s+topology\b/;

/** A figure: the fence line (1-based) of its block, the step it belongs to, and the text it shows. */
interface Figure {
  readonly line: number;
  readonly stepIndex: number;
  readonly shown: string;
}

/** The lesson's ```text topology blocks, each with its step. */
function figuresOf(lesson: Lesson, lines: readonly string[]): Figure[] {
  const figures: Figure[] = [];
  lesson.steps.forEach((step, stepIndex) => {
    for (const item of step.body) {
      if (item.kind === 'illustration' && FENCE.test(lines[item.line - 1] ?? '')) figures.push({ line: item.line, stepIndex, shown: item.code });
    }
  });
  return figures;
}

/** Runs the lesson once up to its last figure and draws the lab after each figured step. */
async function drawAfter(lesson: Lesson, stepIndexes: ReadonlySet<number>): Promise<Map<number, string>> {
  const drawn = new Map<number, string>();
  const target = await openTarget(parseTargetChoice(undefined));
  let sandbox: Sandbox | undefined;
  try {
    const last = Math.max(...stepIndexes);
    const trimmed: Lesson = { ...lesson, steps: lesson.steps.slice(0, last + 1), cleanup: [] };
    const outcome = await runLesson(trimmed, {
      target: target.name,
      startSandbox: async (l) => (sandbox = await startSandbox(target, { world: l.world })),
      reporters: [{
        onStepEnd: async (o) => {
          const index = trimmed.steps.indexOf(o.step);
          if (!stepIndexes.has(index) || !sandbox) return;
          const s = sandbox;
          drawn.set(index, renderAscii(await takeSnapshot((code) => s.probe(code)), { width: WIDTH }));
        },
      }],
    });
    if (outcome.status !== 'passed') throw new Error(`${lesson.file} did not run to its last figure: ${outcome.steps.find((s) => s.status === 'failed')?.reason ?? outcome.error ?? outcome.status}`);
  } finally {
    await target.dispose();
  }
  return drawn;
}

const files = readdirSync(join(repo, 'lessons')).filter((f) => /^\d+-.*\.md$/.test(f)).sort();
const figured = files.filter((f) => readFileSync(join(repo, 'lessons', f), 'utf8').split('\n').some((l) => FENCE.test(l)));
const skip = await sandboxUnavailable('the lessons\' topology figures');

describe('the lessons embed topology figures', () => {
  it('in the lessons the course promises them', () => {
    for (const n of ['02', '03', '08', '09', '14']) expect(figured.some((f) => f.startsWith(`${n}-`)), `lesson ${n} has a figure`).toBe(true);
  });
});

describe.skipIf(skip)('each embedded figure equals what steplab draws at its step', () => {
  for (const file of figured) {
    it(file, { timeout: 300_000 }, async () => {
      const path = join(repo, 'lessons', file);
      const text = readFileSync(path, 'utf8');
      const lines = text.split('\n');
      const lesson = (await loadCourse([path])).lessons[0];
      expect(lesson, `${file} parses`).toBeDefined();
      const figures = figuresOf(lesson!, lines);
      const drawn = await drawAfter(lesson!, new Set(figures.map((f) => f.stepIndex)));
      if (process.env.UPDATE_FIGURES) {
        // Replace each block's body, last first, so earlier line numbers stay right.
        for (const f of [...figures].reverse()) {
          const close = lines.findIndex((l, i) => i > f.line - 1 && l.trimEnd() === lines[f.line - 1]!.match(FENCE)![1]);
          lines.splice(f.line, close - f.line, ...drawn.get(f.stepIndex)!.split('\n'));
        }
        writeFileSync(path, lines.join('\n'));
        return;
      }
      for (const f of figures) {
        const step = lesson!.steps[f.stepIndex]!;
        expect(f.shown, `${file}:${f.line}: the figure after step "${step.title}" differs from what steplab draws; run UPDATE_FIGURES=1 npx vitest run test/e2e/lesson-figures.test.ts -t ${file.slice(0, 2)} and review the diff`).toBe(drawn.get(f.stepIndex));
      }
    });
  }
});
