// A reporter that tells the room what the runner does: step starts, checks (with the failing message), solutions, step ends.

import type { CommandBlock, Lesson, Step } from '../../lesson/types.ts';
import type { CheckOutcome, CheckPhase, LessonOutcome, Reporter, StepOutcome } from '../../run/events.ts';
import type { EventKind } from '../protocol.ts';
import { MESSAGE_MAX } from '../protocol.ts';

export interface RoomSink {
  push(event: { kind: EventKind; lesson: string; step?: number; passed?: boolean; status?: string; message?: string; durationMs?: number }): void;
  /** The runner moved to a step (or to none, between lessons). */
  at(lesson: string | undefined, step: number | undefined): void;
  /** A chance to show the instructor's notices (unattended runs: between steps). */
  betweenSteps?(): void;
}

/** First line, cut to what the room accepts. */
const short = (text: string | undefined): string | undefined => (text === undefined ? undefined : (text.split('\n')[0] ?? '').slice(0, MESSAGE_MAX));

export class RoomReporter implements Reporter {
  readonly #sink: RoomSink;
  /** Interactive: running a challenge's solution means the learner asked for it. */
  readonly #interactive: boolean;
  readonly #solutionSent = new WeakSet<Step>();
  /** Each step's lesson id: verify may run several lessons at once, so there is no one current lesson. */
  readonly #lessons = new WeakMap<Step, string>();

  constructor(sink: RoomSink, options: { interactive: boolean }) {
    this.#sink = sink;
    this.#interactive = options.interactive;
  }

  onLessonStart(lesson: Lesson): void {
    for (const step of lesson.steps) this.#lessons.set(step, lesson.id);
    this.#sink.at(lesson.id, undefined);
    this.#sink.push({ kind: 'lesson-start', lesson: lesson.id });
  }

  onStepStart(step: Step, lesson: Lesson): void {
    this.#sink.betweenSteps?.();
    this.#sink.at(lesson.id, step.index);
    this.#sink.push({ kind: 'step-start', lesson: lesson.id, step: step.index });
  }

  onBlockStart(block: CommandBlock, step: Step | undefined): void {
    if (!this.#interactive || step === undefined || !step.challenge || !step.solution.includes(block) || this.#solutionSent.has(step)) return;
    this.#solutionSent.add(step);
    this.#sink.push({ kind: 'solution', lesson: this.#lessonOf(step), step: step.index });
  }

  onCheck(outcome: CheckOutcome, step: Step, phase: CheckPhase): void {
    // Before the solution, checks are meant to fail: not the learner's failure.
    if (phase === 'before-solution') return;
    const { passed, message } = outcome.result;
    this.#sink.push({ kind: 'check', lesson: this.#lessonOf(step), step: step.index, passed, ...(passed ? {} : { message: short(`${outcome.check.source}: ${message}`) }) });
  }

  onStepEnd(outcome: StepOutcome, lesson: Lesson): void {
    if (outcome.replayed) return;
    const message = short(outcome.reason?.replace(/^\S+:\d+: /, ''));
    this.#sink.push({ kind: 'step-end', lesson: lesson.id, step: outcome.step.index, status: outcome.status, passed: outcome.status === 'passed', durationMs: outcome.durationMs, ...(message ? { message } : {}) });
  }

  onLessonEnd(outcome: LessonOutcome): void {
    this.#sink.push({ kind: 'lesson-end', lesson: outcome.lesson.id, status: outcome.status, passed: outcome.status === 'passed', durationMs: outcome.durationMs, ...(outcome.error ? { message: short(outcome.error) } : {}) });
    this.#sink.at(undefined, undefined);
  }

  #lessonOf(step: Step): string {
    return this.#lessons.get(step) ?? '';
  }
}
