// One run of the shipped course (lessons/*.md) on the sandbox target, shared by the e2e tests that assert
// on it: lessons.test (every step passes, as `steplab verify` runs it), lesson-figures.test (the lab drawn
// after each step that embeds a ```text topology figure) and topology-lessons.test (the lab drawn at the
// end, as `steplab topology LESSON` draws it). They used to replay every lesson once each; now the first
// of them in a vitest invocation runs the course, two lessons at a time like `verify --jobs 2`, and saves
// what it saw in the folder the global setup made for this invocation (test/support/course-run-setup.ts),
// under a hash of the lessons and src/, so the others read it. Run on its own, a file runs the course itself.
//
// The run is verify's (no controller: every step runs, each challenge must fail its checks before its
// solution and pass them after). Snapshots are taken between steps, when nothing runs in the sandbox:
// the end picture after the last step, before the lesson's cleanup, which is what `steplab topology`
// sees (it drops the cleanup and draws before disposing the sandbox).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { runPool } from '../../src/cli/commands/verify.ts';
import { openTarget, parseTargetChoice } from '../../src/cli/targets.ts';
import { takeSnapshot } from '../../src/kernel/snapshot.ts';
import { loadCourse } from '../../src/lesson/course.ts';
import type { Lesson } from '../../src/lesson/types.ts';
import type { LessonOutcome } from '../../src/run/events.ts';
import { runLesson } from '../../src/run/runner.ts';
import { startSandbox } from '../../src/sandbox/sandbox.ts';
import type { Sandbox } from '../../src/sandbox/types.ts';
import { renderAscii } from '../../src/topology/index.ts';
import { FIGURE_WIDTH, figuresOf } from './lesson-figures.ts';

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

export interface CourseRun {
  readonly key: string;
  readonly lessons: readonly LessonRecord[];
  readonly durationMs: number;
}

/** Why a lesson did not pass, naming the lesson file and the failing step's line; undefined when it passed. */
export function failureOf(record: LessonRecord): string | undefined {
  if (record.status === 'passed') return undefined;
  const bad = record.steps.filter((s) => s.status !== 'passed');
  const steps = bad.map((s) => `lessons/${record.file}:${s.line}: step "${s.title}" ${s.status}${s.reason ? `: ${s.reason}` : ''}`);
  return [`lessons/${record.file}: ${record.status}${record.error ? `: ${record.error}` : ''}`, ...steps].join('\n');
}

/** The record of one lesson of the shared run (running the course first if this invocation has not yet). */
export async function lessonRecord(file: string): Promise<LessonRecord> {
  const record = (await courseRun()).lessons.find((l) => l.file === file);
  if (!record) throw new Error(`lessons/${file} is not in the course run`);
  return record;
}

let inProcess: Promise<CourseRun> | undefined;

/** The course run of this vitest invocation: read from the shared folder, or run now and saved there. */
export async function courseRun(): Promise<CourseRun> {
  inProcess ??= loadOrRun();
  return inProcess;
}

async function loadOrRun(): Promise<CourseRun> {
  const key = courseKey();
  const dir = inject('courseRunDir') as string | undefined;
  const file = dir ? join(dir, `${key}.json`) : undefined;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as CourseRun;
  const run = await runCourse(key);
  if (file && dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(run));
    renameSync(`${file}.tmp`, file);
  }
  return run;
}

/** A hash of what the run depends on: the lessons and the source of steplab. */
function courseKey(): string {
  const hash = createHash('sha256');
  for (const f of courseFiles) hash.update(`lessons/${f}\0`).update(readFileSync(join(repo, 'lessons', f))).update('\0');
  const src = join(repo, 'src');
  for (const f of (readdirSync(src, { recursive: true }) as string[]).sort()) {
    const path = join(src, f);
    if (f.endsWith('.ts') || f.endsWith('.json')) hash.update(`src/${f}\0`).update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Runs every lesson of the course, two at a time, drawing the lab at its figures and at its end. */
async function runCourse(key: string): Promise<CourseRun> {
  const started = performance.now();
  const course = await loadCourse(courseFiles.map((f) => join(repo, 'lessons', f)));
  const errors = course.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`the course does not load:\n${errors.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n')}`);
  const target = await openTarget(parseTargetChoice(undefined));
  const records = new Map<string, LessonRecord>();
  try {
    await runPool(course.lessons, 2, async (lesson) => {
      let record = await runOne(lesson, target, 1);
      // A sandbox that never started says nothing about the lesson: on a loaded machine, try once more.
      if (record.status === 'broken' && /could not start/.test(record.error ?? '')) record = await runOne(lesson, target, 2);
      records.set(record.file, record);
    });
  } finally {
    await target.dispose();
  }
  const lessons = courseFiles.map((f) => records.get(f)).filter((r): r is LessonRecord => r !== undefined);
  const durationMs = Math.round(performance.now() - started);
  // The one line CI's log needs to see what the shared run costs.
  console.log(`course run ${key}: ${lessons.length} lessons, 2 at a time, in ${Math.round(durationMs / 1000)} s (${lessons.map((l) => `${l.file.slice(0, 2)} ${Math.round(l.durationMs / 1000)} s`).join(', ')})`);
  return { key, lessons, durationMs };
}

type Target = Awaited<ReturnType<typeof openTarget>>;

/** One lesson in its own sandbox, as verify runs it, with the drawings taken between its steps. */
async function runOne(lesson: Lesson, target: Target, runs: number): Promise<LessonRecord> {
  const file = lesson.file.slice(lesson.file.lastIndexOf('/') + 1);
  const figured = new Set(figuresOf(lesson, readFileSync(lesson.file, 'utf8').split('\n')).map((f) => f.stepIndex));
  const last = lesson.steps.length - 1;
  const drawnAfter: Record<number, string> = {};
  let drawnAtEnd: string | undefined;
  let sandbox: Sandbox | undefined;
  const outcome = await runLesson(lesson, {
    target: target.name,
    startSandbox: async (l) => (sandbox = await startSandbox(target, { world: l.world })),
    reporters: [{
      onStepEnd: async (o) => {
        const index = lesson.steps.indexOf(o.step);
        if (o.status !== 'passed' || !sandbox || (!figured.has(index) && index !== last)) return;
        const s = sandbox;
        const drawn = renderAscii(await takeSnapshot((code) => s.probe(code)), { width: FIGURE_WIDTH });
        if (figured.has(index)) drawnAfter[index] = drawn;
        if (index === last) drawnAtEnd = drawn;
      },
    }],
  });
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
