// `steplab verify --against docker` with a real engine inside the lab: a true lesson passes, a false claim fails
// naming the check and showing Docker's state, and the host is left exactly as it was.
// Skips without root or an engine, unless STEPLAB_REQUIRE_TARGETS is set (CI), where a skip fails.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { takeSnapshot } from '../../src/kernel/snapshot.ts';
import { parseLesson } from '../../src/lesson/parse.ts';
import { DockerComparison } from '../../src/oracle/compare.ts';
import { commandExists, runCommand } from '../../src/process/spawn.ts';
import { startSandbox } from '../../src/sandbox/sandbox.ts';
import { localTarget } from '../../src/target/local.ts';
import { hostNetworkState, hostSysctls, processesWith, sandboxUnavailable } from '../integration/host-state.ts';

const BIN = join(import.meta.dirname, '../../bin/steplab.js');
const FIXTURES = join(import.meta.dirname, '../fixtures/oracle');
const required = Boolean(process.env.STEPLAB_REQUIRE_TARGETS);
const skip =
  (await sandboxUnavailable()) ??
  (process.getuid?.() !== 0 ? 'the oracle runs the engine as real root in the lab; run the tests as root' : undefined) ??
  ((await commandExists('dockerd')) ? undefined : 'no dockerd on this machine');
if (skip && required) throw new Error(`STEPLAB_REQUIRE_TARGETS is set but the Docker oracle cannot run: ${skip}`);
if (skip) console.warn(`skipping the Docker oracle tests: ${skip}`);

const steplab = (args: readonly string[], env: Record<string, string> = {}) =>
  runCommand(process.execPath, [BIN, ...args], { timeoutMs: 240_000, env: { CI: 'true', ...env } });

/** cgroups an engine in a lab made under its own parent, still on the host. */
async function oracleCgroups(): Promise<string[]> {
  const found: string[] = [];
  for (const hierarchy of await readdir('/sys/fs/cgroup').catch(() => [])) {
    const entries = await readdir(join('/sys/fs/cgroup', hierarchy)).catch(() => []);
    found.push(...entries.filter((e) => e.startsWith('steplab-oracle-')).map((e) => `${hierarchy}/${e}`));
  }
  return found;
}

describe.skipIf(skip)('steplab verify --against docker', () => {
  it('passes a lesson whose claims Docker bears out, counts the steps compared, and leaves nothing behind', async () => {
    const before = await hostNetworkState();
    const sysctls = await hostSysctls();
    const r = await steplab(['verify', '--against', 'docker', join(FIXTURES, 'true')]);
    expect(r.stdout + r.stderr).toMatch(/Docker \d+\.\d+/);
    expect(r.stdout).toContain('1 passed, 0 failed');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 compared, 1 not compared');
    expect(r.exitCode).toBe(0);
    // Nothing of the engine outlives the lab: no daemon, containerd or shim, no cgroups, no host network change.
    expect(await processesWith('/run/steplab/docker/')).toEqual([]);
    expect(await oracleCgroups()).toEqual([]);
    expect(await hostNetworkState()).toBe(before);
    expect(await hostSysctls()).toBe(sysctls);
  }, 240_000);

  it('fails a false claim about Docker, naming the check and showing what Docker built and its version', async () => {
    const r = await steplab(['verify', '--against', 'docker', join(FIXTURES, 'false')]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('01-false-claim.md:42: addr 172.17.0.2/24 on eth0 in c1');
    expect(r.stdout).toMatch(/What Docker built:\n.*Docker \d+\.\d+[^\n]*containers/);
    expect(r.stdout).toMatch(/\/c1: bridge=172\.17\.0\.2\/16 gw 172\.17\.0\.1/);
    expect(r.stdout).toContain('-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    expect(r.stdout).toContain('0 passed, 1 failed');
  }, 240_000);

  it('starts a new engine with a step\'s daemon options, and Docker removes the veths steplab renamed', async () => {
    const before = await hostNetworkState();
    const r = await steplab(['verify', '--against', 'docker', join(FIXTURES, 'options')]);
    expect(r.stdout).toContain('2 passed, 0 failed');
    // The step with daemon="--icc=false" runs in a lab of its own, after the earlier steps' blocks rebuilt its state.
    expect(r.stdout).toMatch(/oracle-icc-off: Containers on docker0, then --icc=false \(dockerd --icc=false\)/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('3 compared, 0 not compared');
    expect(r.exitCode).toBe(0);
    expect(await processesWith('/run/steplab/docker/')).toEqual([]);
    expect(await oracleCgroups()).toEqual([]);
    expect(await hostNetworkState()).toBe(before);
  }, 300_000);

  it('lets Docker do a step in a second lab and lists what it built that the learner did not', async () => {
    const file = join(FIXTURES, 'true', '01-default-bridge.md');
    const lesson = parseLesson(await readFile(file, 'utf8'), file).lesson;
    const step = lesson?.steps[1];
    if (lesson === undefined || step === undefined) throw new Error('fixture lesson did not parse');
    const target = localTarget();
    // The learner did step 1 by hand (docker0 and NAT) and not yet step 2.
    const learner = await startSandbox(target, { world: 'internet' });
    const comparison = new DockerComparison(target, { dir: undefined });
    try {
      for (const block of lesson.steps[0]?.commands ?? []) await learner.run(block.code, { timeoutMs: 20_000 });
      const text = await comparison.compare(lesson, step, await takeSnapshot((code) => learner.read(code)), 200);
      expect(text).toMatch(/^From your lab to Docker \d+\.\d+/);
      // Docker's container and its veth are Docker's alone; the learner's docker0 and MASQUERADE rule are in both.
      expect(text).toMatch(/c1/);
      expect(text).toMatch(/veth-c1/);
      expect(text).toMatch(/DOCKER/);
      expect(text).not.toMatch(/-s 172\.17\.0\.0\/16 ! -o docker0 -j MASQUERADE/);
    } finally {
      await learner.dispose();
      await comparison.dispose();
    }
    expect(await oracleCgroups()).toEqual([]);
  }, 240_000);

  it('says there is no engine and exits non-zero when none is found', async () => {
    const r = await steplab(['verify', '--against', 'docker', join(FIXTURES, 'true')], { PATH: `${process.execPath.replace(/\/node$/, '')}:/usr/bin:/bin` });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/cannot verify against Docker: no Docker engine on the sandbox target's PATH: dockerd[a-z, ]* not found/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

it('rejects an oracle other than docker with a usage message', async () => {
  const r = await runCommand(process.execPath, [BIN, 'verify', '--against', 'podman', FIXTURES]);
  expect(r.exitCode).not.toBe(0);
  expect(r.stderr).toContain('--against takes "docker", not "podman"');
});
