// The runner with a fake sandbox and a scripted controller: Ctrl-C, retry, reset, challenges, prose steps, resuming.

import { describe, expect, it } from 'vitest';
import type { Check, Step } from '../../../src/lesson/types.ts';
import type { ChallengeDecision, CheckPhase, Controller, FailureDecision, StepDecision } from '../../../src/run/events.ts';
import { runLesson } from '../../../src/run/runner.ts';
import type { RunOptions, Sandbox, ShellResult } from '../../../src/sandbox/types.ts';
import { block, lesson, step } from '../report/fixtures.ts';

/** A lab of files: `make NAME` adds one, `hang` runs until interrupted; `sh "has NAME"` checks probe it. */
class FakeSandbox implements Sandbox {
  static started: FakeSandbox[] = [];
  readonly ran: string[] = [];
  readonly files = new Set<string>();
  disposed = 0;
  interrupts = 0;
  #hanging: ((r: ShellResult) => void) | undefined;
  constructor() {
    FakeSandbox.started.push(this);
  }
  async run(code: string, _options: RunOptions): Promise<ShellResult> {
    this.ran.push(code);
    if (code === 'hang') return new Promise((resolve) => (this.#hanging = resolve));
    for (const m of code.matchAll(/make (\S+)/g)) {
      if (this.files.has(m[1] ?? '')) return { exitCode: 1, output: `Cannot create ${m[1]}: File exists\n`, timedOut: false, durationMs: 1 };
      this.files.add(m[1] ?? '');
    }
    return { exitCode: 0, output: `ran ${code}\n`, timedOut: false, durationMs: 1 };
  }
  async probe(code: string): Promise<ShellResult> {
    const name = /has (\w+)/.exec(code)?.[1];
    return { exitCode: name !== undefined && this.files.has(name) ? 0 : 1, output: '', timedOut: false, durationMs: 1 };
  }
  async read(code: string): Promise<ShellResult> {
    return this.probe(code);
  }
  async interrupt(): Promise<void> {
    this.interrupts += 1;
    this.#hanging?.({ exitCode: 130, output: 'started\n', timedOut: false, durationMs: 5 });
    this.#hanging = undefined;
  }
  interactiveArgv(): readonly string[] {
    return [];
  }
  async dispose(): Promise<void> {
    this.disposed += 1;
  }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }
}

const has = (name: string, line = 50): Check => ({ source: `sh "has ${name}" succeeds`, line, assertion: { kind: 'sh', command: `has ${name}`, ns: undefined, expect: 'succeeds' } });

/** A controller answering from lists, recording what it was asked. */
function scripted(answers: { before?: StepDecision[]; challenge?: ChallengeDecision[]; failure?: FailureDecision[] }) {
  const asked: string[] = [];
  const controller: Controller = {
    beforeStep: async (s) => (asked.push(`before ${s.title}`), answers.before?.shift() ?? 'run'),
    challenge: async (s, _l, _t, a) => (asked.push(`challenge ${s.title} #${a.count} ${a.lastChecks.filter((c) => !c.result.passed).length} failing`), answers.challenge?.shift() ?? 'quit'),
    afterStep: async (o) => (asked.push(`after ${o.step.title}`), 'next'),
    afterFailure: async (o) => (asked.push(`failure ${o.step.title}${o.interrupted ? ' (interrupted)' : ''}`), answers.failure?.shift() ?? 'quit'),
  };
  return { controller, asked };
}

/** Ctrl-C as the CLI wires it: the runner subscribes while commands run. */
function ctrlC() {
  let listener: (() => void) | undefined;
  return {
    interrupts: (fn: () => void) => ((listener = fn), () => (listener = undefined)),
    press: () => listener?.(),
    listening: () => listener !== undefined,
  };
}

async function run(steps: Step[], controller: Controller | undefined, extra: Partial<Parameters<typeof runLesson>[1]> = {}) {
  FakeSandbox.started = [];
  const phases: CheckPhase[] = [];
  const starts: string[] = [];
  const outcome = await runLesson(lesson(steps, { setup: [block('lesson-setup', 5, { kind: 'setup' })] }), {
    target: 'fake',
    startSandbox: async () => new FakeSandbox(),
    reporters: [{ onCheck: (_o, _s, phase) => void phases.push(phase), onStepStart: (s) => void starts.push(s.title) }],
    controller,
    changes: false,
    ...extra,
  });
  return { outcome, phases, starts, sandboxes: FakeSandbox.started };
}

const one = step(0, 'One', { commands: [block('make one', 20)] });
const hangs = step(1, 'Two', { commands: [block('hang', 30)], checks: [] });

describe('runLesson, interactive', () => {
  it('stops a step at Ctrl-C, asks what next, and retries it in the same lab without announcing it again', async () => {
    const c = ctrlC();
    const { controller, asked } = scripted({ failure: ['retry', 'skip'] });
    const pressing = setInterval(() => c.listening() && c.press(), 5);
    const { outcome, starts, sandboxes } = await run([one, hangs], controller, { interrupts: c.interrupts });
    clearInterval(pressing);
    expect(asked).toEqual(['before One', 'after One', 'before Two', 'failure Two (interrupted)', 'failure Two (interrupted)']);
    expect(starts).toEqual(['One', 'Two']);
    expect(sandboxes).toHaveLength(1);
    expect(sandboxes[0]?.interrupts).toBe(2);
    expect(sandboxes[0]?.ran.filter((c) => c === 'hang')).toHaveLength(2);
    expect(outcome.steps.map((s) => s.status)).toEqual(['passed', 'skipped']);
    expect(outcome.status).toBe('passed');
  });

  it('gives the interrupted step a reason naming the block, and stops listening once commands end', async () => {
    const c = ctrlC();
    let reason: string | undefined;
    const { controller } = scripted({});
    controller.afterFailure = async (o) => ((reason = o.reason), 'quit');
    setTimeout(() => c.press(), 20);
    const { outcome } = await run([hangs], controller, { interrupts: c.interrupts });
    expect(outcome.status).toBe('quit');
    expect(reason).toBe('interrupted with Ctrl-C during `hang` (lessons/02-veth-pairs.md:30)');
    expect(c.listening()).toBe(false);
  });

  it('resets a failed step: a fresh sandbox, lesson setup and earlier steps replayed, the old one disposed', async () => {
    const again = step(1, 'Again', { commands: [block('make one', 40)] });
    const { controller, asked } = scripted({ failure: ['reset', 'quit'] });
    const { outcome, sandboxes } = await run([one, again], controller);
    expect(asked).toEqual(['before One', 'after One', 'before Again', 'failure Again', 'failure Again']);
    expect(sandboxes).toHaveLength(2);
    expect(sandboxes[0]?.disposed).toBe(1);
    expect(sandboxes[1]?.ran).toEqual(['lesson-setup', 'make one', 'make one']);
    expect(sandboxes[1]?.disposed).toBe(1);
    expect(outcome.status).toBe('quit');
  });

  it('opens a challenge on its own menu, keeps failed tries quiet for reporters, and runs the solution in a rebuilt lab', async () => {
    const challenge = step(1, 'Yours', { challenge: true, solution: [block('make two\nmake three', 60, { kind: 'solution' })], checks: [has('three')] });
    const { controller, asked } = scripted({ challenge: ['check', 'solution'] });
    // The learner made half of it by hand: in that lab the solution would stop at "File exists".
    const learner: Controller = { ...controller, challenge: async (...args) => (FakeSandbox.started[0]?.files.add('two'), controller.challenge(...args)) };
    const { outcome, phases, sandboxes } = await run([one, challenge], learner);
    expect(asked).toEqual(['before One', 'after One', 'challenge Yours #0 0 failing', 'challenge Yours #1 1 failing', 'after Yours']);
    expect(phases).toEqual(['attempt', 'after']);
    expect(sandboxes).toHaveLength(2);
    expect(sandboxes[0]?.disposed).toBe(1);
    expect(sandboxes[1]?.ran).toEqual(['lesson-setup', 'make one', 'make two\nmake three']);
    expect(outcome.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
  });

  it('rebuilds the lab when a challenge`s controller answers reset (an instructor asked), then asks again as the same try', async () => {
    const challenge = step(1, 'Yours', { challenge: true, solution: [block('make two', 60, { kind: 'solution' })], checks: [has('two')] });
    const { controller, asked } = scripted({ challenge: ['reset', 'solution'] });
    const { outcome, sandboxes } = await run([one, challenge], controller);
    expect(asked).toEqual(['before One', 'after One', 'challenge Yours #0 0 failing', 'challenge Yours #0 0 failing', 'after Yours']);
    // The reset's lab, then the solution's own rebuilt lab.
    expect(sandboxes).toHaveLength(3);
    expect(sandboxes[1]?.ran).toEqual(['lesson-setup', 'make one']);
    expect(outcome.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
  });

  it('tells the controller what still fails after a try, and passes when the learner did it', async () => {
    const challenge = step(0, 'Yours', { challenge: true, solution: [block('make two', 60, { kind: 'solution' })], checks: [has('two')] });
    const { controller, asked } = scripted({ challenge: ['check', 'check'] });
    let runs = 0;
    const { outcome, phases, sandboxes } = await run([challenge], {
      ...controller,
      challenge: async (...args) => {
        if (runs++ === 1) sandboxes0()?.files.add('two');
        return controller.challenge(...args);
      },
    });
    function sandboxes0() {
      return FakeSandbox.started[0];
    }
    expect(asked).toEqual(['challenge Yours #0 0 failing', 'challenge Yours #1 1 failing', 'after Yours']);
    expect(phases).toEqual(['attempt', 'after']);
    expect(sandboxes).toHaveLength(1);
    expect(outcome.status).toBe('passed');
  });

  it('asks nothing about a step of prose only', async () => {
    const prose = step(0, 'Just read');
    const { controller, asked } = scripted({});
    const { outcome } = await run([prose, one], controller);
    expect(asked).toEqual(['before One', 'after One']);
    expect(outcome.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
  });

  it('counts the steps of earlier sittings in the outcome: done ones passed, the others skipped', async () => {
    const three = step(2, 'Three', { commands: [block('make three', 50)] });
    const { controller, asked } = scripted({});
    const { outcome, sandboxes } = await run([one, step(1, 'Two', { commands: [block('make two', 30)] }), three], controller, { resumeFrom: 2, done: new Set(['one']) });
    expect(asked).toEqual(['before Three', 'after Three']);
    expect(sandboxes[0]?.ran).toEqual(['lesson-setup', 'make one', 'make two', 'make three']);
    expect(outcome.steps.map((s) => [s.step.title, s.status, s.replayed ?? false])).toEqual([
      ['One', 'passed', true],
      ['Two', 'skipped', true],
      ['Three', 'passed', false],
    ]);
  });
});

describe('runLesson, unattended', () => {
  it('stops at the first failure without asking anyone', async () => {
    const fails = step(1, 'Fails', { commands: [block('make one', 40)] });
    const { outcome } = await run([one, fails, step(2, 'Never', { commands: [block('make x', 50)] })], undefined);
    expect(outcome.steps.map((s) => s.status)).toEqual(['passed', 'failed']);
    expect(outcome.status).toBe('failed');
  });
});
