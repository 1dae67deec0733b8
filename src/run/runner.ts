// Run one lesson in a sandbox: steps, checks, what changed; tells reporters, asks the controller (if any).

import { isSteplabError } from '../errors.ts';
import { diffSnapshots, discountChecks, type CheckWindow } from '../diff/index.ts';
import type { Change } from '../diff/types.ts';
import { snapshotPartsFor } from '../assert/evaluate.ts';
import { takeSnapshot } from '../kernel/snapshot.ts';
import type { Snapshot } from '../kernel/types.ts';
import type { CommandBlock, Lesson, Step } from '../lesson/types.ts';
import type { Sandbox } from '../sandbox/types.ts';
import { shellQuote } from '../process/shell-quote.ts';
import { blockFailure, runBlock } from './blocks.ts';
import { evaluateChecks } from './checks.ts';
import type { BlockOutcome, CheckOutcome, Controller, LessonOutcome, Reporter, StepOutcome, StepTools } from './events.ts';
import { Emitter } from './emitter.ts';

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
  /** Unattended: run every step even after one fails (verify --keep-going); later steps are marked as after a failure. */
  readonly keepGoing?: boolean;
  /** Called when a step is finished, for saving progress. */
  readonly onStepPassed?: (step: Step) => void | Promise<void>;
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
    for (const step of lesson.steps.slice(0, resumeFrom)) await replayStep(sandbox, step, lesson);

    const session = new StepSession(lesson, sandbox, emit, options);
    for (const step of lesson.steps.slice(resumeFrom)) {
      const outcome = await session.step(step);
      if (outcome === 'quit') return await finish('quit');
      steps.push(outcome);
      if (outcome.status === 'passed') await options.onStepPassed?.(step);
      const next = options.controller ? await options.controller.afterStep(outcome, lesson, session.tools) : outcome.status === 'failed' && !options.keepGoing ? 'stop' : 'next';
      if (outcome.status === 'failed') session.afterFailure = true;
      if (next === 'quit') return await finish('quit');
      // Unattended, later steps build on this one: stop at the first failure rather than pile up echoes of it.
      if (next === 'stop') break;
    }
    await runHidden(sandbox, lesson.cleanup, lesson, emit, undefined);
    return await finish(steps.length === lesson.steps.length - resumeFrom && steps.every((s) => s.status !== 'failed') ? 'passed' : 'failed');
  } catch (error) {
    if (!isSteplabError(error)) throw error;
    return await finish('broken', error.message);
  } finally {
    await sandbox.dispose();
  }
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
  readonly #sandbox: Sandbox;
  readonly #emit: Emitter;
  readonly #options: RunLessonOptions;
  readonly tools: StepTools;
  /** The kernel after the last step: the next step's "before", until the learner uses the lab shell. */
  #after: Snapshot | undefined;
  /** The last whole snapshot this step's checks read after its commands, to serve as its "after". */
  #checked: Snapshot | undefined;
  /** A step before this one failed: this one's result may only echo it. */
  afterFailure = false;
  /** While changes are shown: the snapshots around each run of checks that send packets, whose traffic is not the learner's. */
  #windows: CheckWindow[] = [];
  #openWindow: Snapshot | undefined;

  constructor(lesson: Lesson, sandbox: Sandbox, emit: Emitter, options: RunLessonOptions) {
    this.#lesson = lesson;
    this.#sandbox = sandbox;
    this.#emit = emit;
    this.#options = options;
    this.tools = {
      openShell: async () => {
        if (!options.openShell) throw new Error('no terminal to open a shell in');
        this.#after = undefined;
        await options.openShell(sandbox);
      },
      snapshot: () => takeSnapshot((code) => sandbox.probe(code)),
    };
  }

  /** Run one step: ask first (when interactive), then its blocks or its challenge, then its checks. */
  async step(step: Step): Promise<StepOutcome | 'quit'> {
    // The learner reads the step (prose, commands) before choosing to run it.
    await this.#emit.stepStart(step, this.#lesson);
    const controller = this.#options.controller;
    if (controller) {
      const decision = await controller.beforeStep(step, this.#lesson, this.tools);
      if (decision === 'quit') return 'quit';
      if (decision === 'skip') return this.#skipped(step);
    }
    const started = performance.now();
    // One snapshot a step: the state after the last one is this one's "before".
    const before = this.#options.changes ? (this.#after ?? (await this.tools.snapshot())) : undefined;
    this.#after = undefined;
    this.#checked = undefined;
    this.#windows = [];
    this.#openWindow = undefined;
    const setup = await runHidden(this.#sandbox, step.setup, this.#lesson, this.#emit, step);
    let result: Partial<StepOutcome> & { status: StepOutcome['status'] };
    if (setup) result = { status: 'failed', reason: `step setup failed: ${setup}` };
    else if (step.challenge) {
      const r = await this.#challenge(step);
      if (r === 'quit') return 'quit';
      result = r;
    } else result = await this.#commands(step);
    if (step.cleanup.length > 0) await this.#closeWindow();
    await runHidden(this.#sandbox, step.cleanup, this.#lesson, this.#emit, step);
    const changes = before ? await this.#changes(before, step) : [];
    const outcome: StepOutcome = {
      step,
      status: result.status,
      blocks: result.blocks ?? [],
      checks: result.checks ?? [],
      checksBefore: result.checksBefore ?? [],
      changes,
      reason: result.reason,
      durationMs: Math.round(performance.now() - started),
      ...(this.afterFailure ? { afterFailure: true } : {}),
    };
    await this.#emit.stepEnd(outcome, this.#lesson);
    return outcome;
  }

  /** A normal step: every `sh` block in order, stopping at the first that does not end as meant; then the checks. */
  async #commands(step: Step): Promise<Partial<StepOutcome> & { status: StepOutcome['status'] }> {
    const blocks = await this.#runBlocks(step.commands, step);
    const failed = blocks.find((b) => !b.ok);
    if (failed) return { status: 'failed', blocks, reason: blockFailure(failed, this.#lesson) };
    const checks = await this.#check(step, blocks, 'after');
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
    for (let count = 1; ; count++) {
      const decision = await controller.challenge(step, this.#lesson, this.tools, { count, lastChecks });
      if (decision === 'quit') return 'quit';
      if (decision === 'skip') return { status: 'skipped', checks: lastChecks, reason: 'skipped by the learner' };
      const blocks = decision === 'solution' ? await this.#runBlocks(step.solution, step) : [];
      lastChecks = await this.#check(step, blocks, 'after');
      const bad = lastChecks.find((c) => !c.result.passed);
      if (!bad) return { status: 'passed', blocks, checks: lastChecks };
      if (decision === 'solution') return { status: 'failed', blocks, checks: lastChecks, reason: checkFailure(this.#lesson, bad) };
    }
  }

  async #runBlocks(blocks: readonly CommandBlock[], step: Step): Promise<BlockOutcome[]> {
    if (blocks.length > 0) await this.#closeWindow();
    const outcomes: BlockOutcome[] = [];
    for (const block of blocks) {
      await this.#emit.blockStart(block, step);
      const outcome = await runBlock(this.#sandbox, block, this.#lesson);
      await this.#emit.blockEnd(outcome, step);
      outcomes.push(outcome);
      if (!outcome.ok) break;
    }
    return outcomes;
  }

  async #check(step: Step, blocks: readonly BlockOutcome[], phase: 'before-solution' | 'after'): Promise<CheckOutcome[]> {
    const last = blocks.at(-1);
    // Before the solution nothing is on its way, so `within` would only wait for a failure.
    const checks = phase === 'before-solution' ? step.checks.map(({ withinMs: _, ...check }) => check) : step.checks;
    // Pings, connections and commands of the checks move counters and teach bridges MACs: not the learner's doing.
    if (this.#options.changes && checks.some((c) => ['ping', 'tcp', 'http', 'sh'].includes(c.assertion.kind))) {
      await this.#closeWindow();
      this.#openWindow = await this.tools.snapshot();
    }
    const probe = (code: string) => this.#sandbox.probe(code);
    // With changes recorded the checks read the whole state (after their probes), which then serves as
    // the step's "after"; without, they read only the parts they look at.
    const snapshot = this.#options.changes
      ? async () => {
        const taken = await takeSnapshot(probe);
        if (phase === 'after') this.#checked = taken;
        return taken;
      }
      : () => takeSnapshot(probe, snapshotPartsFor(checks.map((c) => c.assertion)));
    const outcomes = await evaluateChecks(checks, this.#sandbox, { output: blocks.map((b) => b.output).join(''), exitCode: last?.exitCode ?? 0 }, snapshot);
    for (const outcome of outcomes) await this.#emit.check(outcome, step, phase);
    return outcomes;
  }

  /** What the step changed; the checks' snapshot is the "after" unless cleanup blocks ran since. */
  async #changes(before: Snapshot, step: Step): Promise<Change[]> {
    const after = step.cleanup.length === 0 && this.#checked !== undefined ? this.#checked : await this.tools.snapshot();
    this.#after = after;
    if (this.#openWindow) this.#windows.push({ start: this.#openWindow, end: after });
    this.#openWindow = undefined;
    return diffSnapshots(before, discountChecks(after, this.#windows));
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
