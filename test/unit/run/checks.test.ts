// evaluateBeforeSolution: how verify proves a challenge starts unsolved, on a sandbox that only records what it is asked.

import { describe, expect, it } from 'vitest';
import { parseCheckLine } from '../../../src/assert/parse.ts';
import type { Snapshot } from '../../../src/kernel/types.ts';
import type { Check } from '../../../src/lesson/types.ts';
import { BEFORE_SOLUTION_WAIT_MS, evaluateBeforeSolution } from '../../../src/run/checks.ts';
import type { Sandbox, ShellResult } from '../../../src/sandbox/types.ts';

/** A sandbox whose every probe (in either shell) fails at once, recording its code. */
function recording(): { sandbox: Sandbox; probes: string[] } {
  const probes: string[] = [];
  const result: ShellResult = { exitCode: 1, output: '', timedOut: false, durationMs: 0 };
  const sandbox: Sandbox = {
    run: async () => result,
    probe: async (code) => (probes.push(code), result),
    read: async (code) => (probes.push(code), result),
    interactiveArgv: () => [],
    dispose: async () => {},
    [Symbol.asyncDispose]: async () => {},
  };
  return { sandbox, probes };
}

const check = (source: string, withinMs?: number): Check => {
  const parsed = parseCheckLine(source);
  if (!('assertion' in parsed)) throw new Error(`bad check line ${source}`);
  return { source, line: 1, assertion: parsed.assertion, ...(withinMs === undefined ? {} : { withinMs }) };
};

const empty: Snapshot = { namespaces: [{ kind: 'host', name: '', links: [], routes: [], iptables: [], fdb: [], sysctls: {}, listening: [] }] } as unknown as Snapshot;

describe('evaluateBeforeSolution', () => {
  it('gives probes a lab-sized wait and drops within: a ping that must succeed sends one packet', async () => {
    const { sandbox, probes } = recording();
    const outcomes = await evaluateBeforeSolution([check('ping 10.0.0.2 succeeds', 5000), check('tcp 10.0.0.2:80 is open')], sandbox, async () => empty);
    expect(BEFORE_SOLUTION_WAIT_MS).toBe(500);
    expect(outcomes.map((o) => o.result.passed)).toEqual([false, false]);
    expect(probes.join('\n')).toContain('ping -c 1 -W 0.5 10.0.0.2');
    expect(probes.join('\n')).toContain('timeout 0.5 bash -c');
    expect(outcomes[0]?.result.message).not.toContain('still so after');
    expect(outcomes.map((o) => o.check.source)).toEqual(['ping 10.0.0.2 succeeds', 'tcp 10.0.0.2:80 is open']);
  });

  it('keeps a wait the lesson asked for', async () => {
    const { sandbox, probes } = recording();
    await evaluateBeforeSolution([check('ping 10.0.0.2 succeeds waiting 3s')], sandbox, async () => empty);
    expect(probes).toEqual(['ping -c 1 -i 0.2 -w 3 10.0.0.2']);
  });

  it('runs no probe once a check of the step or the state fails, and says why, in the order of the checks', async () => {
    const { sandbox, probes } = recording();
    const outcomes = await evaluateBeforeSolution([check('ping 10.0.0.2 succeeds'), check('output contains "ok"')], sandbox, async () => empty);
    expect(probes).toEqual([]);
    expect(outcomes.map((o) => [o.check.source, o.result.passed])).toEqual([['ping 10.0.0.2 succeeds', false], ['output contains "ok"', false]]);
    expect(outcomes[0]?.result.message).toBe('not run: an earlier check already fails, so the challenge starts unsolved');
  });
});
