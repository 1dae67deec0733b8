// A translation against its original: the same steps (by id), blocks and checks byte for byte, and made from the current original. Pure.

import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Check, CommandBlock, Lesson, Problem, Step } from './types.ts';

/** What a lesson says about its language: `en` unless it says otherwise. */
export const lessonLang = (lesson: Pick<Lesson, 'lang'>): string => lesson.lang ?? 'en';

/** Whether a lesson is a translation: not English, in a folder named by its language (`lessons/zh-CN/03-….md`). */
export function isTranslation(lesson: Pick<Lesson, 'file' | 'lang'>): boolean {
  const lang = lessonLang(lesson);
  return lang !== 'en' && basename(dirname(lesson.file)) === lang;
}

/** The original a translation translates: the same file name one folder up (`lessons/zh-CN/03-x.md` → `lessons/03-x.md`). */
export const originalFile = (translation: string): string => join(dirname(dirname(translation)), basename(translation));

/** The translation of an original in a language, where it would be (`lessons/03-x.md`, `zh-CN` → `lessons/zh-CN/03-x.md`). */
export const translationFile = (original: string, lang: string): string => join(dirname(original), lang, basename(original));

/** A block as it must match: its code and every attribute, not its line. */
const blockKey = (b: CommandBlock): string => JSON.stringify([b.code, b.timeoutMs ?? null, b.background, b.ready ?? null, b.exit]);

/** The kinds of block a step holds, with the names lint uses for them. */
const STEP_BLOCKS = [
  ['sh', (s: Step) => s.commands],
  ['setup', (s: Step) => s.setup],
  ['solution', (s: Step) => s.solution],
  ['cleanup', (s: Step) => s.cleanup],
  ['docker', (s: Step) => s.docker],
] as const;

/** What a translation must share with its original, as one value: steps by id, blocks, checks, requires, world, timeout. */
function essence(lesson: Lesson): unknown {
  return {
    requires: lesson.requires,
    world: lesson.world,
    timeoutMs: lesson.timeoutMs,
    setup: lesson.setup.map(blockKey),
    cleanup: lesson.cleanup.map(blockKey),
    docker: lesson.docker.map(blockKey),
    steps: lesson.steps.map((step) => ({
      id: step.id,
      ...Object.fromEntries(STEP_BLOCKS.map(([name, get]) => [name, get(step).map(blockKey)])),
      checks: step.checks.map((c) => c.source),
    })),
  };
}

/** The original's fingerprint: 12 hex digits of a SHA-256 over what a translation must match; prose does not change it. */
export function fingerprint(lesson: Lesson): string {
  return createHash('sha256').update(JSON.stringify(essence(lesson))).digest('hex').slice(0, 12);
}

/** Ordinal words for "the 2nd sh block". */
const nth = (n: number): string => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** Where lines are, for messages: the translation's file and the original's. */
interface Places {
  readonly file: string;
  readonly original: string;
  /** The line of a front-matter field in the translation, when it can be found. */
  readonly fieldLine: (key: string) => { line: number; column: number } | undefined;
}

/** Every way a translation differs from its original in what must be the same. */
export function compareTranslation(translation: Lesson, original: Lesson, fieldLine: Places['fieldLine'] = () => undefined): Problem[] {
  const at: Places = { file: translation.file, original: original.file, fieldLine };
  const problems: Problem[] = [];
  const error = (line: number, column: number, message: string): void => void problems.push({ file: at.file, line, column, severity: 'error', message });
  const field = (key: string, what: string, mine: unknown, theirs: unknown): void => {
    if (JSON.stringify(mine) === JSON.stringify(theirs)) return;
    const where = fieldLine(key) ?? { line: 1, column: 1 };
    error(where.line, where.column, `${what} differs from the original's (${at.original}); a translation keeps ${key} as it is: ${JSON.stringify(theirs)}`);
  };
  if (translation.id !== original.id) {
    const where = fieldLine('id') ?? { line: 1, column: 1 };
    error(where.line, where.column, `id "${translation.id}" is not the original's "${original.id}" (${at.original}); a translation keeps its original's id, so they share progress`);
  }
  field('requires', 'requires', translation.requires, original.requires);
  field('world', 'world', translation.world, original.world);
  field('timeout', 'timeout', translation.timeoutMs, original.timeoutMs);
  for (const [name, get] of [['setup', (l: Lesson) => l.setup], ['cleanup', (l: Lesson) => l.cleanup], ['docker', (l: Lesson) => l.docker]] as const) {
    problems.push(...compareBlocks(at, 'the introduction', name, get(translation), get(original), 1));
  }
  problems.push(...compareSteps(at, translation.steps, original.steps));
  return problems;
}

/** Steps matched by id: missing, extra and out-of-order steps, then each pair's blocks and checks. */
function compareSteps(at: Places, mine: readonly Step[], theirs: readonly Step[]): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set(theirs.map((s) => s.id));
  const mineById = new Map(mine.map((s) => [s.id, s]));
  const lastLine = mine.at(-1)?.line ?? 1;
  for (const step of mine) {
    if (ids.has(step.id)) continue;
    problems.push({
      file: at.file, line: step.line, column: 1, severity: 'error',
      message: `step "${step.title}" has the id "${step.id}", which no step of the original (${at.original}) has; end its heading with the original step's id, e.g. "## ${step.title} {#${theirs.find((s) => !mineById.has(s.id))?.id ?? theirs[0]?.id ?? 'step-id'}}"`,
    });
  }
  for (const step of theirs) {
    if (mineById.has(step.id)) continue;
    problems.push({
      file: at.file, line: lastLine, column: 1, severity: 'error',
      message: `the original's step "${step.title}" (${at.original}:${step.line}) is missing; translate it under a heading ending in {#${step.id}}`,
    });
  }
  const shared = mine.filter((s) => ids.has(s.id)).map((s) => s.id);
  const expected = theirs.filter((s) => mineById.has(s.id)).map((s) => s.id);
  const outOfPlace = shared.findIndex((id, i) => id !== expected[i]);
  if (outOfPlace >= 0) {
    const step = mineById.get(shared[outOfPlace] ?? '');
    problems.push({
      file: at.file, line: step?.line ?? 1, column: 1, severity: 'error',
      message: `the steps are not in the original's order (${at.original}): it has ${expected.join(', ')}; put them in that order`,
    });
  }
  for (const original of theirs) {
    const step = mineById.get(original.id);
    if (step === undefined) continue;
    for (const [name, get] of STEP_BLOCKS) problems.push(...compareBlocks(at, `step {#${step.id}}`, name, get(step), get(original), step.line));
    problems.push(...compareChecks(at, step, original));
  }
  return problems;
}

/** Two lists of blocks of one kind in one place (`step {#id}`, `the introduction`): their number, then each block's code and attributes. */
function compareBlocks(at: Places, owner: string, name: string, mine: readonly CommandBlock[], theirs: readonly CommandBlock[], line: number): Problem[] {
  const error = (where: number, message: string): Problem => ({ file: at.file, line: where, column: 1, severity: 'error', message });
  if (mine.length !== theirs.length) {
    const lines = theirs.map((b) => b.line).join(', ');
    return [error(mine[0]?.line ?? line, `${owner} has ${mine.length} ${name} block${mine.length === 1 ? '' : 's'}, the original ${theirs.length} (${at.original}${lines ? `:${lines}` : ''}); copy them from there`)];
  }
  return mine.flatMap((block, i) => {
    const original = theirs[i];
    if (original === undefined || blockKey(block) === blockKey(original)) return [];
    const part = block.code !== original.code ? 'its code' : 'its attributes';
    return [error(block.line, `the ${nth(i + 1)} ${name} block of ${owner} differs from the original's (${part}) at ${at.original}:${original.line}; copy it byte for byte: only prose, titles and hints are translated`)];
  });
}

/** The check lines of a step against the original's, line by line. */
function compareChecks(at: Places, step: Step, original: Step): Problem[] {
  const mine = step.checks.map((c: Check) => c.source);
  const theirs = original.checks.map((c: Check) => c.source);
  if (JSON.stringify(mine) === JSON.stringify(theirs)) return [];
  const i = mine.findIndex((source, k) => source !== theirs[k]);
  const index = i < 0 ? mine.length : i;
  const here = step.checks[index]?.line ?? step.checks.at(-1)?.line ?? step.line;
  const there = original.checks[index]?.line ?? original.line;
  const what = theirs[index] === undefined ? `has a check the original lacks ("${mine[index] ?? ''}")` : mine[index] === undefined ? `lacks the original's check "${theirs[index]}"` : `has "${mine[index]}" where the original has "${theirs[index]}"`;
  return [{ file: at.file, line: here, column: 1, severity: 'error', message: `step {#${step.id}} ${what} (${at.original}:${there}); the checks of a translation are its original's, byte for byte` }];
}

/** Whether a translation was made from the original as it is now; the problem to report when not (or when it does not say). */
export function freshness(translation: Lesson, original: Lesson, fieldLine: Places['fieldLine'] = () => undefined): Problem | undefined {
  const now = fingerprint(original);
  if (translation.translatedFrom === now) return undefined;
  if (translation.translatedFrom === undefined) {
    return {
      file: translation.file, line: 1, column: 1, severity: 'error',
      message: `a translation says which original it was made from: add "translated-from: ${now}" to the front matter once it matches ${original.file}`,
    };
  }
  const where = fieldLine('translated-from') ?? { line: 1, column: 1 };
  return {
    file: translation.file, ...where, severity: 'error',
    message: `translated from an older ${original.file}: its steps, blocks or checks changed since (translated-from ${translation.translatedFrom}, now ${now}); see what changed with \`git log -p ${original.file}\`, bring the translation's prose and blocks up to date, then write "translated-from: ${now}"`,
  };
}
