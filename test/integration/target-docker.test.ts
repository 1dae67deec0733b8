// The docker target on a real Docker Engine: processes, stdin's EOF, the lab's capabilities, a sandbox inside, and no container left behind.

import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, startProcess } from '../../src/process/spawn.ts';
import { startSandbox } from '../../src/sandbox/sandbox.ts';
import { LAB_TOOLS } from '../../src/lab-tools.ts';
import { LABEL_HOST, LABEL_OWNER, LABEL_TARGET } from '../../src/target/docker/sweep.ts';
import { startDockerTarget } from '../../src/target/docker/target.ts';
import type { Target } from '../../src/target/types.ts';
import { finish } from './target-process.ts';

const required = Boolean(process.env.STEPLAB_REQUIRE_TARGETS);
const reason = await dockerMissing();
if (reason && !required) console.warn(`skipping docker target tests: ${reason}`);

describe.skipIf(reason !== undefined && !required)('docker target', () => {
  let target: Target;

  beforeAll(async () => {
    expect(reason, reason).toBeUndefined();
    const started = performance.now();
    target = await startDockerTarget({ onProgress: (line) => console.log(`[docker target] ${line}`) });
    console.log(`[docker target] started in ${Math.round(performance.now() - started)} ms: ${target.description}`);
  }, 600_000); // The first start builds the lab image from Debian's mirror (.ci/run builds it before the tests).

  afterAll(async () => {
    await target?.dispose();
  });

  it('describes itself and runs processes as root', async () => {
    expect(target.name).toBe('docker');
    expect(target.root).toBe(true);
    expect(target.description).toMatch(/container [0-9a-f]{12}, kernel \S+/);
    expect((await finish(target.spawn(['id', '-u']))).stdout).toBe('0\n');
  });

  it('pipes stdin, stdout and stderr, and passes the exit code back', async () => {
    const p = target.spawn(['sh', '-c', 'echo hi; cat; echo oops >&2; exit 3']);
    p.stdin.write('from the host\n');
    const r = await finish(p);
    expect(r).toEqual({ stdout: 'hi\nfrom the host\n', stderr: 'oops\n', exitCode: 3 });
  });

  it('ends a process when its stdin closes (the sandbox’s lifeline)', async () => {
    const p = target.spawn(['sh', '-c', 'echo ready; while read -r line; do :; done; echo saw-eof']);
    const started = performance.now();
    const r = await finish(p, 200);
    expect(r.stdout).toBe('ready\nsaw-eof\n');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('runs several processes side by side', async () => {
    const results = await Promise.all([1, 2, 3].map((n) => finish(target.spawn(['sh', '-c', `sleep 0.2; echo ${n}`]))));
    expect(results.map((r) => r.stdout)).toEqual(['1\n', '2\n', '3\n']);
  });

  it('has the lab’s tools', async () => {
    const tools = [...LAB_TOOLS.filter((t) => !t.hostOnly).map((t) => t.command), 'timeout'];
    const r = await finish(target.spawn(['sh', '-c', `for t in ${tools.join(' ')}; do command -v $t >/dev/null || echo "missing $t"; done`]));
    expect(r.stdout).toBe('');
  });

  it('grants what a lab needs: veth, bridges and iptables in a new network namespace, as root and in a user namespace', async () => {
    const lab = 'ip link add x type veth peer name y && ip link add br0 type bridge && ip link set x master br0 && iptables -A FORWARD -i br0 -j ACCEPT && ip -br link';
    const asRoot = await finish(target.spawn(['unshare', '-n', 'sh', '-c', lab]));
    expect(asRoot.stderr).toBe('');
    expect(asRoot.stdout).toMatch(/^x@y\s/m);
    const userns = await finish(
      target.spawn(['unshare', '--user', '--map-root-user', '--net', '--mount', '--pid', '--fork', 'sh', '-c', `mount -t proc proc /proc && mount -t sysfs sysfs /sys && ${lab}`]),
    );
    expect(userns.stderr).toBe('');
    expect(userns.stdout).toMatch(/^br0\s/m);
  });

  it('hosts a whole sandbox: the lab world, a veth pair, and the simulated internet', async () => {
    const sandbox = await startSandbox(target, { world: 'internet' });
    try {
      const r = await sandbox.run('ip netns add red && ip link add v0 type veth peer name v1 netns red && ip -n red -br link show v1 && curl -s http://198.51.100.10/', { timeoutMs: 15_000 });
      expect(r.exitCode, r.output).toBe(0);
      expect(r.output).toMatch(/^v1@/m);
      expect(r.output).toContain('hello from the simulated internet');
    } finally {
      await sandbox.dispose();
    }
  });

  it('sweeps containers of dead steplab processes at start, removes its own on dispose, and dispose is safe twice', async () => {
    const label = ['--filter', `label=${LABEL_OWNER}=${process.pid}`];
    // A container left by a steplab process that died (pid 2^22+1 is above any pid_max): the next start must sweep it.
    const image = (await runCommand('docker', ['ps', '--format', '{{.Image}}', ...label])).stdout.trim();
    const labels = [`${LABEL_TARGET}=docker`, `${LABEL_OWNER}=${2 ** 22 + 1}`, `${LABEL_HOST}=${hostname()}`].flatMap((l) => ['--label', l]);
    const stale = (await runCommand('docker', ['create', ...labels, image])).stdout.trim();
    expect(stale).toMatch(/^[0-9a-f]{64}$/);
    const own = await startDockerTarget();
    expect((await runCommand('docker', ['ps', '-aq', '--filter', `id=${stale}`])).stdout.trim()).toBe('');
    const before = (await runCommand('docker', ['ps', '-aq', ...label])).stdout.trim().split('\n');
    expect(before.length).toBe(2);
    const started = performance.now();
    await own.dispose();
    console.log(`[docker target] disposed in ${Math.round(performance.now() - started)} ms`);
    await own.dispose();
    expect((await runCommand('docker', ['ps', '-aq', ...label])).stdout.trim().split('\n').length).toBe(1);
    expect(() => own.spawn(['true'])).toThrow(/disposed/);
  });

  it('removes the container when steplab is killed before it can dispose (kill -9)', async () => {
    const script = `import { startDockerTarget } from ${JSON.stringify(new URL('../../src/target/docker/target.ts', import.meta.url).pathname)};
      const t = await startDockerTarget(); console.log('READY'); setInterval(() => {}, 1000);`;
    const child = startProcess(process.execPath, ['--input-type=module', '-e', script]);
    const ready = await new Promise<boolean>((resolve) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('READY') && resolve(true));
      void child.then(() => resolve(false));
    });
    expect(ready).toBe(true);
    const label = ['--filter', `label=${LABEL_OWNER}=${child.pid}`];
    expect((await runCommand('docker', ['ps', '-aq', ...label])).stdout.trim()).not.toBe('');
    child.kill('SIGKILL');
    await child;
    let left = 'not checked';
    for (let i = 0; i < 40 && left !== ''; i++) {
      await new Promise((r) => setTimeout(r, 250));
      left = (await runCommand('docker', ['ps', '-aq', ...label])).stdout.trim();
    }
    expect(left).toBe('');
  });
});

/** Why Docker cannot be used here, or undefined when an engine answers. */
async function dockerMissing(): Promise<string | undefined> {
  const r = await runCommand('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 20_000 });
  if (r.exitCode === 0) return undefined;
  return r.stderr.trim().split('\n')[0] || 'the docker command is not on PATH';
}

