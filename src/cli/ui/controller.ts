// The interactive controller: asks the learner before and after each step, and steers challenges (clack prompts).

import type { Readable, Writable } from 'node:stream';
import { isCancel, log, note, select, type Option } from '@clack/prompts';
import type { Snapshot } from '../../kernel/types.ts';
import type { Lesson, Step } from '../../lesson/types.ts';
import { marks, useUnicode, type Marks } from '../../report/format.ts';
import { renderMarkdown } from '../../report/render-markdown.ts';
import { showsInstructions } from './picker.ts';
import { learnerMessage } from '../../assert/learner.ts';
import { english, type Translate, type Translator } from '../../i18n/index.ts';
import type { ChallengeAttempt, ChallengeDecision, CheckOutcome, Controller, FailureDecision, StepDecision, StepOutcome, StepTools } from '../../run/events.ts';

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
  /** The language of the menus; English by default. */
  readonly translator?: Translator;
}

type ChallengeChoice = ChallengeDecision | 'shell' | 'hint' | 'reveal';
type AfterChoice = 'next' | 'quit' | 'shell' | 'topology' | 'explain' | 'docker';
type FailureChoice = FailureDecision | 'shell';

export class ClackController implements Controller {
  readonly #io: { input?: Readable; output?: Writable };
  readonly #showInstructions: boolean;
  readonly #topology: ((snapshot: Snapshot) => string) | undefined;
  readonly #explain: ((step: Step) => string) | undefined;
  readonly #color: boolean;
  readonly #marks: Marks;
  readonly #t: Translate;
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
    this.#t = (options.translator ?? english).t;
    this.#showInstructions = showsInstructions(options.translator);
  }

  /** One menu; Ctrl-C or Escape gives `cancelled`. */
  async #ask<T extends string>(message: string, options: Option<T>[], initialValue?: T): Promise<T | 'cancelled'> {
    const answer = await select<T>({ message, options, initialValue, ...this.#io, showInstructions: this.#showInstructions });
    return isCancel(answer) ? 'cancelled' : answer;
  }

  /** Run, skip or quit before a step. */
  async beforeStep(step: Step, lesson: Lesson, _tools: StepTools): Promise<StepDecision> {
    const t = this.#t;
    const run = step.commands.length === 0 ? { label: t('menu.run-checks') } : { label: t('menu.run-commands'), hint: step.commands.length > 1 ? t('menu.blocks', { count: step.commands.length }) : undefined };
    const answer = await this.#ask<StepDecision>(t('menu.step', { number: step.index + 1, total: lesson.steps.length, title: step.title }), [
      { value: 'run', ...run },
      { value: 'skip', label: t('menu.skip') },
      { value: 'quit', label: t('menu.quit') },
    ]);
    return answer === 'cancelled' ? 'quit' : answer;
  }

  /**
   * A challenge's menu, looping over hints until the learner checks, gives up, skips or quits.
   * Leaving the lab shell checks the work by itself.
   */
  async challenge(step: Step, _lesson: Lesson, tools: StepTools, attempt: ChallengeAttempt): Promise<ChallengeDecision> {
    this.#showLastAttempt(step, attempt);
    const t = this.#t;
    let last: ChallengeChoice | undefined;
    for (;;) {
      const answer = await this.#ask<ChallengeChoice>(t('menu.your-turn', { title: step.title }), [
        { value: 'shell', label: t('menu.open-shell'), hint: t('menu.open-shell-checked') },
        { value: 'check', label: t('menu.check') },
        { value: 'hint', label: t('menu.hint'), hint: this.#hintsLeftText(step) },
        { value: 'reveal', label: t('menu.reveal') },
        { value: 'solution', label: t('menu.solution'), hint: t('menu.solution-rebuilt') },
        { value: 'skip', label: t('menu.skip') },
        { value: 'quit', label: t('menu.quit') },
      ], last);
      if (answer === 'cancelled') return 'quit';
      last = answer;
      if (answer === 'shell') {
        if (await this.#openShell(tools)) return 'check';
      } else if (answer === 'hint') this.#showHint(step);
      else if (answer === 'reveal') this.#reveal(step, attempt);
      else {
        if (answer === 'solution') log.info(t('menu.rebuilding-solution'), this.#io);
        return answer;
      }
    }
  }

  /** After a failed or interrupted step: retry here, rebuild the lab to the step's start, look around in a shell, skip or quit. */
  async afterFailure(outcome: StepOutcome, _lesson: Lesson, tools: StepTools): Promise<FailureDecision> {
    const t = this.#t;
    const message = t(outcome.interrupted ? 'menu.interrupted' : 'menu.failed');
    let last: FailureChoice | undefined;
    for (;;) {
      const answer = await this.#ask<FailureChoice>(message, [
        { value: 'retry', label: t('menu.retry'), hint: t('menu.retry-hint') },
        { value: 'reset', label: t('menu.reset'), hint: t('menu.reset-hint') },
        { value: 'shell', label: t('menu.open-shell'), hint: t('menu.come-back') },
        { value: 'skip', label: t('menu.skip') },
        { value: 'quit', label: t('menu.quit') },
      ], last);
      if (answer === 'cancelled') return 'quit';
      last = answer;
      if (answer === 'shell') await this.#openShell(tools);
      else {
        if (answer === 'reset') log.info(t('menu.rebuilding'), this.#io);
        return answer;
      }
    }
  }

  /** After a step: continue, or look around (shell, topology, explanations) first. */
  async afterStep(outcome: StepOutcome, _lesson: Lesson, tools: StepTools): Promise<'next' | 'quit'> {
    const t = this.#t;
    let last: AfterChoice | undefined;
    for (;;) {
      const options: Option<AfterChoice>[] = [
        { value: 'next', label: t('menu.continue') },
        { value: 'shell', label: t('menu.open-shell-here'), hint: t('menu.come-back') },
      ];
      if (this.#topology !== undefined) options.push({ value: 'topology', label: t('menu.topology') });
      if (this.#explain !== undefined) options.push({ value: 'explain', label: t('menu.explain') });
      if (tools.letDocker !== undefined && outcome.step.docker.length > 0) options.push({ value: 'docker', label: t('menu.let-docker'), hint: t('menu.let-docker-hint') });
      options.push({ value: 'quit', label: t('menu.quit') });
      const answer = await this.#ask<AfterChoice>(t('menu.what-next'), options, last);
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
    note(this.#failureLines(step, failed).join('\n'), this.#t('menu.try-title', { try: attempt.count, failed: failed.length, total: attempt.lastChecks.length }), this.#io);
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
    note(lines.join('\n'), this.#t('menu.reveal-title'), this.#io);
  }

  /** "2 of 3 left" / "none left" for the hint menu entry. */
  #hintsLeftText(step: Step): string {
    const total = step.hints.length;
    if (total === 0) return this.#t('menu.hints-none');
    const left = total - (this.#hintsShown.get(step) ?? 0);
    return left === 0 ? this.#t('menu.hints-none-left') : this.#t('menu.hints-left', { left, total });
  }

  /** The next hint, rendered; or say that none are left. */
  #showHint(step: Step): void {
    const shown = this.#hintsShown.get(step) ?? 0;
    const hint = step.hints[shown];
    if (hint === undefined) {
      const why = step.hints.length === 0 ? this.#t('menu.no-hints') : this.#t('menu.all-hints-seen', { count: step.hints.length });
      log.warn(`${why} ${this.#t('menu.check-or-solution')}`, this.#io);
      return;
    }
    this.#hintsShown.set(step, shown + 1);
    this.#revealed.add(step);
    note(renderMarkdown(hint.markdown, { color: this.#color, width: 76 }), this.#t('menu.hint-title', { number: shown + 1, total: step.hints.length }), this.#io);
  }

  /** Hand the terminal to a shell in the sandbox; a shell that fails to start is reported, not fatal. Whether it ran. */
  async #openShell(tools: StepTools): Promise<boolean> {
    log.info(this.#t('menu.opening-shell'), this.#io);
    try {
      await tools.openShell();
      return true;
    } catch (error) {
      log.error(this.#t('menu.shell-failed', { reason: (error as Error).message }), this.#io);
      return false;
    }
  }

  /** Draw the network as it is now. */
  async #showTopology(tools: StepTools): Promise<void> {
    if (this.#topology === undefined) return;
    try {
      note(this.#topology(await tools.snapshot()), this.#t('menu.topology-title'), this.#io);
    } catch (error) {
      log.error(this.#t('menu.topology-failed', { reason: (error as Error).message }), this.#io);
    }
  }

  /** Build the step with Docker and show where its kernel state differs from the learner's. */
  async #letDocker(tools: StepTools, step: Step): Promise<void> {
    if (tools.letDocker === undefined) return;
    log.info(this.#t('menu.docker-building'), this.#io);
    try {
      note(await tools.letDocker(step), this.#t('menu.docker-title'), this.#io);
    } catch (error) {
      log.error(this.#t('menu.docker-failed', { reason: (error as Error).message }), this.#io);
    }
  }

  /** Explain what the step's commands did. */
  #showExplanation(step: Step): void {
    if (this.#explain === undefined) return;
    note(this.#explain(step), this.#t('menu.explain-title'), this.#io);
  }
}
