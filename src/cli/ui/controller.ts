// The interactive controller: asks the learner before and after each step, and steers challenges (clack prompts).

import type { Readable, Writable } from 'node:stream';
import { isCancel, log, note, select, type Option } from '@clack/prompts';
import type { Snapshot } from '../../kernel/types.ts';
import type { Lesson, Step } from '../../lesson/types.ts';
import { marks, useUnicode, type Marks } from '../../report/format.ts';
import { renderMarkdown } from '../../report/render-markdown.ts';
import { learnerMessage } from '../../assert/learner.ts';
import type { ChallengeAttempt, ChallengeDecision, CheckOutcome, Controller, FailureDecision, StepDecision, StepOutcome, StepTools } from '../../run/events.ts';
import { resetAsked, showNotices, type RoomInbox } from './room-inbox.ts';

export interface ClackControllerOptions {
  readonly input?: Readable;
  readonly output?: Writable;
  /** Draws the network of a snapshot; the menu offers it only when given. */
  readonly topology?: (snapshot: Snapshot) => string;
  /** Explains what a step's commands did; the menu offers it only when given. */
  readonly explainStep?: (step: Step) => string;
  /** Colour in rendered hints; defaults to on when the output is a TTY and NO_COLOR is unset. */
  readonly color?: boolean;
  readonly unicode?: boolean;
  /** A workshop room the learner joined: its notices are shown between steps, its reset requests honoured. */
  readonly room?: RoomInbox;
}

type ChallengeChoice = ChallengeDecision | 'shell' | 'hint' | 'reveal';
type AfterChoice = 'next' | 'quit' | 'shell' | 'topology' | 'explain' | 'docker';
type FailureChoice = FailureDecision | 'shell';

export class ClackController implements Controller {
  readonly #io: { input?: Readable; output?: Writable };
  readonly #topology: ((snapshot: Snapshot) => string) | undefined;
  readonly #explain: ((step: Step) => string) | undefined;
  readonly #color: boolean;
  readonly #marks: Marks;
  readonly #room: RoomInbox | undefined;
  /** How many hints of each step were shown. */
  readonly #hintsShown = new WeakMap<Step, number>();
  /** Challenges whose exact checks the learner has seen (after a hint, or on request). */
  readonly #revealed = new WeakSet<Step>();

  constructor(options: ClackControllerOptions = {}) {
    this.#io = { input: options.input, output: options.output };
    this.#topology = options.topology;
    this.#explain = options.explainStep;
    const out = (options.output ?? process.stdout) as { isTTY?: boolean };
    this.#color = options.color ?? (out.isTTY === true && !process.env.NO_COLOR);
    this.#marks = marks(options.unicode ?? useUnicode());
    this.#room = options.room;
  }

  /** One menu; Ctrl-C or Escape gives `cancelled`. */
  async #ask<T extends string>(message: string, options: Option<T>[], initialValue?: T): Promise<T | 'cancelled'> {
    showNotices(this.#room, this.#io);
    const answer = await select<T>({ message, options, initialValue, ...this.#io });
    return isCancel(answer) ? 'cancelled' : answer;
  }

  /** Run, skip or quit before a step. */
  async beforeStep(step: Step, lesson: Lesson, _tools: StepTools): Promise<StepDecision> {
    const run = step.commands.length === 0 ? { label: 'Run the checks' } : { label: 'Run the commands', hint: step.commands.length > 1 ? plural(step.commands.length, 'block') : undefined };
    const answer = await this.#ask<StepDecision>(`Step ${step.index + 1}/${lesson.steps.length}: ${step.title}`, [
      { value: 'run', ...run },
      { value: 'skip', label: 'Skip this step' },
      { value: 'quit', label: 'Quit' },
    ]);
    return answer === 'cancelled' ? 'quit' : answer;
  }

  /**
   * A challenge's menu, looping over hints until the learner checks, gives up, skips or quits.
   * Leaving the lab shell checks the work by itself.
   */
  async challenge(step: Step, _lesson: Lesson, tools: StepTools, attempt: ChallengeAttempt): Promise<ChallengeDecision> {
    this.#showLastAttempt(step, attempt);
    let last: ChallengeChoice | undefined;
    for (;;) {
      if (resetAsked(this.#room, this.#io)) return 'reset';
      const answer = await this.#ask<ChallengeChoice>(`Your turn: ${step.title}`, [
        { value: 'shell', label: 'Open a shell in the lab', hint: 'your work is checked when you type exit' },
        { value: 'check', label: 'Check my work' },
        { value: 'hint', label: 'Show a hint', hint: this.#hintsLeftText(step) },
        { value: 'reveal', label: 'Show what the checks look for' },
        { value: 'solution', label: 'Show the solution and run it', hint: 'the lab is rebuilt to where this step began' },
        { value: 'skip', label: 'Skip this step' },
        { value: 'quit', label: 'Quit' },
      ], last);
      if (answer === 'cancelled') return 'quit';
      last = answer;
      if (answer === 'shell') {
        if (await this.#openShell(tools)) return 'check';
      } else if (answer === 'hint') this.#showHint(step);
      else if (answer === 'reveal') this.#reveal(step, attempt);
      else {
        if (answer === 'solution') log.info('Rebuilding the lab as it was when this step began, then running the solution…', this.#io);
        return answer;
      }
    }
  }

  /** After a failed or interrupted step: retry here, rebuild the lab to the step's start, look around in a shell, skip or quit. */
  async afterFailure(outcome: StepOutcome, _lesson: Lesson, tools: StepTools): Promise<FailureDecision> {
    const message = outcome.interrupted ? 'Interrupted: the output above is what ran. What now?' : 'This step did not pass. What now?';
    let last: FailureChoice | undefined;
    for (;;) {
      if (resetAsked(this.#room, this.#io)) return 'reset';
      const answer = await this.#ask<FailureChoice>(message, [
        { value: 'retry', label: 'Retry the step', hint: 'in the lab as it is now' },
        { value: 'reset', label: 'Reset the step and retry', hint: 'a fresh lab, rebuilt to where this step began' },
        { value: 'shell', label: 'Open a shell in the lab', hint: 'type exit to come back' },
        { value: 'skip', label: 'Skip this step' },
        { value: 'quit', label: 'Quit' },
      ], last);
      if (answer === 'cancelled') return 'quit';
      last = answer;
      if (answer === 'shell') await this.#openShell(tools);
      else {
        if (answer === 'reset') log.info('Rebuilding the lab as it was when this step began…', this.#io);
        return answer;
      }
    }
  }

  /** After a step: continue, or look around (shell, topology, explanations) first. */
  async afterStep(outcome: StepOutcome, _lesson: Lesson, tools: StepTools): Promise<'next' | 'quit'> {
    let last: AfterChoice | undefined;
    for (;;) {
      const options: Option<AfterChoice>[] = [
        { value: 'next', label: 'Continue' },
        { value: 'shell', label: 'Open a shell here', hint: 'type exit to come back' },
      ];
      if (this.#topology !== undefined) options.push({ value: 'topology', label: 'Show the topology' });
      if (this.#explain !== undefined) options.push({ value: 'explain', label: 'Explain the commands' });
      if (tools.letDocker !== undefined && outcome.step.docker.length > 0) options.push({ value: 'docker', label: 'Let Docker do it', hint: 'the same step by a real engine, compared with yours' });
      options.push({ value: 'quit', label: 'Quit' });
      const answer = await this.#ask<AfterChoice>('What next?', options, last);
      if (answer === 'cancelled' || answer === 'quit') return 'quit';
      last = answer;
      if (answer === 'next') return 'next';
      if (answer === 'shell') await this.#openShell(tools);
      else if (answer === 'topology') await this.#showTopology(tools);
      else if (answer === 'docker') await this.#letDocker(tools, outcome.step);
      else this.#showExplanation(outcome.step);
    }
  }

  /**
   * What still fails after the last try. Until the learner has seen a hint or asked for the checks,
   * each failure is told in the learner's terms, without the rule text the solution would type.
   */
  #showLastAttempt(step: Step, attempt: ChallengeAttempt): void {
    if (attempt.count === 0) return;
    const failed = attempt.lastChecks.filter((c) => !c.result.passed);
    if (failed.length === 0) return;
    note(this.#failureLines(step, failed).join('\n'), `Try ${attempt.count}: ${failed.length} of ${attempt.lastChecks.length} checks not met yet`, this.#io);
  }

  /** One line per failed check: exact once revealed, in the learner's terms before. */
  #failureLines(step: Step, failed: readonly CheckOutcome[]): string[] {
    if (this.#revealed.has(step)) return failed.map((c) => `${this.#marks.fail} ${c.check.source} ${this.#marks.dash} ${c.result.message}`);
    return failed.map((c) => `${this.#marks.fail} ${learnerMessage(c.check.assertion, c.result)}`);
  }

  /** The exact check lines of a step (and the last try's verdicts on them): the learner asked for them. */
  #reveal(step: Step, attempt: ChallengeAttempt): void {
    this.#revealed.add(step);
    const verdicts = new Map(attempt.lastChecks.map((c) => [c.check, c.result] as const));
    const lines = step.checks.map((check) => {
      const result = verdicts.get(check);
      if (result === undefined) return `${this.#marks.dash} ${check.source}`;
      return result.passed ? `${this.#marks.pass} ${check.source}` : `${this.#marks.fail} ${check.source} ${this.#marks.dash} ${result.message}`;
    });
    note(lines.join('\n'), 'What the checks look for', this.#io);
  }

  /** "2 of 3 left" / "none left" for the hint menu entry. */
  #hintsLeftText(step: Step): string {
    const total = step.hints.length;
    if (total === 0) return 'none for this step';
    const left = total - (this.#hintsShown.get(step) ?? 0);
    return left === 0 ? 'none left' : `${left} of ${total} left`;
  }

  /** The next hint, rendered; or say that none are left. */
  #showHint(step: Step): void {
    const shown = this.#hintsShown.get(step) ?? 0;
    const hint = step.hints[shown];
    if (hint === undefined) {
      const why = step.hints.length === 0 ? 'This step has no hints.' : `You have seen all ${step.hints.length} hints of this step.`;
      log.warn(`${why} Check your work, or ask for the solution.`, this.#io);
      return;
    }
    this.#hintsShown.set(step, shown + 1);
    this.#room?.hintShown(step);
    this.#revealed.add(step);
    note(renderMarkdown(hint.markdown, { color: this.#color, width: 76 }), `Hint ${shown + 1} of ${step.hints.length}`, this.#io);
  }

  /** Hand the terminal to a shell in the sandbox; a shell that fails to start is reported, not fatal. Whether it ran. */
  async #openShell(tools: StepTools): Promise<boolean> {
    log.info('Opening a shell in the lab. Type exit (or press Ctrl-D) to come back here.', this.#io);
    try {
      await tools.openShell();
      return true;
    } catch (error) {
      log.error(`The lab shell could not be opened: ${(error as Error).message}`, this.#io);
      return false;
    }
  }

  /** Draw the network as it is now. */
  async #showTopology(tools: StepTools): Promise<void> {
    if (this.#topology === undefined) return;
    try {
      note(this.#topology(await tools.snapshot()), 'Topology', this.#io);
    } catch (error) {
      log.error(`The topology could not be read: ${(error as Error).message}`, this.#io);
    }
  }

  /** Build the step with Docker and show where its kernel state differs from the learner's. */
  async #letDocker(tools: StepTools, step: Step): Promise<void> {
    if (tools.letDocker === undefined) return;
    log.info('Docker builds this step in a second lab (a few seconds)…', this.#io);
    try {
      note(await tools.letDocker(step), 'What Docker does for you', this.#io);
    } catch (error) {
      log.error(`Docker could not build the step: ${(error as Error).message}`, this.#io);
    }
  }

  /** Explain what the step's commands did. */
  #showExplanation(step: Step): void {
    if (this.#explain === undefined) return;
    note(this.#explain(step), 'What the commands did', this.#io);
  }
}

/** `1 block`, `3 blocks`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
