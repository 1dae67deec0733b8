// JUnit XML for CI dashboards: a testsuite per lesson, a testcase per step, written once the run ends.

import { stripVTControlCharacters } from 'node:util';
import { writeFileAtomic } from '../progress/atomic-write.ts';
import { failedCommand } from '../run/blocks.ts';
import type { LessonOutcome, Reporter, StepOutcome } from '../run/events.ts';
import { blockProblem, checkLocation, cleanOutput, tailLines } from './format.ts';

const OUTPUT_TAIL_LINES = 40;

/** Text made safe for XML content and attributes: characters XML 1.0 forbids are removed, markup escaped. */
export function xmlEscape(text: string): string {
  return stripVTControlCharacters(text)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** Attributes as ` name="value"`, escaped, in the order given. */
function attrs(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlEscape(String(value))}"`)
    .join('');
}

/** Milliseconds as JUnit's seconds. */
const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** The body of a step's <failure>: failed blocks with their output tail, failed checks with file:line. */
function failureText(outcome: StepOutcome, file: string): string {
  const lines: string[] = [];
  for (const block of outcome.blocks) {
    const problem = blockProblem(block);
    if (problem === undefined) continue;
    lines.push(`${block.block.kind} block at ${file}:${failedCommand(block)?.line ?? block.block.line}: ${problem}`);
    const { lines: tail, omitted } = tailLines(cleanOutput(block.output), OUTPUT_TAIL_LINES);
    if (omitted > 0) lines.push(`… ${omitted} earlier lines not shown`);
    lines.push(...tail.map((line) => `  | ${line}`));
  }
  const lesson = { file };
  for (const check of outcome.checksBefore) {
    if (check.result.passed) lines.push(`already true before the solution ran: ${check.check.source} (${checkLocation(lesson, check.check)})`);
  }
  for (const check of outcome.checks) {
    if (!check.result.passed) lines.push(`${check.check.source}: ${check.result.message} (${checkLocation(lesson, check.check)})`);
  }
  return lines.join('\n');
}

/** One <testcase> for a step that ran or was skipped. */
function testcase(outcome: StepOutcome, lesson: LessonOutcome): string {
  const head = `    <testcase${attrs({ classname: lesson.lesson.id, name: outcome.step.title, time: seconds(outcome.durationMs), file: lesson.lesson.file, line: outcome.step.line })}`;
  if (outcome.status === 'passed') return `${head}/>`;
  if (outcome.status === 'skipped') return `${head}>\n      <skipped/>\n    </testcase>`;
  const message = `${outcome.afterFailure ? 'after an earlier failure: ' : ''}${outcome.reason ?? 'step failed'}`;
  return `${head}>\n      <failure${attrs({ message })}>${xmlEscape(failureText(outcome, lesson.lesson.file))}</failure>\n    </testcase>`;
}

/** One <testsuite> for a lesson; steps it never reached are skipped, a broken lesson carries an <error>. */
export function testsuite(outcome: LessonOutcome): string {
  const { lesson } = outcome;
  const reached = new Set(outcome.steps.map((s) => s.step.id));
  const cases = outcome.steps.map((step) => testcase(step, outcome));
  for (const step of lesson.steps) {
    if (reached.has(step.id)) continue;
    cases.push(`    <testcase${attrs({ classname: lesson.id, name: step.title, time: '0.000', file: lesson.file, line: step.line })}>\n      <skipped${attrs({ message: 'not reached' })}/>\n    </testcase>`);
  }
  const failures = outcome.steps.filter((s) => s.status === 'failed').length;
  const skipped = lesson.steps.length - outcome.steps.filter((s) => s.status !== 'skipped').length;
  let errors = 0;
  if (outcome.status === 'broken') {
    errors = 1;
    const error = outcome.error ?? 'steplab could not run this lesson';
    cases.unshift(`    <testcase${attrs({ classname: lesson.id, name: 'sandbox', time: '0.000', file: lesson.file })}>\n      <error${attrs({ message: error })}>${xmlEscape(error)}</error>\n    </testcase>`);
  }
  const tests = cases.length;
  const head = `  <testsuite${attrs({ name: lesson.id, file: lesson.file, tests, failures, errors, skipped, time: seconds(outcome.durationMs) })}>`;
  const props = `    <properties>\n      <property${attrs({ name: 'target', value: outcome.target })}/>\n    </properties>`;
  return [head, props, ...cases, '  </testsuite>'].join('\n');
}

/** The whole document for a run. */
export function junitXml(outcomes: readonly LessonOutcome[]): string {
  const totalMs = outcomes.reduce((sum, o) => sum + o.durationMs, 0);
  const suites = outcomes.map(testsuite);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: 'steplab', time: seconds(totalMs) })}>\n${suites.map((s) => `${s}\n`).join('')}</testsuites>\n`;
}

export class JunitReporter implements Reporter {
  readonly #file: string;

  constructor(outputFile: string) {
    this.#file = outputFile;
  }

  /** Write the report in one go, atomically, when every lesson has run. */
  async onRunEnd(outcomes: readonly LessonOutcome[]): Promise<void> {
    await writeFileAtomic(this.#file, junitXml(outcomes));
  }
}
