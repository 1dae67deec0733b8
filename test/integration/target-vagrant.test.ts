// The vagrant target on vagrant/Vagrantfile's machine (CI brings it up with the docker provider): ssh, stdin's EOF, sudo, and a sandbox inside.

import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SteplabError } from '../../src/errors.ts';
import { commandExists, runCommand } from '../../src/process/spawn.ts';
import { startSandbox } from '../../src/sandbox/sandbox.ts';
import type { Target } from '../../src/target/types.ts';
import { startVagrantTarget, VAGRANT_DIR } from '../../src/target/vagrant.ts';
import { finish } from './target-process.ts';

const required = Boolean(process.env.STEPLAB_REQUIRE_TARGETS);
const cache = join(VAGRANT_DIR, '.vagrant', 'steplab-ssh-config');
const reason = await vagrantMissing();
if (reason && !required) console.warn(`skipping vagrant target tests: ${reason}`);

describe.skipIf(reason !== undefined && !required)('vagrant target', () => {
  let target: Target;

  beforeAll(async () => {
    expect(reason, reason).toBeUndefined();
    // A stale cache (the machine moved to another port): the target must notice and ask Vagrant again.
    await writeFile(cache, 'Host default\n  HostName 127.0.0.1\n  Port 1\n  User vagrant\n');
    let started = performance.now();
    target = await startVagrantTarget();
    console.log(`[vagrant target] started in ${Math.round(performance.now() - started)} ms with a fresh vagrant ssh-config: ${target.description}`);
    started = performance.now();
    const again = await startVagrantTarget();
    console.log(`[vagrant target] started in ${Math.round(performance.now() - started)} ms from the cached ssh-config`);
    await again.dispose();
  });

  afterAll(async () => {
    await target?.dispose();
  });

  it('replaced the stale cached ssh-config with what Vagrant says now', async () => {
    expect(await readFile(cache, 'utf8')).not.toMatch(/Port 1\n/);
  });

  it('runs processes as root through sudo on the machine’s kernel', async () => {
    expect(target.name).toBe('vagrant');
    expect(target.root).toBe(true);
    expect(target.description).toMatch(/kernel \S+/);
    expect((await finish(target.spawn(['id', '-u']))).stdout).toBe('0\n');
  });

  it('pipes stdin, stdout and stderr, keeps arguments intact, and passes the exit code back', async () => {
    const p = target.spawn(['sh', '-c', 'printf "%s|" "$@"; echo; cat; echo oops >&2; exit 3', 'sh', "it's", '$HOME', 'two words']);
    p.stdin.write('from the host\n');
    expect(await finish(p)).toEqual({ stdout: "it's|$HOME|two words|\nfrom the host\n", stderr: 'oops\n', exitCode: 3 });
  });

  it('ends a process when its stdin closes (the sandbox’s lifeline)', async () => {
    const started = performance.now();
    const r = await finish(target.spawn(['sh', '-c', 'echo ready; while read -r line; do :; done; echo saw-eof']), 200);
    expect(r.stdout).toBe('ready\nsaw-eof\n');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('shares one ssh connection among its processes', async () => {
    const count = "ss -Htn state established '( sport = :22 )' | wc -l";
    const results = await Promise.all([1, 2, 3].map(() => finish(target.spawn(['sh', '-c', `sleep 0.3; ${count}`]))));
    // Three processes at once, and the machine's sshd serves one TCP connection (steplab's master).
    expect(results.map((r) => r.stdout.trim())).toEqual(['1', '1', '1']);
  });

  it('grants what a lab needs: veth and bridges in a new network namespace', async () => {
    const r = await finish(target.spawn(['unshare', '-n', 'sh', '-c', 'ip link add x type veth peer name y && ip link add br0 type bridge && ip -br link']));
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^x@y\s/m);
  });

  it('hosts a whole sandbox with the simulated internet', async () => {
    const sandbox = await startSandbox(target, { world: 'internet' });
    try {
      const r = await sandbox.run('ip link add v0 type veth peer name v1 && ip -br link show v0 && curl -s http://198.51.100.10/', { timeoutMs: 15_000 });
      expect(r.exitCode, r.output).toBe(0);
      expect(r.output).toContain('hello from the simulated internet');
    } finally {
      await sandbox.dispose();
    }
  });

  it('closes its ssh connection and deletes its files on dispose, and dispose is safe twice', async () => {
    const before = await sshMasters();
    const own = await startVagrantTarget();
    const mine = (await sshMasters()).filter((line) => !before.includes(line));
    expect(mine.length).toBe(1);
    const dir = /-F (\S+)\/config/.exec(mine[0] ?? '')?.[1];
    expect(dir).toMatch(/steplab-ssh-/);
    await own.dispose();
    await own.dispose();
    expect(await sshMasters()).not.toContain(mine[0]);
    await expect(stat(dir as string)).rejects.toThrow(/ENOENT/);
    expect(() => own.spawn(['true'])).toThrow(/disposed/);
  });

  it('says how to start a machine that is not up', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'steplab-vagrant-'));
    try {
      await cp(join(VAGRANT_DIR, 'Vagrantfile'), join(empty, 'Vagrantfile'));
      const error = await startVagrantTarget({ dir: empty }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SteplabError);
      expect((error as SteplabError).code).toBe('TARGET_UNAVAILABLE');
      expect((error as SteplabError).message).toMatch(/is not running \(vagrant ssh-config: .*not yet ready for SSH\.\)/);
      expect((error as SteplabError).hint).toContain(`cd ${empty} && vagrant up`);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

/** Why the vagrant target cannot be tested here, or undefined when vagrant/'s machine is running. */
async function vagrantMissing(): Promise<string | undefined> {
  if (!(await commandExists('vagrant'))) return 'the vagrant command is not on PATH';
  const r = await runCommand('vagrant', ['status', '--machine-readable'], { cwd: VAGRANT_DIR, timeoutMs: 60_000 });
  if (/^\d*,[^,]*,state,running$/m.test(r.stdout)) return undefined;
  return `the machine in ${VAGRANT_DIR} is not running (cd vagrant && vagrant up, or .ci/install-vagrant.sh on Linux)`;
}

/** The ssh master connections running on this host, one line each. */
async function sshMasters(): Promise<string[]> {
  const r = await runCommand('ps', ['-eo', 'pid=,args=']);
  return r.stdout.split('\n').filter((l) => /ssh -F \S*steplab-ssh-\S*\/config -o ControlMaster=yes/.test(l));
}

