// Run one lesson in a sandbox: steps, checks, what changed; tells reporters, asks the controller (if any).

import { isSteplabError } from '../errors.ts';
import { diffSnapshots, discountChecks, type CheckWindow } from '../diff/index.ts';
import type { Change } from '../diff/types.ts';
import { isLive, snapshotNamespacesFor, snapshotPartsFor } from '../assert/evaluate.ts';
import { takeSnapshot } from '../kernel/snapshot.ts';
import type { Snapshot } from '../kernel/types.ts';
import type { CommandBlock, Lesson, Step } from '../lesson/types.ts';
import type { Sandbox } from '../sandbox/types.ts';
import { shellQuote } from '../process/shell-quote.ts';
import { blockFailure, runBlock } from './blocks.ts';
import { evaluateBeforeSolution, evaluateChecks } from './checks.ts';
import type { BlockOutcome, CheckOutcome, CheckPhase, Controller, LessonOutcome, Reporter, StepOutcome, StepTools } from './events.ts';
import { Emitter } from './emitter.ts';
import type { Translate } from '../i18n/index.ts';

export interface RunLessonOptions {
  /** Where the lesson runs, for reports. */
  readonly target: string;
  readonly startSandbox: (lesson: Lesson) => Promise<Sandbox>;
  readonly reporters: readonly Reporter[];
  /** An interactive front end; without one every step runs and challenges run their solutions (verify). */
  readonly controller?: Controller;
  /** Steps before this index are replayed silently in the fresh sandbox (resuming a lesson). */
  readonly resumeFrom?: number;
  /** Record what changed in the kernel at every step. */
  readonly changes?: boolean;
  /** Open an interactive shell in the sandbox (the CLI supplies it; it owns the terminal). */
  readonly openShell?: (sandbox: Sandbox) => Promise<void>;
  /** Build a step with Docker in a second lab and describe the difference from the learner's state (interactive). */
  readonly letDocker?: (lesson: Lesson, step: Step, learner: Snapshot) => Promise<string>;
  /** Added to a failed step's reason: what the sandbox holds (the oracle shows Docker's state and version). */
  readonly failureContext?: (sandbox: Sandbox) => Promise<string>;
  /** Unattended: run every step even after one fails (verify --keep-going); later steps are marked as after a failure. */
  readonly keepGoing?: boolean;
  /** Called when a step is finished, for saving progress. */
  readonly onStepPassed?: (step: Step) => void | Promise<void>;
  /** Ids of the steps done in earlier sittings: the summary counts the steps before `resumeFrom` among them as passed. */
  readonly done?: ReadonlySet<string>;
  /** The language of check messages and of what changed (English when absent). */
  readonly t?: Translate;
  /** Listen for the learner's Ctrl-C while a step's commands run; returns a function that stops listening. */
  readonly interrupts?: (onInterrupt: () => void) => () => void;
}

/** Run a lesson to its end (or until the learner quits); a failure is in the outcome, never thrown. */
export async function runLesson(lesson: Lesson, options: RunLessonOptions): Promise<LessonOutcome> {
  const emit = new Emitter(options.reporters);
  const started = performance.now();
  const resumeFrom = Math.min(options.resumeFrom ?? 0, lesson.steps.length);
  const steps: StepOutcome[] = [];
  const finish = async (status: LessonOutcome['status'], error?: string): Promise<LessonOutcome> => {
    const outcome: LessonOutcome = { lesson, target: options.target, status, steps, error, durationMs: Math.round(performance.now() - started) };
    await emit.lessonEnd(outcome);
    return outcome;
  };

  let session: StepSession | undefined;
  // The sandbox starts while the learner reads the introduction, so it is ready when they are.
  const starting = options.startSandbox(lesson).then((sandbox) => ({ sandbox }), (error: unknown) => ({ error }));
  try {
    await emit.lessonStart(lesson, { target: options.target, resumeFrom });
  } catch (error) {
    const late = await starting;
    if ('sandbox' in late) await late.sandbox.dispose();
    throw error;
  }
  const ready = await starting;
  if ('error' in ready) {
    const error = ready.error;
    if (!isSteplabError(error)) throw error;
    return finish('broken', error.hint ? `${error.message}\n${error.hint}` : error.message);
  }
  const sandbox: Sandbox = ready.sandbox;
  try {
    await emit.sandboxReady(lesson, { durationMs: Math.round(performance.now() - started) });
    const missing = await missingCommands(sandbox, lesson.requires);
    const unusable = missing.filter((m) => m.includes(': '));
    if (unusable.length > 0) {
      const [names, whys] = [unusable.map((m) => m.slice(0, m.indexOf(': '))), unusable.map((m) => m.slice(m.indexOf(': ') + 2))];
      return await finish('broken', `${lesson.file}: this lesson requires ${names.join(', ')}. ${whys.join('\n')}`);
    }
    if (missing.length > 0) {
      return await finish('broken', `${lesson.file}: this lesson requires ${missing.join(', ')}, not found on the ${options.target} target. Install ${missing.length > 1 ? 'them' : 'it'} there, or pick another target with --target.`);
    }
    const setup = await runHidden(sandbox, lesson.setup, lesson, emit, undefined);
    if (setup) return await finish('broken', `lesson setup failed: ${setup}`);
    for (const step of lesson.steps.slice(0, resumeFrom)) {
      await replayStep(sandbox, step, lesson);
      steps.push(replayedOutcome(step, options.done));
    }

    session = new StepSession(lesson, sandbox, emit, options);
    const controller = options.controller;
    for (const step of lesson.steps.slice(resumeFrom)) {
      let outcome = await session.step(step, false);
      // Interactive, a failed or interrupted step is not the end: retry it, rebuild the lab to its start, or skip it.
      while (controller && outcome !== 'quit' && outcome.status === 'failed') {
        const decision = await controller.afterFailure(outcome, lesson, session.tools);
        if (decision === 'quit') outcome = 'quit';
        else if (decision === 'skip') outcome = { ...outcome, status: 'skipped', reason: 'skipped by the learner after it failed' };
        else {
          if (decision === 'reset') {
            const broken = await session.reset(step);
            if (broken) return await finish('broken', broken);
          }
          outcome = await session.step(step, true);
        }
      }
      if (outcome === 'quit') return await finish('quit');
      steps.push(outcome);
      if (outcome.status === 'passed') await options.onStepPassed?.(step);
      const next = !controller
        ? outcome.status === 'failed' && !options.keepGoing ? 'stop' : 'next'
        : outcome.status === 'passed' && !proseOnly(step) ? await controller.afterStep(outcome, lesson, session.tools) : 'next';
      if (outcome.status === 'failed') session.afterFailure = true;
      if (next === 'quit') return await finish('quit');
      // Unattended, later steps build on this one: stop at the first failure rather than pile up echoes of it.
      if (next === 'stop') break;
    }
    await runHidden(session.sandbox, lesson.cleanup, lesson, emit, undefined);
    return await finish(steps.length === lesson.steps.length && steps.every((s) => s.status !== 'failed') ? 'passed' : 'failed');
  } catch (error) {
    if (!isSteplabError(error)) throw error;
    return await finish('broken', error.message);
  } finally {
    await (session?.sandbox ?? sandbox).dispose();
  }
}

/** A step of prose alone: nothing to run or check, so the learner is not asked anything about it. */
export function proseOnly(step: Step): boolean {
  return !step.challenge && step.commands.length === 0 && step.checks.length === 0 && step.setup.length === 0 && step.cleanup.length === 0;
}

/** How a step before the resume point counts in the summary: passed if done in an earlier sitting, else skipped. */
function replayedOutcome(step: Step, done: ReadonlySet<string> | undefined): StepOutcome {
  const passed = done?.has(step.id) === true;
  return {
    step,
    status: passed ? 'passed' : 'skipped',
    blocks: [],
    checks: [],
    checksBefore: [],
    changes: [],
    reason: passed ? undefined : 'not done by the learner; replayed to build the lab',
    durationMs: 0,
    replayed: true,
  };
}

/** The commands of `requires` that the sandbox does not have, or `name: why` for one it has but cannot run (tcpdump without subordinate ids). */
async function missingCommands(sandbox: Sandbox, requires: readonly string[]): Promise<string[]> {
  if (requires.length === 0) return [];
  const quoted = requires.map(shellQuote).join(' ');
  const r = await sandbox.probe(`for c in ${quoted}; do if [ -f "/run/steplab/unusable/$c" ]; then echo "$c: $(cat "/run/steplab/unusable/$c")"; else command -v "$c" >/dev/null 2>&1 || echo "$c"; fi; done`);
  return r.output.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** Run hidden blocks (setup/cleanup); the first failure, in words, or undefined. */
async function runHidden(sandbox: Sandbox, blocks: readonly CommandBlock[], lesson: Lesson, emit: Emitter, step: Step | undefined): Promise<string | undefined> {
  for (const block of blocks) {
    const outcome = await runBlock(sandbox, block, lesson);
    if (!outcome.ok) {
      await emit.blockEnd(outcome, step);
      return `${blockFailure(outcome, lesson)}\n${outcome.output.trimEnd()}`;
    }
  }
  return undefined;
}

/** Bring a finished step's effects back in a fresh sandbox (resume): its commands or its solution, no checks. */
async function replayStep(sandbox: Sandbox, step: Step, lesson: Lesson): Promise<void> {
  for (const block of [...step.setup, ...(step.challenge ? step.solution : step.commands), ...step.cleanup]) await runBlock(sandbox, block, lesson);
}

/** One lesson's steps in one sandbox, with the snapshot before each step kept for the diff. */
class StepSession {
  readonly #lesson: Lesson;
  #sandbox: Sandbox;
  readonly #emit: Emitter;
  readonly #options: RunLessonOptions;
  readonly tools: StepTools;
  /** The kernel's state when the current step started, for what changed. */
  #before: Snapshot | undefined;
  /** Whether the learner pressed Ctrl-C during the current try of the step. */
  #interrupted = false;
  /** The kernel after the last step: the next step's "before", until the learner uses the lab shell. */
  #after: Snapshot | undefined;
  /** The last whole snapshot this step's checks read after its commands, to serve as its "after". */
  #checked: Snapshot | undefined;
  /** The checks' probes ran after #checked: it is this step's "after", but not the next step's "before". */
  #probedAfterChecked = false;
  /** The next step's "before", taken while the learner reads (after probes, which are not the learner's doing). */
  #next: Promise<Snapshot | undefined> | undefined;
  /** While changes are shown: the snapshots around each run of checks that send packets, whose traffic is not the learner's. */
  #windows: CheckWindow[] = [];
  #openWindow: Snapshot | undefined;
  /** A step before this one failed: this one's result may only echo it. */
  afterFailure = false;

  constructor(lesson: Lesson, sandbox: Sandbox, emit: Emitter, options: RunLessonOptions) {
    this.#lesson = lesson;
    this.#sandbox = sandbox;
    this.#emit = emit;
    this.#options = options;
    this.tools = {
      openShell: async () => {
        if (!options.openShell) throw new Error('no terminal to open a shell in');
        this.#after = undefined;
        this.#next = undefined;
        await options.openShell(this.#sandbox);
      },
      snapshot: () => takeSnapshot((code) => this.#sandbox.read(code)),
    };
    const letDocker = options.letDocker;
    if (letDocker) this.tools.letDocker = async (step) => letDocker(lesson, step, await this.tools.snapshot());
  }

  /** The sandbox the lesson runs in now (a reset replaces it). */
  get sandbox(): Sandbox {
    return this.#sandbox;
  }

  /**
   * Run one step: ask first (when interactive), then its blocks or its challenge, then its checks.
   * `again`: a retry after a failure, in the same lab (or one reset to the step's start): not announced, not asked, no setup.
   */
  async step(step: Step, again: boolean): Promise<StepOutcome | 'quit'> {
    const controller = this.#options.controller;
    this.#interrupted = false;
    if (!again) {
      // The learner reads the step (prose, commands) before choosing to run it; a challenge opens on its own menu.
      await this.#emit.stepStart(step, this.#lesson);
      if (controller && !step.challenge && !proseOnly(step)) {
        const decision = await controller.beforeStep(step, this.#lesson, this.tools);
        if (decision === 'quit') return 'quit';
        if (decision === 'skip') return this.#skipped(step);
      }
    }
    const started = performance.now();
    if (!again) {
      // One snapshot a step: the state after the last one is this one's "before".
      this.#before = this.#options.changes ? (this.#after ?? (await this.#next) ?? (await this.tools.snapshot())) : undefined;
      this.#windows = [];
      this.#openWindow = undefined;
    }
    // A retry changes the lab: the state read for the step after the failed try is stale.
    this.#next = undefined;
    this.#after = undefined;
    this.#checked = undefined;
    this.#probedAfterChecked = false;
    const setup = again ? undefined : await runHidden(this.#sandbox, step.setup, this.#lesson, this.#emit, step);
    let result: Partial<StepOutcome> & { status: StepOutcome['status'] };
    if (setup) result = { status: 'failed', reason: `step setup failed: ${setup}` };
    else if (step.challenge) {
      const r = await this.#challenge(step);
      if (r === 'quit') return 'quit';
      result = r;
    } else result = await this.#commands(step);
    if (step.cleanup.length > 0) await this.#closeWindow();
    await runHidden(this.#sandbox, step.cleanup, this.#lesson, this.#emit, step);
    const changes = this.#before ? await this.#changes(this.#before, step) : [];
    if (result.status === 'failed' && this.#options.failureContext) {
      result = { ...result, reason: `${result.reason ?? 'failed'}\n${await this.#options.failureContext(this.#sandbox)}` };
    }
    const outcome: StepOutcome = {
      step,
      status: result.status,
      blocks: result.blocks ?? [],
      checks: result.checks ?? [],
      checksBefore: result.checksBefore ?? [],
      changes,
      reason: result.reason,
      durationMs: Math.round(performance.now() - started),
      ...(result.interrupted ? { interrupted: true } : {}),
      ...(this.afterFailure ? { afterFailure: true } : {}),
    };
    await this.#emit.stepEnd(outcome, this.#lesson);
    return outcome;
  }

  /**
   * Rebuild the lab as it was when `step` started: a fresh sandbox, the lesson's setup, every earlier
   * step replayed, the step's own setup. Returns why it could not, or undefined.
   */
  async reset(step: Step): Promise<string | undefined> {
    let fresh: Sandbox;
    try {
      fresh = await this.#options.startSandbox(this.#lesson);
    } catch (error) {
      if (!isSteplabError(error)) throw error;
      return error.hint ? `${error.message}\n${error.hint}` : error.message;
    }
    const old = this.#sandbox;
    this.#sandbox = fresh;
    await old.dispose();
    const setup = await runHidden(fresh, this.#lesson.setup, this.#lesson, this.#emit, undefined);
    if (setup) return `lesson setup failed: ${setup}`;
    for (const earlier of this.#lesson.steps.slice(0, step.index)) await replayStep(fresh, earlier, this.#lesson);
    const own = await runHidden(fresh, step.setup, this.#lesson, this.#emit, step);
    if (own) return `step setup failed: ${own}`;
    this.#windows = [];
    this.#openWindow = undefined;
    this.#next = undefined;
    if (this.#options.changes) this.#before = await this.tools.snapshot();
    return undefined;
  }

  /** Call `work` with Ctrl-C routed to the sandbox: it stops the running block, and the step counts as interrupted. */
  async #interruptible<T>(work: () => Promise<T>): Promise<T> {
    const stop = this.#options.interrupts?.(() => {
      this.#interrupted = true;
      void this.#sandbox.interrupt?.().catch(() => {});
    });
    try {
      return await work();
    } finally {
      stop?.();
    }
  }

  /** The failure of a step the learner interrupted, naming the block that was running. */
  #interruptedResult(blocks: BlockOutcome[], step: Step, extra: Partial<StepOutcome> = {}): Partial<StepOutcome> & { status: StepOutcome['status'] } {
    const last = blocks.at(-1);
    const where = last ? ` during \`${last.block.code.split('\n')[0] ?? ''}\` (${this.#lesson.file}:${last.block.line})` : '';
    return { status: 'failed', blocks, interrupted: true, reason: `interrupted with Ctrl-C${where}`, ...extra };
  }

  /** A normal step: every `sh` block in order, stopping at the first that does not end as meant; then the checks. */
  async #commands(step: Step): Promise<Partial<StepOutcome> & { status: StepOutcome['status'] }> {
    const blocks = await this.#runBlocks(step.commands, step);
    if (this.#interrupted) return this.#interruptedResult(blocks, step);
    const failed = blocks.find((b) => !b.ok);
    if (failed) return { status: 'failed', blocks, reason: blockFailure(failed, this.#lesson) };
    const checks = await this.#check(step, blocks, 'after', true);
    const bad = checks.find((c) => !c.result.passed);
    return { status: bad ? 'failed' : 'passed', blocks, checks, reason: bad ? checkFailure(this.#lesson, bad) : undefined };
  }

  /** A challenge: unattended, the checks must fail before the solution and pass after; interactive, the learner works until the checks pass. */
  async #challenge(step: Step): Promise<(Partial<StepOutcome> & { status: StepOutcome['status'] }) | 'quit'> {
    const controller = this.#options.controller;
    if (!controller) {
      // The challenge must start unsolved: some check fails before the solution (guards that hold throughout may pass).
      const checksBefore = await this.#check(step, [], 'before-solution');
      const unsolved = checksBefore.some((c) => !c.result.passed);
      const blocks = await this.#runBlocks(step.solution, step);
      const failed = blocks.find((b) => !b.ok);
      if (failed) return { status: 'failed', blocks, checksBefore, reason: `solution: ${blockFailure(failed, this.#lesson)}` };
      const checks = await this.#check(step, blocks, 'after');
      const bad = checks.find((c) => !c.result.passed);
      const reason = bad
        ? checkFailure(this.#lesson, bad)
        : unsolved
          ? undefined
          : `${this.#lesson.file}:${step.line}: every check of this challenge already passes before the solution runs, so they cannot tell whether the learner did the task`;
      return { status: reason ? 'failed' : 'passed', blocks, checks, checksBefore, reason };
    }
    let lastChecks: CheckOutcome[] = [];
    for (let count = 0; ; count++) {
      const decision = await controller.challenge(step, this.#lesson, this.tools, { count, lastChecks });
      if (decision === 'quit') return 'quit';
      if (decision === 'skip') return { status: 'skipped', checks: lastChecks, reason: 'skipped by the learner' };
      if (decision === 'reset') {
        const broken = await this.reset(step);
        if (broken) return { status: 'failed', reason: `the lab could not be rebuilt: ${broken}` };
        count--;
        continue;
      }
      let blocks: BlockOutcome[] = [];
      if (decision === 'solution') {
        // The learner's half-done attempt would trip the solution (File exists): run it in the lab as the step found it.
        const broken = await this.reset(step);
        if (broken) return { status: 'failed', reason: `the lab could not be rebuilt for the solution: ${broken}` };
        blocks = await this.#runBlocks(step.solution, step);
        if (this.#interrupted) return this.#interruptedResult(blocks, step);
      }
      lastChecks = await this.#evaluate(step, blocks);
      const bad = lastChecks.find((c) => !c.result.passed);
      // A try that failed is the controller's to show, in the learner's terms; a pass or the solution's verdict is the step's.
      await this.#emitChecks(lastChecks, step, bad && decision === 'check' ? 'attempt' : 'after');
      if (!bad) return { status: 'passed', blocks, checks: lastChecks };
      if (decision === 'solution') return { status: 'failed', blocks, checks: lastChecks, reason: checkFailure(this.#lesson, bad) };
    }
  }

  async #runBlocks(blocks: readonly CommandBlock[], step: Step): Promise<BlockOutcome[]> {
    if (blocks.length > 0) await this.#closeWindow();
    const outcomes: BlockOutcome[] = [];
    for (const block of blocks) {
      await this.#emit.blockStart(block, step);
      const outcome = await this.#interruptible(() => runBlock(this.#sandbox, block, this.#lesson));
      await this.#emit.blockEnd(outcome, step);
      outcomes.push(outcome);
      if (!outcome.ok || this.#interrupted) break;
    }
    return outcomes;
  }

  async #check(step: Step, blocks: readonly BlockOutcome[], phase: CheckPhase, probesLast = false): Promise<CheckOutcome[]> {
    const outcomes = await this.#evaluate(step, blocks, phase, probesLast);
    await this.#emitChecks(outcomes, step, phase);
    return outcomes;
  }

  /**
   * A step's checks. `probesLast` (a step's own commands, nothing after its checks but its cleanup): with
   * changes recorded and probes among the checks, the whole state is read once, before the probes; the
   * state checks read it, it is the step's "after", and the state after the probes (the next step's
   * "before") is read while the learner reads on. Without, probes run inside a window whose counters and
   * learned MACs the step's changes discount.
   */
  async #evaluate(step: Step, blocks: readonly BlockOutcome[], phase: CheckPhase = 'after', probesLast = false): Promise<CheckOutcome[]> {
    const last = blocks.at(-1);
    const checks = step.checks;
    const live = this.#options.changes && checks.some((c) => isLive(c.assertion));
    // The whole state read just before the probes, when it is to be the step's "after".
    let beforeProbes: Snapshot | undefined;
    // Pings, connections and commands of the checks move counters and teach bridges MACs: not the learner's doing.
    if (live) {
      await this.#closeWindow();
      if (probesLast) beforeProbes = await this.tools.snapshot();
      else this.#openWindow = await this.tools.snapshot();
    }
    const read = (code: string) => this.#sandbox.read(code);
    // With changes recorded the checks read the whole state (the state just before the probes in their
    // first round, else after them), which then serves as the step's "after"; without, they read only
    // the parts and namespaces they look at.
    let rounds = 0;
    const snapshot = this.#options.changes
      ? async () => {
        const taken = rounds++ === 0 && beforeProbes !== undefined ? beforeProbes : await takeSnapshot(read);
        if (phase !== 'before-solution') this.#checked = taken;
        return taken;
      }
      : () => takeSnapshot(read, snapshotPartsFor(checks.map((c) => c.assertion)), snapshotNamespacesFor(checks.map((c) => c.assertion)));
    if (phase === 'before-solution') return this.#interruptible(() => evaluateBeforeSolution(checks, this.#sandbox, snapshot, this.#options.t));
    const ran = { output: blocks.map((b) => b.output).join(''), exitCode: last?.exitCode ?? 0 };
    const outcomes = await this.#interruptible(() => evaluateChecks(checks, this.#sandbox, ran, snapshot, this.#options.t));
    if (beforeProbes !== undefined) {
      // No state check, or only the first round's: the state before the probes is the step's "after".
      if (rounds <= 1) {
        this.#checked = beforeProbes;
        this.#probedAfterChecked = true;
      } else this.#openWindow = beforeProbes; // `within` read it again after probes: discount them, as a window does
    }
    return outcomes;
  }

  async #emitChecks(outcomes: readonly CheckOutcome[], step: Step, phase: CheckPhase): Promise<void> {
    for (const outcome of outcomes) await this.#emit.check(outcome, step, phase);
  }

  /** What the step changed; the checks' snapshot is the "after" unless cleanup blocks ran since. */
  async #changes(before: Snapshot, step: Step): Promise<Change[]> {
    const checked = step.cleanup.length === 0 ? this.#checked : undefined;
    const after = checked ?? (await this.tools.snapshot());
    // Probes ran since the checks' snapshot: the next step starts from the state after them, read while a learner reads on.
    const probedSince = checked !== undefined && this.#probedAfterChecked;
    this.#after = probedSince ? undefined : after;
    if (probedSince && this.#options.controller) this.#next = this.tools.snapshot().catch(() => undefined);
    if (this.#openWindow) this.#windows.push({ start: this.#openWindow, end: after });
    this.#openWindow = undefined;
    return diffSnapshots(before, discountChecks(after, this.#windows), this.#options.t);
  }

  /** End the checks' window before anything else runs in the lab. */
  async #closeWindow(): Promise<void> {
    if (!this.#openWindow) return;
    this.#windows.push({ start: this.#openWindow, end: await this.tools.snapshot() });
    this.#openWindow = undefined;
  }

  async #skipped(step: Step): Promise<StepOutcome> {
    const outcome: StepOutcome = { step, status: 'skipped', blocks: [], checks: [], checksBefore: [], changes: [], reason: 'skipped by the learner', durationMs: 0 };
    await this.#emit.stepEnd(outcome, this.#lesson);
    return outcome;
  }
}

/** `file:line: check: message`, for the first failed check. */
function checkFailure(lesson: Lesson, outcome: CheckOutcome): string {
  return `${lesson.file}:${outcome.check.line}: ${outcome.check.source}: ${outcome.result.message}`;
}
