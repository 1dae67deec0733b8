// The dashboard's data: learners × steps of one lesson, each cell done / working / failing / stuck, and counts in words.

import type { LearnerState } from './learner-state.ts';
import type { DoctorReport } from './protocol.ts';

export interface OutlineLesson {
  readonly id: string;
  readonly title: string;
  readonly steps: readonly string[];
}

export type CellState = 'todo' | 'working' | 'done' | 'failing' | 'stuck' | 'skipped';

export interface Cell {
  readonly state: CellState;
  readonly message?: string;
  readonly hints?: number;
  readonly solution?: boolean;
}

export interface BoardRow {
  readonly id: number;
  readonly name: string;
  readonly doctor: { readonly ready: boolean; readonly verdict: string } | undefined;
  /** The lesson the learner is in now, and the step (index from 0). */
  readonly lesson: string | undefined;
  readonly step: number | undefined;
  readonly cells: readonly Cell[];
  readonly lastAt: number;
}

export interface StepCount {
  readonly done: number;
  readonly working: number;
  readonly failing: number;
  readonly stuck: number;
  /** The most common failing message at this step. */
  readonly message: string | undefined;
}

export interface Board {
  readonly lessons: readonly OutlineLesson[];
  readonly lesson: string | undefined;
  readonly rows: readonly BoardRow[];
  readonly counts: readonly StepCount[];
  /** One sentence a step with anyone failing or stuck, worst first: "7 of 28 stuck on step 4: ping … fails". */
  readonly sentences: readonly string[];
  readonly stuckMinutes: number;
  readonly at: number;
}

export interface BoardLearner {
  readonly id: number;
  readonly name: string;
  readonly doctor: DoctorReport | undefined;
  readonly state: LearnerState;
}

/** The lesson most learners are in now (ties: the course's order), unless one is asked for. */
function pickLesson(lessons: readonly OutlineLesson[], learners: readonly BoardLearner[], asked: string | undefined): string | undefined {
  if (asked !== undefined && lessons.some((l) => l.id === asked)) return asked;
  const count = new Map<string, number>();
  for (const l of learners) if (l.state.lesson !== undefined) count.set(l.state.lesson, (count.get(l.state.lesson) ?? 0) + 1);
  let best = lessons[0]?.id;
  for (const l of lessons) if ((count.get(l.id) ?? 0) > (count.get(best ?? '') ?? 0)) best = l.id;
  return best;
}

/** The cell of a learner at one step: stuck when working or failing at their current step with no event for `stuckMs`. */
function cellOf(learner: BoardLearner, lesson: string, step: number, now: number, stuckMs: number): Cell {
  const p = learner.state.lessons.get(lesson)?.get(step);
  if (p === undefined) return { state: 'todo' };
  const current = learner.state.lesson === lesson && learner.state.step === step;
  const idle = now - learner.state.lastAt >= stuckMs;
  const state = current && idle && (p.state === 'working' || p.state === 'failing') ? 'stuck' : p.state;
  return { state, ...(p.message === undefined ? {} : { message: p.message }), ...(p.hints > 0 ? { hints: p.hints } : {}), ...(p.solution ? { solution: true } : {}) };
}

/** The board of `lesson` (default: where most learners are) at time `now`; learners by name. */
export function makeBoard(lessons: readonly OutlineLesson[], learners: readonly BoardLearner[], options: { lesson?: string; now: number; stuckMs: number }): Board {
  const lesson = pickLesson(lessons, learners, options.lesson);
  const steps = lessons.find((l) => l.id === lesson)?.steps ?? [];
  const rows: BoardRow[] = learners.toSorted((a, b) => a.name.localeCompare(b.name) || a.id - b.id).map((l) => ({
    id: l.id,
    name: l.name,
    doctor: l.doctor && { ready: l.doctor.ready, verdict: l.doctor.verdict },
    lesson: l.state.lesson,
    step: l.state.step,
    cells: lesson === undefined ? [] : steps.map((_, i) => cellOf(l, lesson, i, options.now, options.stuckMs)),
    lastAt: l.state.lastAt,
  }));
  const counts = steps.map((_, i) => countStep(rows.map((r) => r.cells[i] ?? { state: 'todo' })));
  return { lessons, lesson, rows, counts, sentences: sentences(counts, rows.length), stuckMinutes: Math.round(options.stuckMs / 60_000), at: options.now };
}

function countStep(cells: readonly Cell[]): StepCount {
  const n = (s: CellState) => cells.filter((c) => c.state === s).length;
  const messages = new Map<string, number>();
  for (const c of cells) if ((c.state === 'failing' || c.state === 'stuck') && c.message) messages.set(c.message, (messages.get(c.message) ?? 0) + 1);
  const message = [...messages].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { done: n('done'), working: n('working'), failing: n('failing'), stuck: n('stuck'), message };
}

/** "7 of 28 stuck on step 4: …", then "3 of 28 failing step 2: …"; worst step first. */
function sentences(counts: readonly StepCount[], total: number): string[] {
  const lines: { weight: number; text: string }[] = [];
  counts.forEach((c, i) => {
    const why = c.message ? `: ${c.message.split('\n')[0]}` : '';
    if (c.stuck > 0) lines.push({ weight: c.stuck * 2 + c.failing, text: `${c.stuck} of ${total} stuck on step ${i + 1}${why}` });
    if (c.failing > 0) lines.push({ weight: c.failing, text: `${c.failing} of ${total} failing step ${i + 1}${c.stuck > 0 ? '' : why}` });
  });
  return lines.sort((a, b) => b.weight - a.weight).map((l) => l.text);
}
