// Calls every reporter's hook in turn; a reporter without the hook is passed over.

import type { CommandBlock, Lesson, Step } from '../lesson/types.ts';
import type { BlockOutcome, CheckOutcome, CheckPhase, LessonOutcome, Reporter, StepOutcome } from './events.ts';

export class Emitter {
  readonly #reporters: readonly Reporter[];

  constructor(reporters: readonly Reporter[]) {
    this.#reporters = reporters;
  }

  async lessonStart(lesson: Lesson, info: { target: string; resumeFrom: number }): Promise<void> {
    for (const r of this.#reporters) await r.onLessonStart?.(lesson, info);
  }
  async sandboxReady(lesson: Lesson, info: { durationMs: number }): Promise<void> {
    for (const r of this.#reporters) await r.onSandboxReady?.(lesson, info);
  }
  async stepStart(step: Step, lesson: Lesson): Promise<void> {
    for (const r of this.#reporters) await r.onStepStart?.(step, lesson);
  }
  async blockStart(block: CommandBlock, step: Step | undefined): Promise<void> {
    for (const r of this.#reporters) await r.onBlockStart?.(block, step);
  }
  async blockEnd(outcome: BlockOutcome, step: Step | undefined): Promise<void> {
    for (const r of this.#reporters) await r.onBlockEnd?.(outcome, step);
  }
  async check(outcome: CheckOutcome, step: Step, phase: CheckPhase): Promise<void> {
    for (const r of this.#reporters) await r.onCheck?.(outcome, step, phase);
  }
  async stepEnd(outcome: StepOutcome, lesson: Lesson): Promise<void> {
    for (const r of this.#reporters) await r.onStepEnd?.(outcome, lesson);
  }
  async lessonEnd(outcome: LessonOutcome): Promise<void> {
    for (const r of this.#reporters) await r.onLessonEnd?.(outcome);
  }
  async runEnd(outcomes: readonly LessonOutcome[]): Promise<void> {
    for (const r of this.#reporters) await r.onRunEnd?.(outcomes);
  }
}

