// The learner's view of a lesson: rendered prose, the commands, their output, the checks and what changed.

import { nothingChanged, renderChanges } from '../diff/index.ts';
import type { Check, CommandBlock, Lesson, Step, StepPart } from '../lesson/types.ts';
import { failedCommand } from '../run/blocks.ts';
import type { BlockOutcome, CheckOutcome, CheckPhase, LessonOutcome, Reporter, StepOutcome } from '../run/events.ts';
import {
  blockProblem,
  cleanOutput,
  countSteps,
  createStyle,
  formatDuration,
  indent,
  marks,
  tailLines,
  useColor,
  useUnicode,
  type Marks,
  type Style,
  type TextSink,
} from './format.ts';
import { proseWidth, renderInline, renderMarkdown } from './render-markdown.ts';
import { english, type Translate, type Translator } from '../i18n/index.ts';
import { hasWide, wrapText } from '../util/text-width.ts';

export interface TerminalReporterOptions {
  readonly stream: TextSink;
  /** Defaults to colour on a TTY unless NO_COLOR is set. */
  readonly color?: boolean;
  /** Defaults to ✔/✘ unless the terminal looks ASCII-only. */
  readonly unicode?: boolean;
  /** Columns for prose; defaults to the stream's width, at most 100. */
  readonly width?: number;
  /** Output lines shown per block before the head is cut off; default 40. */
  readonly maxOutputLines?: number;
  /** The language of the fixed words; English by default. */
  readonly translator?: Translator;
}

/** Shell code shown as the learner would type it: `$ ` before each command, continuation lines indented. */
export function promptLines(code: string): string[] {
  const lines: string[] = [];
  let continued = false;
  for (const line of code.split('\n')) {
    if (line.trim() === '') lines.push('');
    else lines.push((continued ? '  ' : '$ ') + line);
    continued = /\\\s*$/.test(line);
  }
  return lines;
}

/** What a block's output is labelled with: its command, or its first and last of several (comments and blank lines left out). */
export function outputLabel(code: string, t: Translate = english.t): string {
  const commands = code.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const short = (c: string): string => `\`${c.length > 50 ? `${c.slice(0, 49)}…` : c}\``;
  if (commands.length === 1) return t('report.output-of', { command: short(commands[0] ?? '') });
  return t('report.output-of-many', { count: commands.length, first: short(commands[0] ?? ''), last: short(commands.at(-1) ?? '') });
}

/** A failure the learner already saw (a ✘ check or a block that went wrong) in a few words rather than again; undefined otherwise. */
function shownAbove(outcome: StepOutcome, t: Translate): string | undefined {
  const failed = outcome.checks.filter((c) => !c.result.passed).length;
  if (failed > 0) return t('report.checks-failed', { failed, total: outcome.checks.length });
  if (outcome.blocks.some((b) => !b.ok)) return t('report.commands-failed');
  return undefined;
}

/** The first letter in capitals. */
const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export class TerminalReporter implements Reporter {
  readonly #out: TextSink;
  readonly #style: Style;
  readonly #marks: Marks;
  readonly #color: boolean;
  readonly #width: number;
  readonly #maxOutputLines: number;
  readonly #t: Translate;
  /** The checks printed since the last heading; a check seen again is a new attempt and gets a new heading. */
  #checksShown = new Set<Check>();

  constructor(options: TerminalReporterOptions) {
    this.#out = options.stream;
    this.#color = options.color ?? useColor(options.stream);
    this.#style = createStyle(this.#color);
    this.#marks = marks(options.unicode ?? useUnicode());
    this.#width = options.width ?? proseWidth(options.stream.columns);
    this.#maxOutputLines = options.maxOutputLines ?? 40;
    this.#t = (options.translator ?? english).t;
  }

  /** Write lines, each ended by a newline. */
  #print(...lines: string[]): void {
    this.#out.write(lines.map((line) => `${line}\n`).join(''));
  }

  /** A sentence of ours, styled line by line; one with wide characters (Chinese runs long) wrapped to the width, English as it always was. */
  #say(style: (text: string) => string, text: string): string[] {
    return (hasWide(text) ? wrapText(text, this.#width) : [text]).map(style);
  }

  /** Render Markdown at our width and colour mode. */
  #markdown(text: string): string {
    return renderMarkdown(text, { color: this.#color, width: this.#width });
  }

  /** Title, where it runs and the introduction. */
  onLessonStart(lesson: Lesson, info: { readonly target: string; readonly resumeFrom: number }): void {
    const s = this.#style;
    const t = this.#t;
    this.#print('', s.bold(lesson.title), s.dim(t('report.lesson-info', { file: lesson.file, count: lesson.steps.length, target: info.target })));
    const intro = this.#markdown(lesson.introduction);
    if (intro !== '') this.#print('', intro);
    if (info.resumeFrom > 0) {
      this.#print('', s.yellow(t('report.resuming', { number: info.resumeFrom + 1, total: lesson.steps.length })));
    }
  }

  /** A short note that the sandbox is up. */
  onSandboxReady(_lesson: Lesson, info: { readonly durationMs: number }): void {
    this.#print(this.#style.dim(this.#t('report.sandbox-ready', { duration: formatDuration(info.durationMs) })));
  }

  /** The step's heading, then its prose, commands and illustrations in the order written. */
  onStepStart(step: Step, lesson: Lesson): void {
    const s = this.#style;
    this.#checksShown.clear();
    this.#print('', s.cyan(s.bold(this.#t('report.step-heading', { number: step.index + 1, total: lesson.steps.length, title: renderInline(step.title, this.#color) }))));
    for (const part of step.body) this.#printPart(part);
    if (step.challenge) {
      this.#print('', ...this.#say(s.yellow, this.#t('report.your-turn')));
    }
  }

  /** One part of a step's body. */
  #printPart(part: StepPart): void {
    const s = this.#style;
    if (part.kind === 'prose') {
      const text = this.#markdown(part.markdown);
      if (text !== '') this.#print('', text);
    } else if (part.kind === 'commands') {
      const label = part.block.background ? [s.yellow(this.#t('report.background'))] : [];
      this.#print('', ...label, ...promptLines(part.block.code).map((line) => s.bold(line)));
    } else if (part.kind === 'docker') {
      // dockerd options a step asks for are shown as the comment they would be in a shell session.
      const daemon = part.block.daemon === undefined ? [] : [`# dockerd ${part.block.daemon.join(' ')}`];
      this.#print('', s.dim(this.#t('report.docker-does')), ...indent([...daemon, ...promptLines(part.block.code)], '  ').map((line) => s.dim(line)));
    } else {
      this.#print('', ...indent(part.code.split('\n'), '  ').map((line) => s.dim(line)));
    }
  }

  /** A solution is hidden in the body, so show its commands as they start. */
  onBlockStart(block: CommandBlock, _step: Step | undefined): void {
    if (block.kind !== 'solution') return;
    this.#checksShown.clear();
    this.#print('', this.#style.yellow(this.#t('report.solution')), ...promptLines(block.code).map((line) => this.#style.bold(line)));
  }

  /** What a block printed (its tail), and a clear line when it did not end as meant. */
  onBlockEnd(outcome: BlockOutcome, _step: Step | undefined): void {
    const s = this.#style;
    const t = this.#t;
    const problem = blockProblem(outcome, t);
    const hidden = outcome.block.kind === 'setup' || outcome.block.kind === 'cleanup';
    this.#checksShown.clear();
    if (hidden && problem === undefined) return;
    const { lines, omitted } = tailLines(cleanOutput(outcome.output), this.#maxOutputLines);
    const label = hidden ? t('report.output-of-hidden', { kind: outcome.block.kind, line: outcome.block.line }) : outputLabel(outcome.block.code, t);
    if (lines.length > 0) this.#print('', s.dim(`${label}${outcome.block.background ? t('report.in-background') : ''}${t('report.colon')}`));
    if (omitted > 0) this.#print(s.dim(`    ${t('report.earlier-lines', { count: omitted })}`));
    if (lines.length > 0) this.#print(...indent(lines, '    ').map((line) => s.dim(line)));
    if (outcome.block.background && problem === undefined) this.#print(s.dim(`    ${t('report.running-in-background')}`));
    if (problem !== undefined) {
      const what = hidden ? t('report.hidden-block', { kind: outcome.block.kind, line: outcome.block.line }) : t('report.commands-at', { line: outcome.block.line });
      const failed = failedCommand(outcome);
      const at = failed && outcome.block.code.includes('\n') ? t('report.failed-at', { command: `\`${failed.text}\``, line: failed.line }) : '';
      this.#print(s.red(`${this.#marks.fail} ${t('report.went-wrong', { what, problem, at })}`));
    }
  }

  /** One check's verdict; the checks a challenge runs before its solution stay quiet. */
  onCheck(outcome: CheckOutcome, _step: Step, phase: CheckPhase): void {
    if (phase !== 'after') return;
    const s = this.#style;
    if (this.#checksShown.size === 0 || this.#checksShown.has(outcome.check)) {
      this.#checksShown.clear();
      this.#print('', s.dim(this.#t('report.checks')));
    }
    this.#checksShown.add(outcome.check);
    if (outcome.result.passed) this.#print(`  ${s.green(this.#marks.pass)} ${outcome.check.source}`);
    else this.#print(`  ${s.red(this.#marks.fail)} ${outcome.check.source} ${this.#marks.dash} ${s.red(outcome.result.message)}`);
  }

  /** What changed in the kernel, and how the step went. */
  onStepEnd(outcome: StepOutcome, _lesson: Lesson): void {
    const s = this.#style;
    const t = this.#t;
    this.#checksShown.clear();
    if (outcome.status === 'skipped') {
      this.#print('', s.dim(`${this.#marks.skip} ${t('report.skipped')}`));
      return;
    }
    if (outcome.changes.length === 0) this.#print('', s.dim(`${sentence(nothingChanged(outcome.blocks.map((b) => b.block.code).join('\n')))}.`));
    else this.#print('', s.bold(t('report.what-changed')), ...indent(renderChanges(outcome.changes, this.#width - 2).split('\n'), '  '));
    if (outcome.status === 'passed') this.#print(...this.#say(s.green, `${this.#marks.pass} ${t('report.step-done', { duration: formatDuration(outcome.durationMs) })}`));
    else this.#print(...this.#say(s.red, `${this.#marks.fail} ${t('report.step-failed', { why: shownAbove(outcome, t) ?? outcome.reason ?? t('report.see-above') })}`));
  }

  /** The lesson's summary: steps passed, failed, skipped and the time taken. */
  onLessonEnd(outcome: LessonOutcome): void {
    const s = this.#style;
    const t = this.#t;
    const counts = countSteps(outcome.steps);
    const tally = t('report.tally', { ...counts, duration: formatDuration(outcome.durationMs) });
    const total = outcome.lesson.steps.length;
    const title = outcome.lesson.title;
    this.#print('');
    const greenBold = (text: string): string => s.green(s.bold(text));
    const redBold = (text: string): string => s.red(s.bold(text));
    if (outcome.status === 'passed') this.#print(...this.#say(greenBold, `${this.#marks.pass} ${t('report.lesson-done', { title, tally })}`));
    else if (outcome.status === 'failed') this.#print(...this.#say(redBold, `${this.#marks.fail} ${t('report.lesson-failed', { title, tally })}`));
    else if (outcome.status === 'quit') this.#print(...this.#say(s.yellow, t('report.lesson-stopped', { done: outcome.steps.length, total, tally })));
    else this.#print(s.red(`${this.#marks.fail} ${t('report.lesson-broken', { file: outcome.lesson.file, error: outcome.error ?? t('report.unknown-error') })}`));
  }
}
