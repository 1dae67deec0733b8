// The CI log: a few plain lines a lesson, whole lessons at a time (they may run in parallel), a count at the end.

import type { Lesson } from '../lesson/types.ts';
import { failedCommand } from '../run/blocks.ts';
import type { LessonOutcome, Reporter, StepOutcome } from '../run/events.ts';
import {
  blockProblem,
  checkLocation,
  cleanOutput,
  countLessons,
  formatDuration,
  indent,
  marks,
  tailLines,
  useUnicode,
  type Marks,
  type TextSink,
} from './format.ts';
import { english, type Translate, type Translator } from '../i18n/index.ts';

export interface PlainReporterOptions {
  readonly stream: TextSink;
  readonly unicode?: boolean;
  /** Lines of a failed block's output to show; default 20. */
  readonly outputTailLines?: number;
  /**
   * The language of the step lines; English by default. The `=> id status` lines and the closing
   * `N passed, N failed` stay English: CI and scripts read them.
   */
  readonly translator?: Translator;
}

export class PlainReporter implements Reporter {
  readonly #out: TextSink;
  readonly #marks: Marks;
  readonly #tail: number;
  readonly #t: Translate;
  /** Lines held per lesson until it ends, so parallel lessons do not interleave. */
  readonly #buffers = new Map<Lesson, string[]>();

  constructor(options: PlainReporterOptions) {
    this.#out = options.stream;
    this.#marks = marks(options.unicode ?? useUnicode());
    this.#tail = options.outputTailLines ?? 20;
    this.#t = (options.translator ?? english).t;
  }

  /** Hold lines for a lesson. */
  #hold(lesson: Lesson, ...lines: string[]): void {
    const buffer = this.#buffers.get(lesson) ?? [];
    buffer.push(...lines);
    this.#buffers.set(lesson, buffer);
  }

  /** Print a lesson's held lines at once. */
  #flush(lesson: Lesson): void {
    const buffer = this.#buffers.get(lesson);
    this.#buffers.delete(lesson);
    if (buffer !== undefined && buffer.length > 0) this.#out.write(buffer.map((line) => `${line}\n`).join(''));
  }

  /** One line: which lesson, from which file, on which target. */
  onLessonStart(lesson: Lesson, info: { readonly target: string; readonly resumeFrom: number }): void {
    this.#hold(lesson, this.#t('plain.lesson', { id: lesson.id, title: lesson.title, file: lesson.file, target: info.target }));
  }

  /** One line a step; a failure adds its failed checks and blocks with where they are written. */
  onStepEnd(outcome: StepOutcome, lesson: Lesson): void {
    const m = this.#marks;
    const t = this.#t;
    const title = outcome.afterFailure ? t('plain.after-failure', { title: outcome.step.title }) : outcome.step.title;
    if (outcome.status === 'skipped') {
      this.#hold(lesson, `  ${m.skip} ${t('plain.skipped', { title })}`);
      return;
    }
    if (outcome.status === 'passed') {
      this.#hold(lesson, `  ${m.pass} ${title} (${formatDuration(outcome.durationMs)})`);
      return;
    }
    this.#hold(lesson, `  ${m.fail} ${title}: ${outcome.reason ?? t('plain.failed')}`, ...this.#failureDetails(outcome, lesson));
  }

  /** The failed blocks (with their output's tail) and checks of a failed step, indented under it. */
  #failureDetails(outcome: StepOutcome, lesson: Lesson): string[] {
    const m = this.#marks;
    const t = this.#t;
    const lines: string[] = [];
    for (const block of outcome.blocks) {
      const problem = blockProblem(block, t);
      if (problem === undefined) continue;
      lines.push(`      ${m.fail} ${t('plain.block', { kind: block.block.kind, problem, where: `${lesson.file}:${failedCommand(block)?.line ?? block.block.line}` })}`);
      const { lines: tail, omitted } = tailLines(cleanOutput(block.output), this.#tail);
      if (omitted > 0) lines.push(`          ${t('report.earlier-lines', { count: omitted })}`);
      lines.push(...indent(tail, '          | '));
    }
    for (const check of outcome.checksBefore) {
      if (!check.result.passed) continue;
      lines.push(`      ${m.fail} ${t('plain.already-true', { check: check.check.source, where: checkLocation(lesson, check.check) })}`);
    }
    for (const check of outcome.checks) {
      if (check.result.passed) continue;
      lines.push(`      ${m.fail} ${check.check.source} ${m.dash} ${check.result.message} (${checkLocation(lesson, check.check)})`);
    }
    return lines;
  }

  /** The lesson's verdict; then everything held for it is printed together. */
  onLessonEnd(outcome: LessonOutcome): void {
    const { lesson } = outcome;
    const time = formatDuration(outcome.durationMs);
    if (outcome.status === 'broken') {
      this.#hold(lesson, `  ${this.#marks.fail} ${this.#t('plain.could-not-run', { error: outcome.error ?? this.#t('report.unknown-error') })}`);
    }
    this.#hold(lesson, `  => ${lesson.id} ${outcome.status} in ${time}`);
    this.#flush(lesson);
  }

  /** The count of lessons, always the last line printed. */
  onRunEnd(outcomes: readonly LessonOutcome[]): void {
    for (const lesson of [...this.#buffers.keys()]) this.#flush(lesson);
    const { passed, failed } = countLessons(outcomes);
    this.#out.write(`${passed} passed, ${failed} failed\n`);
  }
}
