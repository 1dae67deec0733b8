// The real CLI on lessons written as authors write them: variables kept in the lesson's shell, several mistakes in one run.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/process/spawn.ts';
import { hostNetworkState, sandboxUnavailable } from '../integration/host-state.ts';

const BIN = join(import.meta.dirname, '../../bin/steplab.js');
const BY_HAND = join(import.meta.dirname, '../fixtures/variables/01-connect-by-hand.md');
const MISTAKES = join(import.meta.dirname, '../fixtures/keep-going/01-three-mistakes.md');
const skip = await sandboxUnavailable();
if (skip) console.warn(`skipping authors' end-to-end tests: ${skip}`);

const steplab = (...args: string[]) => runCommand(process.execPath, [BIN, ...args], { timeoutMs: 170_000, env: { CI: 'true' } });

describe.skipIf(skip)('lessons as authors write them', () => {
  it('verifies a lesson that keeps a PID in $pid and checks it with sh, link and netns', { timeout: 180_000 }, async () => {
    const before = await hostNetworkState();
    const r = await steplab('verify', BY_HAND);
    expect(r.stdout).toContain('✔ Give it a cable to a bridge');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed');
    expect(r.exitCode).toBe(0);
    expect(await hostNetworkState()).toBe(before);
  });

  it('stops at the first mistake by default, and shows all three with file:line under --keep-going', { timeout: 180_000 }, async () => {
    const first = await steplab('verify', MISTAKES);
    expect(first.exitCode).toBe(1);
    expect(first.stdout).toContain(`${MISTAKES}:18: \`ip link set veth-red up\` exited with 1; expected 0 (failed at line 2 of the block)`);
    expect(first.stdout).not.toContain('Make blue');

    // JSON on stdout, the plain log on stderr: one run shows both.
    const all = await steplab('verify', '--keep-going', '--reporter', 'json', MISTAKES);
    expect(all.exitCode).toBe(1);
    const log = all.stderr;
    expect(log).toContain(`✘ Make red: ${MISTAKES}:18: \`ip link set veth-red up\` exited with 1`);
    expect(log).toContain(`✘ Make blue (after an earlier failure): ${MISTAKES}:28: netns blue exists: netns blue does not exist (namespaces: bleu, red)`);
    expect(log).toContain(`✘ Bring lo up in red (after an earlier failure): ${MISTAKES}:38: link lo in red is up: link lo in red is down`);
    const report = JSON.parse(all.stdout) as { lessons: { steps: { status: string; afterFailure: boolean; blocks: { failedLine: number | null }[]; checks: { line: number; passed: boolean }[] }[] }[] };
    const steps = report.lessons[0]?.steps ?? [];
    expect(steps.map((s) => [s.status, s.afterFailure])).toEqual([['failed', false], ['failed', true], ['failed', true]]);
    expect(steps[0]?.blocks[0]?.failedLine).toBe(18);
    expect(steps.slice(1).map((s) => s.checks.filter((c) => !c.passed).map((c) => c.line))).toEqual([[28], [38]]);
    expect(log.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });
});
