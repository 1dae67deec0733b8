import { describe, expect, it } from 'vitest';
import { SECTION_MARKER } from '../../../src/kernel/collect.ts';
import { parseLesson } from '../../../src/lesson/parse.ts';
import type { Lesson } from '../../../src/lesson/types.ts';
import { runLesson } from '../../../src/run/runner.ts';
import type { Controller } from '../../../src/run/events.ts';
import type { Sandbox, ShellResult } from '../../../src/sandbox/types.ts';
import { fixtureText } from '../kernel/fixtures.ts';

const LESSON = `---
format: 1
id: three-steps
title: Three steps
---

## One

\`\`\`sh
ip link add dummy0 type dummy
\`\`\`

\`\`\`check
link lo is up
\`\`\`

## Two

\`\`\`sh
ip link set dummy0 up
\`\`\`

\`\`\`check
output contains ""
\`\`\`

## Three

\`\`\`sh
ip link del dummy0
\`\`\`

\`\`\`cleanup
true
\`\`\`
`;

function lesson(text = LESSON, file = 'three.md'): Lesson {
  const parsed = parseLesson(text, file);
  if (!parsed.lesson) throw new Error(JSON.stringify(parsed.problems));
  return parsed.lesson;
}

/**
 * A sandbox that answers snapshot scripts with a fixture and records which parts each read; pings are
 * answered. `log` gets `snapshot` and `ping` in the order they end; a snapshot takes `snapshotMs`.
 */
function fakeSandbox(log: string[] = [], snapshotMs = 0): { sandbox: Sandbox; snapshots: string[][] } {
  const snapshots: string[][] = [];
  const ok = { exitCode: 0, output: '', timedOut: false, durationMs: 1 };
  const answer = async (code: string): Promise<ShellResult> => {
    if (!code.includes(`${SECTION_MARKER} done`)) {
      if (!code.includes('ping')) return ok;
      log.push('ping');
      return { ...ok, output: '64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.05 ms' };
    }
    if (snapshotMs > 0) await new Promise((resolve) => setTimeout(resolve, snapshotMs));
    snapshots.push(['-j -d -force', 'iptables-save', '-j fdb show', '/proc/sys/', 'ss -H'].filter((tool) => code.includes(tool)));
    log.push('snapshot');
    return { ...ok, output: fixtureText('docker-bridge') };
  };
  const sandbox: Sandbox = {
    run: async () => ok,
    probe: answer,
    read: answer,
    interactiveArgv: () => [],
    dispose: async () => {},
    [Symbol.asyncDispose]: async () => {},
  };
  return { sandbox, snapshots };
}

const ALL = ['-j -d -force', 'iptables-save', '-j fdb show', '/proc/sys/', 'ss -H'];

describe('runLesson: snapshots', () => {
  it('reads one whole snapshot a step when changes are recorded: the state after a step is the next one`s before', async () => {
    const { sandbox, snapshots } = fakeSandbox();
    const outcome = await runLesson(lesson(), { target: 'fake', startSandbox: async () => sandbox, reporters: [], changes: true });
    expect(outcome.status).toBe('passed');
    // Before step one, then one after each step; step three has a cleanup block, so its checks' state cannot serve.
    expect(snapshots).toEqual([ALL, ALL, ALL, ALL]);
  });

  it('reads only what the checks look at when nobody reads the changes, and nothing for a step without state checks', async () => {
    const { sandbox, snapshots } = fakeSandbox();
    const outcome = await runLesson(lesson(), { target: 'fake', startSandbox: async () => sandbox, reporters: [] });
    expect(outcome.status).toBe('passed');
    expect(snapshots).toEqual([['-j -d -force']]);
  });

  it('reads the state again before a step when the learner used the lab shell in between', async () => {
    const { sandbox, snapshots } = fakeSandbox();
    let after = 0;
    const controller: Controller = {
      beforeStep: async () => 'run',
      challenge: async () => 'quit',
      afterFailure: async () => 'quit',
      afterStep: async (_outcome, _lesson, tools) => {
        if (after++ === 0) await tools.openShell();
        return 'next';
      },
    };
    await runLesson(lesson(), { target: 'fake', startSandbox: async () => sandbox, reporters: [], changes: true, controller, openShell: async () => {} });
    expect(snapshots).toHaveLength(5);
  });
});

const PROBED = `---
format: 1
id: probed
title: Probed
---

## One

\`\`\`sh
ip link add dummy0 type dummy
\`\`\`

\`\`\`check
link lo is up
ping 127.0.0.1 succeeds
\`\`\`

## Two

\`\`\`sh
true
\`\`\`

\`\`\`check
link lo is up
\`\`\`
`;

describe('runLesson: snapshots around probes', () => {
  const probed = (): Lesson => lesson(PROBED, 'probed.md');

  it('reads the whole state once before a step`s probes: its checks and its changes use it, and the step ends without reading again', async () => {
    const log: string[] = [];
    const outcome = await runLesson(probed(), {
      target: 'fake', startSandbox: async () => fakeSandbox(log, 20).sandbox, changes: true,
      reporters: [{ onStepEnd: (o) => void log.push(`end ${o.step.title}`) }],
    });
    expect(outcome.status).toBe('passed');
    // The next step starts from the state after the ping (its traffic is not the learner's doing).
    expect(log).toEqual(['snapshot', 'snapshot', 'ping', 'end One', 'snapshot', 'snapshot', 'end Two']);
  });

  it('reads the state after the probes while the learner reads on, and the next step starts from it', async () => {
    const log: string[] = [];
    const controller: Controller = {
      beforeStep: async () => 'run',
      challenge: async () => 'quit',
      afterFailure: async () => 'quit',
      afterStep: async () => {
        log.push('learner reads');
        await new Promise((resolve) => setTimeout(resolve, 50));
        return 'next';
      },
    };
    await runLesson(probed(), {
      target: 'fake', startSandbox: async () => fakeSandbox(log, 20).sandbox, changes: true, controller,
      reporters: [{ onStepEnd: (o) => void log.push(`end ${o.step.title}`) }],
    });
    expect(log.slice(0, 6)).toEqual(['snapshot', 'snapshot', 'ping', 'end One', 'learner reads', 'snapshot']);
    // Step two's "before" is that snapshot: it reads once more, for its own checks.
    expect(log.filter((e) => e === 'snapshot')).toHaveLength(4);
  });
});

describe('runLesson: start', () => {
  it('starts the sandbox while the introduction is shown, not after', async () => {
    const { sandbox } = fakeSandbox();
    const events: string[] = [];
    const outcome = await runLesson(lesson(), {
      target: 'fake',
      startSandbox: async () => (events.push('start sandbox'), sandbox),
      reporters: [{ onLessonStart: async () => { events.push('introduction'); }, onSandboxReady: () => { events.push('ready'); } }],
    });
    expect(outcome.status).toBe('passed');
    expect(events).toEqual(['start sandbox', 'introduction', 'ready']);
  });

  it('disposes a sandbox started for a lesson whose introduction could not be shown', async () => {
    const { sandbox } = fakeSandbox();
    let disposed = 0;
    const error = await runLesson(lesson(), {
      target: 'fake',
      startSandbox: async () => ({ ...sandbox, dispose: async () => { disposed++; } }),
      reporters: [{ onLessonStart: () => { throw new Error('no terminal'); } }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(disposed).toBe(1);
  });
});
