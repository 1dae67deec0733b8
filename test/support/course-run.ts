// One run of each shipped lesson (lessons/*.md) on the sandbox target, shared by the e2e tests that assert
// on it: lessons.test (every step passes, as `steplab verify` runs it), lesson-figures.test (the lab drawn
// after each step that embeds a ```text topology figure) and topology-lessons.test (the lab drawn at the
// end, as `steplab topology LESSON` draws it). They used to replay every lesson once each; now the first of
// them in a vitest invocation to ask for a lesson runs it, two lessons at a time like `verify --jobs 2`, and
// saves what it saw in the folder the global setup made for this invocation (test/support/course-run-setup.ts),
// under a hash of the lesson and src/, so the others read it. A file run alone (or with -t) runs only the
// lessons it asks for.
//
// The run is verify's (no controller: every step runs, each challenge must fail its checks before its
// solution and pass them after). Snapshots are taken between steps, when nothing runs in the sandbox:
// the end picture after the last step, before the lesson's cleanup, which is what `steplab topology`
// sees (it drops the cleanup and draws before disposing the sandbox).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openTarget, parseTargetChoice } from '../../src/cli/targets.ts';
import { takeSnapshot } from '../../src/kernel/snapshot.ts';
import { loadCourse } from '../../src/course/load.ts';
import type { Lesson } from '../../src/lesson/types.ts';
import type { LessonOutcome } from '../../src/run/events.ts';
import { runLesson } from '../../src/run/runner.ts';
import { startSandbox } from '../../src/sandbox/sandbox.ts';
import type { Sandbox } from '../../src/sandbox/types.ts';
import { renderAscii } from '../../src/topology/index.ts';
import { FIGURE_WIDTH, figuresOf } from './lesson-figures.ts';
import { limit } from './limit.ts';

export const repo = join(import.meta.dirname, '../..');

/** The course's lesson files (names only, in order): what `steplab verify lessons` runs. */
export const courseFiles: readonly string[] = readdirSync(join(repo, 'lessons')).filter((f) => /^\d+-.*\.md$/.test(f)).sort();

/** What one step did, enough to say where and why it failed. */
export interface StepRecord {
  readonly title: string;
  readonly line: number;
  readonly status: string;
  readonly reason: string | undefined;
}

/** What the run saw of one lesson. */
export interface LessonRecord {
  /** The lesson file's name in lessons/. */
  readonly file: string;
  readonly status: LessonOutcome['status'];
  readonly error: string | undefined;
  readonly steps: readonly StepRecord[];
  /** The lab drawn after each step that embeds a figure, by step index. */
  readonly drawnAfter: Readonly<Record<number, string>>;
  /** The lab drawn after the last step (before the lesson's cleanup); absent when the lesson did not get there. */
  readonly drawnAtEnd: string | undefined;
  /** How many times the lesson ran (2 when its sandbox could not start the first time). */
  readonly runs: number;
  readonly durationMs: number;
}

/** Why a lesson did not pass, naming the lesson file and the failing step's line; undefined when it passed. */
export function failureOf(record: LessonRecord): string | undefined {
  if (record.status === 'passed') return undefined;
  const bad = record.steps.filter((s) => s.status !== 'passed');
  const steps = bad.map((s) => `lessons/${record.file}:${s.line}: step "${s.title}" ${s.status}${s.reason ? `: ${s.reason}` : ''}`);
  return [`lessons/${record.file}: ${record.status}${record.error ? `: ${record.error}` : ''}`, ...steps].join('\n');
}

const records = new Map<string, Promise<LessonRecord>>();

/** The record of one lesson's run in this vitest invocation: read from the shared folder, or run now (two at a time) and saved there. */
export function lessonRecord(file: string): Promise<LessonRecord> {
  let record = records.get(file);
  if (!record) {
    record = loadOrRun(file);
    records.set(file, record);
  }
  return record;
}

async function loadOrRun(file: string): Promise<LessonRecord> {
  if (!courseFiles.includes(file)) throw new Error(`lessons/${file} is not a lesson of the course`);
  const dir = inject('courseRunDir') as string | undefined;
  const saved = dir ? join(dir, `${file.replace(/\.md$/, '')}-${lessonKey(file)}.json`) : undefined;
  if (saved && existsSync(saved)) return JSON.parse(readFileSync(saved, 'utf8')) as LessonRecord;
  const record = await slot(() => runLessonFile(file));
  if (saved && dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${saved}.tmp`, JSON.stringify(record));
    renameSync(`${saved}.tmp`, saved);
  }
  return record;
}

let srcHash: string | undefined;

/** A hash of what a lesson's run depends on: the lesson file and the source of steplab. */
function lessonKey(file: string): string {
  if (!srcHash) {
    const hash = createHash('sha256');
    const src = join(repo, 'src');
    for (const f of (readdirSync(src, { recursive: true }) as string[]).sort()) {
      if (f.endsWith('.ts') || f.endsWith('.json') || f.endsWith('.sh')) hash.update(`src/${f}\0`).update(readFileSync(join(src, f))).update('\0');
    }
    srcHash = hash.digest('hex');
  }
  return createHash('sha256').update(srcHash).update(readFileSync(join(repo, 'lessons', file))).digest('hex').slice(0, 16);
}

/** Two lesson runs at a time, like `verify --jobs 2` (the machine has two cores and is shared). */
const slot = limit(2);

/** Runs one lesson as verify does (trying once more when its sandbox could not start on a loaded machine). */
async function runLessonFile(file: string): Promise<LessonRecord> {
  const started = performance.now();
  const course = await loadCourse([join(repo, 'lessons', file)]);
  const errors = course.problems.filter((p) => p.severity === 'error');
  const lesson = course.lessons[0];
  if (errors.length > 0 || !lesson) throw new Error(`lessons/${file} does not load:\n${errors.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n')}`);
  let record = await runOne(lesson, 1);
  // A sandbox that never started says nothing about the lesson: on a loaded machine, try once more.
  if (record.status === 'broken' && /could not start/.test(record.error ?? '')) record = await runOne(lesson, 2);
  // The one line CI's log needs to see what the shared run costs.
  console.log(`shared run of lessons/${file}: ${record.status} in ${Math.round((performance.now() - started) / 1000)} s`);
  return record;
}

/** One lesson in its own sandbox, as verify runs it, with the drawings taken between its steps. */
async function runOne(lesson: Lesson, runs: number): Promise<LessonRecord> {
  const file = lesson.file.slice(lesson.file.lastIndexOf('/') + 1);
  const figured = new Set(figuresOf(lesson, readFileSync(lesson.file, 'utf8').split('\n')).map((f) => f.stepIndex));
  const last = lesson.steps.length - 1;
  const drawnAfter: Record<number, string> = {};
  let drawnAtEnd: string | undefined;
  let sandbox: Sandbox | undefined;
  const target = await openTarget(parseTargetChoice(undefined));
  const outcome = await runLesson(lesson, {
    target: target.name,
    startSandbox: async (l) => (sandbox = await startSandbox(target, { world: l.world })),
    reporters: [{
      onStepEnd: async (o) => {
        const index = lesson.steps.indexOf(o.step);
        if (o.status !== 'passed' || !sandbox || (!figured.has(index) && index !== last)) return;
        const s = sandbox;
        const drawn = renderAscii(await takeSnapshot((code) => s.read(code)), { width: FIGURE_WIDTH });
        if (figured.has(index)) drawnAfter[index] = drawn;
        if (index === last) drawnAtEnd = drawn;
      },
    }],
  }).finally(() => target.dispose());
  return {
    file,
    status: outcome.status,
    error: outcome.error,
    steps: outcome.steps.map((s) => ({ title: s.step.title, line: s.step.line, status: s.status, reason: s.reason })),
    drawnAfter,
    drawnAtEnd,
    runs,
    durationMs: outcome.durationMs,
  };
}
