// Alternative solutions for the course's challenges: a fixture names a lesson and a challenge step and holds
// another solution; swapping it in (and cutting the lesson after that step) gives a lesson that verify runs.

import { parseLesson } from '../../src/lesson/parse.ts';
import type { Lesson, Step } from '../../src/lesson/types.ts';

/** One fixture: which challenge, the solution to try, and whether verify must pass or fail (with what message). */
export interface SolutionFixture {
  readonly file: string;
  readonly lesson: string;
  readonly step: string;
  readonly expect: 'pass' | 'fail';
  readonly message: string | undefined;
  readonly solution: string;
}

/** Reads a fixture: `key: value` front matter (lesson, step, expect, message) and one ```solution block. */
export function parseSolutionFixture(text: string, file: string): SolutionFixture {
  const lines = text.split('\n');
  if (lines[0] !== '---') throw new Error(`${file}:1: a solution fixture starts with front matter ("---")`);
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new Error(`${file}:1: the front matter never ends; close it with "---"`);
  const fields = new Map<string, string>();
  for (const line of lines.slice(1, end)) {
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (m) fields.set(m[1]!, m[2]!.replace(/^"(.*)"$/, '$1'));
  }
  const need = (key: string): string => {
    const v = fields.get(key);
    if (!v) throw new Error(`${file}:2: the front matter has no "${key}:"; add it`);
    return v;
  };
  const expect = need('expect');
  if (expect !== 'pass' && expect !== 'fail') throw new Error(`${file}:2: expect is "${expect}"; write pass or fail`);
  const message = fields.get('message');
  if (expect === 'fail' && !message) throw new Error(`${file}:2: a fixture that must fail names the message verify prints ("message:")`);
  const open = lines.findIndex((l, i) => i > end && /^```solution\s*$/.test(l));
  const close = lines.findIndex((l, i) => i > open && l === '```');
  if (open < 0 || close < 0) throw new Error(`${file}: no closed \`\`\`solution block; add the solution to try`);
  return { file, lesson: need('lesson'), step: need('step'), expect, message, solution: lines.slice(open + 1, close).join('\n') };
}

/** The challenges of a lesson: steps with a solution and no sh block. */
export function challenges(lesson: Lesson): Step[] {
  return lesson.steps.filter((s) => s.challenge);
}

/** The lesson's text with `step`'s solution replaced by `solution` and every later step cut off. */
export function swapSolution(text: string, file: string, stepTitle: string, solution: string): string {
  const { lesson, problems } = parseLesson(text, file);
  if (!lesson) throw new Error(`${file} does not parse: ${problems.map((p) => p.message).join('; ')}`);
  const step = lesson.steps.find((s) => s.title === stepTitle);
  if (!step) throw new Error(`${file} has no step "${stepTitle}" (its challenges: ${challenges(lesson).map((s) => s.title).join(', ')})`);
  if (!step.challenge || step.solution.length !== 1) throw new Error(`${file}: "${stepTitle}" is not a challenge with one solution block`);
  const lines = text.split('\n');
  const open = step.solution[0]!.line - 1;
  const close = lines.findIndex((l, i) => i > open && /^```\s*$/.test(l));
  const next = lesson.steps[step.index + 1];
  const kept = next ? lines.slice(0, next.line - 1) : lines;
  return [...kept.slice(0, open + 1), solution, ...kept.slice(close)].join('\n');
}
