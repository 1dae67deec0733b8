// The sandbox target on this machine's kernel: shell state, timeouts, background commands, the lab world, cleanup.

import { readFile, realpath } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLessonVariables } from '../../src/assert/variables.ts';
import { commandExists } from '../../src/process/spawn.ts';
import { startSandbox } from '../../src/sandbox/sandbox.ts';
import type { Sandbox } from '../../src/sandbox/types.ts';
import { localTarget } from '../../src/target/local.ts';
import { hostChanges, hostNetworkState, processesWith, sandboxUnavailable } from './host-state.ts';

const skip = await sandboxUnavailable('sandbox integration tests');

describe.skipIf(skip)('sandbox target', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox(localTarget(), { world: 'internet' });
  });
  afterAll(async () => {
    await sandbox?.dispose();
  });

  it('carries variables and cd from one block to the next', async () => {
    await sandbox.run('GREETING=hello; mkdir -p /tmp/lab && cd /tmp/lab', { timeoutMs: 5000 });
    const r = await sandbox.run('echo "$GREETING from $PWD"', { timeoutMs: 5000 });
    expect(r).toMatchObject({ exitCode: 0, output: 'hello from /tmp/lab\n', timedOut: false });
  });

  it('keeps stdout and stderr in the order written', async () => {
    const r = await sandbox.run('echo one; echo two >&2; echo three', { timeoutMs: 5000 });
    expect(r.output).toBe('one\ntwo\nthree\n');
  });

  it('stops a block at the first failing command and reports its status', async () => {
    const r = await sandbox.run('echo before\nip link show no-such-link\necho after', { timeoutMs: 5000 });
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain('before');
    expect(r.output).not.toContain('after');
  });

  it('names the line of the block whose command failed', async () => {
    const r = await sandbox.run('echo one\nfor i in 1; do\n  ip link show no-such-link\ndone\necho never', { timeoutMs: 5000 });
    expect(r).toMatchObject({ exitCode: 1, failedLine: 3 });
    expect((await sandbox.run('echo fine', { timeoutMs: 5000 })).failedLine).toBe(0);
  });

  it('leaves the lesson`s variables where a probe can read them, and the probe cannot change them', async () => {
    await sandbox.run('pid=4242; msg="it\'s a test"; arr=(1 2)', { timeoutMs: 5000 });
    const r = await sandbox.probe(`( ${withLessonVariables('sh -c \'echo "$pid|$msg|$arr"\'; pid=changed')} )`);
    expect(r.output).toBe("4242|it's a test|\n");
    expect((await sandbox.probe('echo "[$pid]"')).output).toBe('[]\n');
    expect((await sandbox.run('echo "$pid"', { timeoutMs: 5000 })).output).toBe('4242\n');
    // A lesson's `set -u` must not end the shell when steplab saves the variables after the block.
    await sandbox.run('set -u; late=1', { timeoutMs: 5000 });
    expect((await sandbox.run('echo "$late"; set +u', { timeoutMs: 5000 })).output).toBe('1\n');
  });

  it('ends a block at its timeout, kills its processes, and the shell goes on', async () => {
    const r = await sandbox.run('X=kept; echo start; sleep 60; echo never', { timeoutMs: 800 });
    expect(r.timedOut).toBe(true);
    expect(r.output).toContain('start');
    expect(r.output).not.toContain('never');
    expect(r.durationMs).toBeLessThan(5000);
    const after = await sandbox.run('echo "$X"; ps -eo args | grep -c "[s]leep 60"', { timeoutMs: 5000 });
    expect(after.output).toBe('kept\n0\n');
  });

  it('leaves no timer and no zombie behind once blocks end in time', async () => {
    for (let i = 0; i < 10; i++) await sandbox.run('true', { timeoutMs: 30_000 });
    // A block starts no timer of its own (one watchdog a shell, fed through a pipe), and leaves no zombie.
    const r = await sandbox.run('ps -eo args | grep -c "^sleep" || true; ps -eo stat= | grep -c "^Z" || true', { timeoutMs: 5000 });
    expect(r.output).toBe('0\n0\n');
  });

  it('interrupts a running block (Ctrl-C): its commands stop, what it printed is kept, the shell keeps its variables', async () => {
    await sandbox.run('KEEP=still-here', { timeoutMs: 5000 });
    // ping ends with status 0 when interrupted after a reply: the block must stop all the same.
    const running = sandbox.run('echo started; ping -i 0.2 127.0.0.1; echo never', { timeoutMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 700));
    const started = performance.now();
    await sandbox.interrupt?.();
    const r = await running;
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.output).toContain('started');
    expect(r.output).toMatch(/packets transmitted/);
    expect(r.output).not.toContain('never');
    expect(r.exitCode).toBe(130);
    expect(r.timedOut).toBe(false);
    const after = await sandbox.run('echo "$KEEP"; ps -eo args | grep -c "^[p]ing"', { timeoutMs: 5000 });
    expect(after.output).toBe('still-here\n0\n');
  });

  it('interrupts a loop of builtins without losing the shell, and does nothing when idle', async () => {
    await sandbox.run('KEEP2=yes', { timeoutMs: 5000 });
    const running = sandbox.run('while :; do :; done', { timeoutMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await sandbox.interrupt?.();
    expect((await running).exitCode).toBe(130);
    await sandbox.interrupt?.();
    const after = await sandbox.run('echo "$KEEP2"', { timeoutMs: 5000 });
    expect(after.output).toBe('yes\n');
  });

  it('survives a runaway loop of builtins by replacing the shell', async () => {
    const r = await sandbox.run('while :; do :; done', { timeoutMs: 500 });
    expect(r.timedOut).toBe(true);
    const next = await sandbox.run('echo alive', { timeoutMs: 5000 });
    expect(next.output).toContain('alive');
  });

  it('keeps background blocks running across later blocks, and a step`s wait does not wait for them', async () => {
    const bg = await sandbox.run('socat TCP-LISTEN:8080,fork,reuseaddr SYSTEM:"echo from-background"', { timeoutMs: 5000, background: true });
    expect(bg.exitCode).toBe(0);
    const r = await sandbox.run('sleep 0.2 & wait; nc -w 2 127.0.0.1 8080 </dev/null', { timeoutMs: 5000 });
    expect(r.output).toContain('from-background');
  });

  it('reports a background block that fails at once', async () => {
    const r = await sandbox.run('echo cannot start >&2; exit 3', { timeoutMs: 5000, background: true });
    expect(r.exitCode).toBe(3);
    expect(r.output).toContain('cannot start');
  });

  it('counts a background block with ready= as started once its output shows the text, not before', async () => {
    const started = performance.now();
    // socat itself says "listening on" (-d -d) once its socket listens: the text is the server's, not a guess.
    const bg = await sandbox.run('sleep 0.4; socat -d -d TCP-LISTEN:8090,fork,reuseaddr SYSTEM:"echo ready-server"', {
      timeoutMs: 5000, background: true, ready: 'listening on',
    });
    expect(bg.exitCode).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
    const r = await sandbox.run('nc -w 2 127.0.0.1 8090 </dev/null', { timeoutMs: 5000 });
    expect(r.output).toContain('ready-server');
  });

  it('fails a ready= background block that never shows its text, or ends before it does', async () => {
    const slow = await sandbox.run('echo warming up; sleep 30', { timeoutMs: 500, background: true, ready: 'listening on' });
    expect(slow).toMatchObject({ exitCode: 1, timedOut: true });
    expect(slow.output).toContain('warming up');
    expect(slow.output).toContain('did not show "listening on" within 0.5 s');
    const ended = await sandbox.run('echo bye', { timeoutMs: 5000, background: true, ready: 'listening on' });
    expect(ended).toMatchObject({ exitCode: 1, timedOut: false });
    expect(ended.output).toContain('ended (status 0) before its output showed "listening on"');
  });

  it('builds the lab world: uplink, default route, simulated internet with its web server', async () => {
    const r = await sandbox.run('ip -br addr show eth0; ip route show default; curl -s -m 3 http://198.51.100.10/hi', { timeoutMs: 10000 });
    expect(r.output).toContain('203.0.113.2/24');
    expect(r.output).toContain('default via 203.0.113.1 dev eth0');
    expect(r.output).toContain('you asked for /hi from 203.0.113.2');
    const list = await sandbox.run('ip netns list | wc -l', { timeoutMs: 5000 });
    expect(list.output.trim()).toBe('0');
  });

  it('lets ip netns add work in a private /run, and tcpdump capture', async () => {
    const r = await sandbox.run(
      'ip netns add red && ip netns list\ntimeout 3 tcpdump -lni eth0 -c 1 icmp > /tmp/cap.txt 2>&1 &\nsleep 0.5; ping -c 1 -W 1 198.51.100.10 >/dev/null; wait; cat /tmp/cap.txt',
      { timeoutMs: 10000 },
    );
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain('red');
    expect(r.output).toMatch(/203\.0\.113\.2 > 198\.51\.100\.10: ICMP echo request/);
  });

  it('probes in a shell of its own, never the learner`s', async () => {
    await sandbox.run('PROBE_ME=learner', { timeoutMs: 5000 });
    const r = await sandbox.probe('echo "[$PROBE_ME]"; ip netns list');
    expect(r.output).toContain('[]');
  });

  it('reads in a plain sh of its own: the lab`s PATH, the C locale, errors in order with the output, stdin never the next block`s, and a new one after a syntax error', async () => {
    await sandbox.run('READ_ME=learner', { timeoutMs: 5000 });
    const r = await sandbox.read('echo "[${READ_ME-}] $LC_ALL"; command -v ip; readlink /proc/$$/exe; echo one; echo two >&2; cat; echo three; false');
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe(`[] C\n${(await sandbox.read('command -v ip')).output}${await realpath('/bin/sh')}\none\ntwo\nthree\n`);
    // The lab's PATH, as the lesson's shell has it: the stand-ins first, the sbin folders in (an ordinary
    // user's login PATH on Debian has none; `ip` may still resolve in /usr/bin, merged /usr has it there too).
    const path = (await sandbox.read('echo "$PATH"')).output;
    expect(path).toBe((await sandbox.run('echo "$PATH"', { timeoutMs: 5000 })).output);
    expect(path).toMatch(/^\/run\/steplab\/bin:.*(^|:)\/usr\/sbin(:|\n)/);
    const broken = await sandbox.read('if then');
    expect(broken.exitCode).not.toBe(0);
    expect((await sandbox.read('echo again')).output).toBe('again\n');
  });

  it('runs the lab`s tools with English messages whatever the learner`s locale, as lessons quote and check them; the reader in the C locale', async () => {
    // A Chinese learner's environment: glibc's messages (strerror) come out in Chinese under it ("拒绝连接").
    const saved = { LANG: process.env.LANG, LANGUAGE: process.env.LANGUAGE };
    Object.assign(process.env, { LANG: 'C.UTF-8', LANGUAGE: 'zh_CN:zh' });
    let chinese: Sandbox;
    try {
      chinese = await startSandbox(localTarget(), { world: 'none' });
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
    await using _ = chinese;
    const refused = "bash -c 'exec 3<>/dev/tcp/127.0.0.1/1'";
    expect((await chinese.read(refused)).output).toContain('Connection refused');
    expect((await chinese.run(refused, { timeoutMs: 5000 })).output).toContain('Connection refused');
    expect((await chinese.probe(refused)).output).toContain('Connection refused');
    // The learner's character set stays in the lesson's shell.
    expect((await chinese.run('echo "$LANG ${LANGUAGE-unset}"', { timeoutMs: 5000 })).output).toBe('C.UTF-8 unset\n');
  });

  it('gives up a reader whose block outlives its timeout (it has no watchdog), and reads on in a new one', async () => {
    const late = await sandbox.read('echo started; sleep 2; echo late', 300);
    expect(late).toMatchObject({ exitCode: 137, timedOut: true });
    expect(late.output).toContain('started');
    expect(late.durationMs).toBeLessThan(1500);
    expect(await sandbox.read('echo next')).toMatchObject({ exitCode: 0, output: 'next\n' });
  });

  it('runs the whole lab on one CPU, and a second sandbox beside it on another (on a VM with two or more)', async () => {
    const allowed = async (sb: Sandbox, shell: 'run' | 'probe' | 'read'): Promise<string> => {
      const code = 'while read -r k v; do [ "$k" = Cpus_allowed_list: ] && echo "$v"; done < /proc/$$/status';
      return (shell === 'run' ? await sb.run(code, { timeoutMs: 5000 }) : await sb[shell](code)).output.trim();
    };
    const cpus = (await readFile('/proc/self/status', 'utf8')).match(/^Cpus_allowed_list:\s*(\S+)/m)?.[1] ?? '';
    const vm = /^flags\s*:.* hypervisor( |$)/m.test(await readFile('/proc/cpuinfo', 'utf8'));
    const lesson = await allowed(sandbox, 'run');
    if (!vm || /^\d+$/.test(cpus) || !(await commandExists('taskset'))) {
      expect(lesson).toBe(cpus);
      return;
    }
    expect(lesson).toMatch(/^\d+$/);
    expect(await allowed(sandbox, 'probe')).toBe(lesson);
    expect(await allowed(sandbox, 'read')).toBe(lesson);
    await using beside = await startSandbox(localTarget(), { world: 'none' });
    const other = await allowed(beside, 'read');
    expect(other).toMatch(/^\d+$/);
    expect(other).not.toBe(lesson);
  });

  it('leaves the host exactly as it was, and no process behind', async () => {
    // A sandbox of its own, so the host is read just before it starts, not a minute earlier: on a machine shared with
    // other work (docker containers coming and going), a long window compares their changes, not the sandbox's.
    const hostBefore = await hostNetworkState();
    const sandbox = await startSandbox(localTarget(), { world: 'internet' });
    await sandbox.run('ip link add br-test type bridge; iptables -t nat -A POSTROUTING -s 172.17.0.0/16 -j MASQUERADE; bash -c "sleep 300; : steplab-test-marker-a" &', {
      timeoutMs: 5000,
    });
    expect(hostChanges(hostBefore, await hostNetworkState()), 'while the sandbox runs').toEqual([]);
    await sandbox.dispose();
    expect(await processesWith('steplab-test-marker-a')).toEqual([]);
    expect(hostChanges(hostBefore, await hostNetworkState()), 'once it is disposed').toEqual([]);
  });
});
