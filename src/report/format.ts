// Formatting helpers shared by the reporters: colours, symbols, durations, output tails, counts.

import { styleText, stripVTControlCharacters } from 'node:util';
import type { Check, Lesson } from '../lesson/types.ts';
import { english, type Translate } from '../i18n/index.ts';
import type { BlockOutcome, LessonOutcome, StepOutcome } from '../run/events.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Where a reporter writes: a stream (process.stdout) or anything with `write`. */
export interface TextSink {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Text styles; each is the identity when colours are off. */
export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
}

/** Build the style functions, coloured or plain. */
export function createStyle(color: boolean): Style {
  const make = (format: Parameters<typeof styleText>[0]) =>
    color ? (text: string) => styleText(format, text, { validateStream: false }) : (text: string) => text;
  return {
    bold: make('bold'),
    dim: make('dim'),
    red: make('red'),
    green: make('green'),
    yellow: make('yellow'),
    cyan: make('cyan'),
  };
}

/** Whether to colour what goes to `stream`: NO_COLOR and TERM=dumb turn it off, FORCE_COLOR on, else only on a TTY. */
export function useColor(stream: { readonly isTTY?: boolean }, env: Env = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** Whether the terminal can show ✔ and ✘: not on the Linux console nor under a C/POSIX locale. */
export function useUnicode(env: Env = process.env): boolean {
  if (env.TERM === 'linux' || env.TERM === 'dumb') return false;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  return locale === undefined || locale === '' || !/^(C|POSIX)$/i.test(locale);
}

/** The marks for a pass, a failure and a skip. */
export interface Marks {
  readonly pass: string;
  readonly fail: string;
  readonly skip: string;
  readonly dash: string;
}

/** Pick Unicode marks or their ASCII fallback. */
export function marks(unicode: boolean): Marks {
  return unicode
    ? { pass: '✔', fail: '✘', skip: '↷', dash: '—' }
    : { pass: 'ok', fail: 'FAIL', skip: 'skip', dash: '-' };
}

/** A duration for people: `123 ms`, `4.2 s`, `2 min 5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** The last `max` lines of some output, with how many were left out before them. */
export function tailLines(text: string, max: number): { readonly lines: readonly string[]; readonly omitted: number } {
  const trimmed = text.replace(/\n+$/, '');
  if (trimmed === '') return { lines: [], omitted: 0 };
  const all = trimmed.split('\n');
  const omitted = Math.max(0, all.length - max);
  return { lines: all.slice(omitted), omitted };
}

/** Command output made safe for a log: terminal escape sequences and stray control characters removed. */
export function cleanOutput(text: string): string {
  return stripVTControlCharacters(text).replace(/\r\n/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/** Why a block went wrong, in words (`expected exit 0, got 2`); undefined when it went as meant. */
export function blockProblem(outcome: BlockOutcome, t: Translate = english.t): string | undefined {
  if (outcome.timedOut) {
    return outcome.block.timeoutMs === undefined ? t('report.timed-out') : t('report.timed-out-after', { duration: formatDuration(outcome.block.timeoutMs) });
  }
  if (outcome.ok) return undefined;
  return t('report.exit-status', { expected: outcome.block.exit, actual: String(outcome.exitCode) });
}

/** Where a check is written: `file:line`. */
export function checkLocation(lesson: Pick<Lesson, 'file'>, check: Pick<Check, 'line'>): string {
  return `${lesson.file}:${check.line}`;
}

/** How many steps passed, failed and were skipped. */
export function countSteps(outcomes: readonly StepOutcome[]): { passed: number; failed: number; skipped: number } {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const outcome of outcomes) counts[outcome.status] += 1;
  return counts;
}

/** How many lessons passed and how many did not (failed, quit or broken). */
export function countLessons(outcomes: readonly LessonOutcome[]): { passed: number; failed: number } {
  const passed = outcomes.filter((o) => o.status === 'passed').length;
  return { passed, failed: outcomes.length - passed };
}

/** Indent every line of a text block. */
export function indent(lines: readonly string[], prefix: string): string[] {
  return lines.map((line) => (line === '' ? line : prefix + line));
}
