// Where one learner stands, folded from their events one at a time: each step's state, the step they are on.

import type { RoomEvent } from './protocol.ts';

export type StepState = 'working' | 'done' | 'failing' | 'skipped';

export interface StepProgress {
  state: StepState;
  /** The failing check's message, or why the step failed. */
  message: string | undefined;
  hints: number;
  solution: boolean;
  /** Time the learner spent on the step, when it ended. */
  durationMs: number | undefined;
}

export interface LearnerState {
  /** lesson id → step index → progress. */
  readonly lessons: Map<string, Map<number, StepProgress>>;
  lesson: string | undefined;
  step: number | undefined;
  /** When the learner last did anything (their clock, never later than the room's). */
  lastAt: number;
  events: number;
}

export const newLearnerState = (joinedAt: number): LearnerState => ({ lessons: new Map(), lesson: undefined, step: undefined, lastAt: joinedAt, events: 0 });

/** The progress of one step, made when first seen. */
function progressOf(state: LearnerState, lesson: string, step: number): StepProgress {
  let steps = state.lessons.get(lesson);
  if (steps === undefined) state.lessons.set(lesson, (steps = new Map()));
  let p = steps.get(step);
  if (p === undefined) steps.set(step, (p = { state: 'working', message: undefined, hints: 0, solution: false, durationMs: undefined }));
  return p;
}

/** Apply one event; `receivedAt` bounds a laptop clock that runs ahead. */
export function foldEvent(state: LearnerState, e: RoomEvent, receivedAt: number): void {
  state.events++;
  state.lastAt = Math.max(state.lastAt, Math.min(e.at, receivedAt));
  if (e.kind === 'lesson-start') {
    state.lesson = e.lesson;
    state.step = undefined;
    return;
  }
  if (e.kind === 'lesson-end' || e.step === undefined) return;
  state.lesson = e.lesson;
  state.step = e.step;
  const p = progressOf(state, e.lesson, e.step);
  switch (e.kind) {
    case 'step-start':
      // A new try (a lesson started over): the step is worked on again, whatever it was.
      Object.assign(p, { state: 'working', message: undefined });
      break;
    case 'check':
      if (e.passed === false) Object.assign(p, { state: 'failing', message: e.message });
      break;
    case 'hint':
      p.hints++;
      break;
    case 'solution':
      p.solution = true;
      break;
    case 'step-end':
      p.durationMs = e.durationMs;
      if (e.status === 'passed' || e.passed === true) Object.assign(p, { state: 'done', message: undefined });
      else if (e.status === 'skipped') p.state = p.state === 'done' ? 'done' : 'skipped';
      else Object.assign(p, { state: 'failing', message: e.message ?? p.message });
      break;
  }
}
