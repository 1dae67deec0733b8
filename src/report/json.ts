// A versioned JSON report of a run (verify --json): every step's blocks, checks and kernel changes.

import type { ChangeKind } from '../diff/types.ts';
import { writeFileAtomic } from '../progress/atomic-write.ts';
import { failedCommand } from '../run/blocks.ts';
import type { CheckOutcome, LessonOutcome, LessonStatus, Reporter, StepOutcome, StepStatus } from '../run/events.ts';
import { countLessons, type TextSink } from './format.ts';

/** The report's format version; bump it when a field changes meaning or goes away. */
export const JSON_REPORT_FORMAT = 1;

export interface JsonCheck {
  readonly line: number;
  readonly source: string;
  readonly passed: boolean;
  readonly message: string;
}

export interface JsonStep {
  readonly id: string;
  readonly title: string;
  readonly status: StepStatus;
  readonly reason: string | null;
  readonly durationMs: number;
  /** verify --keep-going: an earlier step of the lesson failed. */
  readonly afterFailure: boolean;
  /** `failedLine`: the file line of the command a failed block stopped at (null when it did not fail or the shell did not say). */
  readonly blocks: readonly { line: number; exitCode: number; expected: number; timedOut: boolean; durationMs: number; failedLine: number | null; output: string }[];
  readonly checks: readonly JsonCheck[];
  readonly checksBeforeSolution: readonly JsonCheck[];
  readonly changes: readonly { ns: string | null; kind: ChangeKind; op: '+' | '-' | '~'; text: string }[];
}

export interface JsonLesson {
  readonly id: string;
  readonly file: string;
  readonly target: string;
  readonly status: LessonStatus;
  readonly error: string | null;
  readonly durationMs: number;
  readonly steps: readonly JsonStep[];
}

export interface JsonReport {
  readonly format: typeof JSON_REPORT_FORMAT;
  readonly lessons: readonly JsonLesson[];
  readonly summary: { readonly passed: number; readonly failed: number };
}

/** A check's verdict as data. */
const jsonCheck = (c: CheckOutcome): JsonCheck => ({ line: c.check.line, source: c.check.source, passed: c.result.passed, message: c.result.message });

/** A step as data; the lab host's namespace is `null` (JSON has no undefined). */
function jsonStep(s: StepOutcome): JsonStep {
  return {
    id: s.step.id,
    title: s.step.title,
    status: s.status,
    reason: s.reason ?? null,
    durationMs: Math.round(s.durationMs),
    afterFailure: s.afterFailure === true,
    blocks: s.blocks.map((b) => ({ line: b.block.line, exitCode: b.exitCode, expected: b.block.exit, timedOut: b.timedOut, durationMs: Math.round(b.durationMs), failedLine: b.ok ? null : failedCommand(b)?.line ?? null, output: b.output })),
    checks: s.checks.map(jsonCheck),
    checksBeforeSolution: s.checksBefore.map(jsonCheck),
    changes: s.changes.map((c) => ({ ns: c.ns ?? null, kind: c.kind, op: c.op, text: c.text })),
  };
}

/** The whole report for a run. */
export function jsonReport(outcomes: readonly LessonOutcome[]): JsonReport {
  return {
    format: JSON_REPORT_FORMAT,
    lessons: outcomes.map((o) => ({
      id: o.lesson.id,
      file: o.lesson.file,
      target: o.target,
      status: o.status,
      error: o.error ?? null,
      durationMs: Math.round(o.durationMs),
      steps: o.steps.map(jsonStep),
    })),
    summary: countLessons(outcomes),
  };
}

export class JsonReporter implements Reporter {
  readonly #target: string | TextSink;

  /** `target`: a file path (written atomically) or a stream such as stdout. */
  constructor(target: string | TextSink) {
    this.#target = target;
  }

  /** Write the report once every lesson has run. */
  async onRunEnd(outcomes: readonly LessonOutcome[]): Promise<void> {
    const text = `${JSON.stringify(jsonReport(outcomes), null, 2)}\n`;
    if (typeof this.#target === 'string') await writeFileAtomic(this.#target, text);
    else this.#target.write(text);
  }
}
