import { describe, expect, it } from 'vitest';
import { evaluate, evaluateAll, snapshotNamespacesFor, type Clock, type EvaluateContext } from '../../../src/assert/evaluate.ts';
import { batchProbes, inNamespace, inNetwork, shellQuote } from '../../../src/assert/probes.ts';
import type { Assertion } from '../../../src/assert/types.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../../../src/process/spawn.ts';
import type { ShellResult } from '../../../src/sandbox/types.ts';
import { fixtureSnapshot } from '../kernel/fixtures.ts';

/** A context whose probe and reader shells answer with canned results (in order) and record the code, and the shell, they were given. */
function context(results: Partial<ShellResult>[] = [], step = { output: '', exitCode: 0 }) {
  const calls: string[] = [];
  const shells: ('probe' | 'read')[] = [];
  let snapshots = 0;
  const shell = (name: 'probe' | 'read') => async (code: string): Promise<ShellResult> => {
    calls.push(code);
    shells.push(name);
    const result = results[calls.length - 1];
    if (!result) throw new Error(`unexpected ${name} call: ${code}`);
    return { exitCode: 0, output: '', timedOut: false, durationMs: 5, ...result };
  };
  const ctx: EvaluateContext = {
    snapshot: async () => {
      snapshots += 1;
      return fixtureSnapshot('docker-bridge');
    },
    probe: shell('probe'),
    read: shell('read'),
    step,
  };
  return { ctx, calls, shells, snapshots: () => snapshots };
}

/** Where batches run in a host bash keep their files (never the host's /tmp). */
const tmp = mkdtempSync(join(tmpdir(), 'steplab-batch-'));

const REPLY = 'PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.081 ms\n\n--- 10.0.0.2 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\n';
const LOST = 'PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.\n\n--- 10.0.0.9 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n';

describe('evaluate: which shell a probe runs in', () => {
  it('sends ping, tcp, http and live sysctl probes to the reader (sh), and sh checks to the probe shell (bash), which has the lesson`s variables', async () => {
    const { ctx, shells } = context([{ output: REPLY }, {}, { output: 'hi' }, { output: '1\n' }, {}]);
    await evaluate({ kind: 'ping', addr: '10.0.0.2', from: undefined, expect: 'succeeds' }, ctx);
    await evaluate({ kind: 'tcp', addr: '10.0.0.2', port: 80, from: undefined, expect: 'open' }, ctx);
    await evaluate({ kind: 'http', url: 'http://10.0.0.2/', from: undefined, text: 'hi' }, ctx);
    await evaluate({ kind: 'sysctl', key: 'net.ipv4.tcp_syncookies', ns: undefined, value: '1' }, ctx);
    await evaluate({ kind: 'sh', command: 'true', ns: undefined, expect: 'succeeds' }, ctx);
    expect(shells).toEqual(['read', 'read', 'read', 'read', 'probe']);
  });
});

describe('evaluate: ping', () => {
  it('pings until a reply (a packet every 0.2 s, 2 s in all), from the named namespace, in one process and no subshell', async () => {
    const { ctx, calls } = context([{ output: REPLY }]);
    const result = await evaluate({ kind: 'ping', addr: '10.0.0.2', from: 'red', expect: 'succeeds' }, ctx);
    expect(result).toEqual({ passed: true, message: 'ping 10.0.0.2 from red succeeds (reply in 0.081 ms)' });
    expect(calls).toEqual([`${inNetwork('red')}ping -c 1 -i 0.2 -w 2 10.0.0.2`]);
    expect(inNetwork('red')).toBe("{ [ -e /run/netns/red ] || { printf 'Cannot open network namespace \"%s\": No such file or directory\\n' red; false; }; } && nsenter --net=/run/netns/red ");
  });

  it('reports the loss when no packet was answered in its time', async () => {
    const { ctx } = context([{ exitCode: 1, output: LOST }]);
    expect(await evaluate({ kind: 'ping', addr: '10.0.0.9', from: undefined, expect: 'succeeds' }, ctx)).toEqual({
      passed: false, message: 'ping 10.0.0.9 fails (100% packet loss in 2 s); expected it to succeed',
    });
  });

  it('pings once, from the world, when the ping must fail', async () => {
    const { ctx, calls } = context([{ exitCode: 2, output: 'ping: connect: Network is unreachable\n' }]);
    expect(await evaluate({ kind: 'ping', addr: '172.17.0.2', from: 'world', expect: 'fails' }, ctx)).toEqual({
      passed: true, message: 'ping 172.17.0.2 from world fails (ping: connect: Network is unreachable)',
    });
    expect(calls).toEqual(['nsenter --net=/run/steplab/world ping -c 1 -W 0.5 172.17.0.2']);
  });

  it('fails a ping that must fail but got a reply', async () => {
    const { ctx } = context([{ output: REPLY }]);
    expect(await evaluate({ kind: 'ping', addr: '10.0.0.2', from: 'blue', expect: 'fails' }, ctx)).toEqual({
      passed: false, message: 'ping 10.0.0.2 from blue succeeds (reply in 0.081 ms); expected it to fail',
    });
  });

  it('does not count a namespace that cannot be entered as a failed ping', async () => {
    const { ctx } = context([{ exitCode: 1, output: 'Cannot open network namespace "nope": No such file or directory\n' }]);
    expect(await evaluate({ kind: 'ping', addr: '10.0.0.2', from: 'nope', expect: 'fails' }, ctx)).toEqual({
      passed: false, message: 'ping 10.0.0.2 from nope could not run: Cannot open network namespace "nope": No such file or directory',
    });
  });
});

describe('evaluate: tcp', () => {
  const open: Assertion = { kind: 'tcp', addr: '172.17.0.2', port: 80, from: 'c2', expect: 'open' };
  const closed: Assertion = { kind: 'tcp', addr: '172.17.0.2', port: 81, from: undefined, expect: 'closed' };

  it('connects with bash /dev/tcp under timeout', async () => {
    const { ctx, calls } = context([{}]);
    expect(await evaluate(open, ctx)).toEqual({ passed: true, message: 'tcp 172.17.0.2:80 from c2 is open (connection accepted)' });
    expect(calls).toEqual([`${inNetwork('c2')}timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' 172.17.0.2 80`]);
  });

  it('waits a lab-sized time for a port that must be closed, and as long as the check says with waiting', async () => {
    const quick = context([{ exitCode: 124 }]);
    expect(await evaluate(closed, quick.ctx)).toMatchObject({ passed: true, message: expect.stringContaining('no answer within 0.5 s') });
    expect(quick.calls[0]).toContain("timeout 0.5 bash -c");
    const slow = context([{ exitCode: 124 }]);
    await evaluate({ ...closed, waitMs: 3000 }, slow.ctx);
    expect(slow.calls[0]).toContain("timeout 3 bash -c");
  });

  it('tells a refused port (closed) from one that never answers (filtered)', async () => {
    const refused = context([{ exitCode: 1, output: 'bash: connect: Connection refused\nbash: line 1: /dev/tcp/172.17.0.2/81: Connection refused\n' }]);
    expect(await evaluate(closed, refused.ctx)).toEqual({
      passed: true, message: 'tcp 172.17.0.2:81 is closed (connection refused: nothing listens on that port, or a firewall rejects it)',
    });
    const filtered = context([{ exitCode: 124 }]);
    expect(await evaluate(open, filtered.ctx)).toEqual({
      passed: false,
      message: 'tcp 172.17.0.2:80 from c2 is closed (filtered: no answer within 2 s, so a firewall drops the packets or nothing answers at that address); expected open',
    });
  });

  it('names an unreachable network, and fails a port expected closed that accepted', async () => {
    const unreachable = context([{ exitCode: 1, output: 'bash: connect: Network is unreachable\nbash: line 1: /dev/tcp/172.17.0.2/80: Network is unreachable\n' }]);
    expect((await evaluate(open, unreachable.ctx)).message).toBe(
      'tcp 172.17.0.2:80 from c2 is closed (unreachable: bash: line 1: /dev/tcp/172.17.0.2/80: Network is unreachable); expected open',
    );
    const accepted = context([{}]);
    expect(await evaluate(closed, accepted.ctx)).toEqual({ passed: false, message: 'tcp 172.17.0.2:81 is open (connection accepted); expected closed' });
  });
});

describe('evaluate: http', () => {
  const assertion: Assertion = { kind: 'http', url: 'http://198.51.100.10/', from: 'c1', text: 'Hello' };

  it('passes when the body contains the text', async () => {
    const { ctx, calls } = context([{ output: '<h1>Hello from the world</h1>\n' }]);
    expect(await evaluate(assertion, ctx)).toEqual({ passed: true, message: 'http http://198.51.100.10/ from c1 contains "Hello"' });
    expect(calls).toEqual([`${inNetwork('c1')}curl -sS -m 3 http://198.51.100.10/`]);
  });

  it('shows the start of what came back', async () => {
    const { ctx } = context([{ output: '<html>\n  <body>It works</body>\n</html>\n' }]);
    expect(await evaluate(assertion, ctx)).toEqual({
      passed: false, message: 'http http://198.51.100.10/ from c1 returned "<html> <body>It works</body> </html>"; expected it to contain "Hello"',
    });
  });

  it("shows curl's error", async () => {
    const { ctx } = context([{ exitCode: 28, output: 'curl: (28) Connection timed out after 3001 milliseconds\n' }]);
    expect(await evaluate(assertion, ctx)).toEqual({
      passed: false, message: 'http http://198.51.100.10/ from c1 failed (curl: (28) Connection timed out after 3001 milliseconds); expected it to contain "Hello"',
    });
  });
});

describe('evaluate: sh', () => {
  it('runs the command quoted, in the namespace, and reports its exit status', async () => {
    const { ctx, calls } = context([{ output: 'hi\n' }]);
    const command = `echo 'hi' | grep "h"`;
    expect(await evaluate({ kind: 'sh', command, ns: 'red', expect: 'succeeds' }, ctx)).toEqual({ passed: true, message: `sh "${command}" in red exited 0` });
    expect(calls).toEqual([`( set -a; . /run/steplab/lesson-vars.sh 2>/dev/null; set +a; ip netns exec red sh -c 'echo '\\''hi'\\'' | grep "h"' )`]);
  });

  it('shows the exit status and the tail of the output when it went the other way', async () => {
    const failed = context([{ exitCode: 3, output: 'one\ntwo\nthree\nfour\n' }]);
    expect(await evaluate({ kind: 'sh', command: 'test -e /x', ns: undefined, expect: 'succeeds' }, failed.ctx)).toEqual({
      passed: false, message: 'sh "test -e /x" exited 3; expected success (output ends: "two | three | four")',
    });
    const succeeded = context([{}]);
    expect(await evaluate({ kind: 'sh', command: 'true', ns: undefined, expect: 'fails' }, succeeded.ctx)).toEqual({
      passed: false, message: 'sh "true" exited 0; expected it to fail (no output)',
    });
    const timedOut = context([{ exitCode: 124, timedOut: true, durationMs: 10000 }]);
    expect(await evaluate({ kind: 'sh', command: 'sleep 60', ns: undefined, expect: 'fails' }, timedOut.ctx)).toEqual({
      passed: true, message: 'sh "sleep 60" timed out after 10000 ms',
    });
  });
});

describe('evaluate: how long probes wait', () => {
  it('gives ping fails a lab-sized wait, ping succeeds 2 s in whole seconds, and waiting overrides both', async () => {
    const fails = context([{ exitCode: 1, output: LOST }]);
    await evaluate({ kind: 'ping', addr: '10.0.0.9', from: undefined, expect: 'fails' }, fails.ctx);
    expect(fails.calls).toEqual(['ping -c 1 -W 0.5 10.0.0.9']);
    const waited = context([{ exitCode: 1, output: LOST }]);
    await evaluate({ kind: 'ping', addr: '10.0.0.9', from: undefined, expect: 'fails', waitMs: 2000 }, waited.ctx);
    expect(waited.calls).toEqual(['ping -c 1 -W 2 10.0.0.9']);
    const longer = context([{ exitCode: 1, output: LOST }]);
    await evaluate({ kind: 'ping', addr: '10.0.0.9', from: undefined, expect: 'succeeds', waitMs: 2500 }, longer.ctx);
    expect(longer.calls).toEqual(['ping -c 1 -i 0.2 -w 3 10.0.0.9']);
    const short = context([{ exitCode: 1, output: LOST }]);
    expect(await evaluate({ kind: 'ping', addr: '10.0.0.9', from: undefined, expect: 'succeeds', waitMs: 500 }, short.ctx)).toMatchObject({ message: 'ping 10.0.0.9 fails (100% packet loss in 0.5 s); expected it to succeed' });
    expect(short.calls).toEqual(['ping -c 1 -W 0.5 10.0.0.9']);
    const http = context([{ output: 'x' }]);
    await evaluate({ kind: 'http', url: 'http://10.0.0.2/', from: undefined, text: 'x', waitMs: 250 }, http.ctx);
    expect(http.calls).toEqual(['curl -sS -m 0.25 http://10.0.0.2/']);
  });
});

/** A clock that only moves when the code under test sleeps. */
function fakeClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms) => { slept.push(ms); t += ms; } };
}

describe('evaluateAll', () => {
  it('retries only the within check that failed, until it holds', async () => {
    const { ctx, calls, snapshots } = context([{ exitCode: 1, output: 'refused' }, { exitCode: 1, output: 'refused' }, {}]);
    const clock = fakeClock();
    const results = await evaluateAll([
      { assertion: { kind: 'tcp', addr: '127.0.0.1', port: 80, from: undefined, expect: 'open' }, withinMs: 5000 },
      { assertion: { kind: 'netns', name: 'c1', expect: 'exists' } },
    ], ctx, clock);
    expect(results.map((r) => r.passed)).toEqual([true, true]);
    expect(calls).toHaveLength(3);
    expect(clock.slept).toEqual([20, 40]);
    expect(snapshots()).toBe(1);
  });

  it('reads a fresh snapshot for each retry of a state check', async () => {
    let n = 0;
    const base = fixtureSnapshot('docker-bridge');
    const ctx: EvaluateContext = {
      // The namespace c1 appears in the third snapshot.
      snapshot: async () => (++n < 3 ? { namespaces: base.namespaces.filter((ns) => ns.name !== 'c1') } : base),
      probe: async () => { throw new Error('no probe expected'); },
      read: async () => { throw new Error('no probe expected'); },
      step: { output: '', exitCode: 0 },
    };
    const results = await evaluateAll([{ assertion: { kind: 'netns', name: 'c1', expect: 'exists' }, withinMs: 2000 }], ctx, fakeClock());
    expect(results).toEqual([{ passed: true, message: 'netns c1 exists' }]);
    expect(n).toBe(3);
  });

  it('gives up when the time is up and says for how long it tried; a check without within is evaluated once', async () => {
    const { ctx, calls } = context(Array.from({ length: 50 }, () => ({ exitCode: 1, output: 'refused' })));
    const clock = fakeClock();
    const results = await evaluateAll([
      { assertion: { kind: 'tcp', addr: '127.0.0.1', port: 80, from: undefined, expect: 'open' }, withinMs: 1000 },
      { assertion: { kind: 'netns', name: 'nope', expect: 'exists' } },
    ], ctx, clock);
    expect(results[0]).toEqual({ passed: false, message: expect.stringMatching(/^tcp 127\.0\.0\.1:80 is closed .*; expected open \(still so after 1 s\)$/) });
    expect(results[1]?.passed).toBe(false);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(calls.length).toBeGreaterThan(5);
  });

  /**
   * A context whose probe shell is a host bash and whose reader is a host sh, as in the sandbox, recording
   * each call (which shell, which code) and when the snapshot was read.
   */
  const hostShells = () => {
    const order: string[] = [];
    const calls: string[] = [];
    const shell = (name: 'probe' | 'read', command: string) => async (code: string): Promise<ShellResult> => {
      order.push(name);
      calls.push(code);
      const run = await runCommand(command, ['-c', code], { timeoutMs: 10_000, env: { TMPDIR: tmp } });
      return { exitCode: run.exitCode ?? 1, output: run.stdout + run.stderr, timedOut: false, durationMs: 1 };
    };
    const ctx: EvaluateContext = {
      snapshot: async () => (order.push('snapshot'), fixtureSnapshot('docker-bridge')),
      probe: shell('probe', 'bash'),
      read: shell('read', 'sh'),
      step: { output: '', exitCode: 0 },
    };
    return { ctx, order, calls };
  };

  it('hands the reader`s probes of one round to it together when one waits out its time, an sh check to the probe shell meanwhile, before the snapshot is read', async () => {
    const { ctx, order, calls } = hostShells();
    const results = await evaluateAll([
      { assertion: { kind: 'sh', command: 'sleep 0.2; echo two >&2; exit 3', ns: undefined, expect: 'fails' } },
      { assertion: { kind: 'netns', name: 'c1', expect: 'exists' } },
      { assertion: { kind: 'tcp', addr: '127.0.0.1', port: 1, from: undefined, expect: 'closed' } },
      { assertion: { kind: 'tcp', addr: '127.0.0.1', port: 2, from: undefined, expect: 'open' } },
    ], ctx);
    // One batch for both tcp probes: the reader ran them together (timing is the bench's job, not a test's).
    expect(calls).toHaveLength(2);
    expect(order.at(-1)).toBe('snapshot');
    expect([...order].sort()).toEqual(['probe', 'read', 'snapshot']);
    expect(results.slice(0, 2)).toEqual([
      { passed: true, message: 'sh "sleep 0.2; echo two >&2; exit 3" exited 3' },
      { passed: true, message: 'netns c1 exists' },
    ]);
    expect(results[2]).toMatchObject({ passed: true, message: expect.stringMatching(/^tcp 127\.0\.0\.1:1 is closed/) });
    expect(results[3]).toMatchObject({ passed: false, message: expect.stringMatching(/^tcp 127\.0\.0\.1:2 is closed .*; expected open$/) });
  });

  it('runs probes that answer at once one after another (a batch costs more than it saves), before the snapshot', async () => {
    const { ctx, order, calls } = hostShells();
    const results = await evaluateAll([
      { assertion: { kind: 'sh', command: 'echo one', ns: undefined, expect: 'succeeds' } },
      { assertion: { kind: 'netns', name: 'c1', expect: 'exists' } },
      { assertion: { kind: 'sh', command: 'exit 0', ns: undefined, expect: 'fails' } },
    ], ctx);
    expect(calls).toHaveLength(2);
    expect(order).toEqual(['probe', 'probe', 'snapshot']);
    expect(results).toEqual([
      { passed: true, message: 'sh "echo one" exited 0' },
      { passed: true, message: 'netns c1 exists' },
      { passed: false, message: 'sh "exit 0" exited 0; expected it to fail (no output)' },
    ]);
  });
});

describe('batchProbes', () => {
  it('keeps each probe`s output and status apart, through a real sh', async () => {
    const probe = batchProbes(async (code) => {
      const run = await runCommand('sh', ['-c', code], { timeoutMs: 10_000, env: { TMPDIR: tmp } });
      return { exitCode: run.exitCode ?? 1, output: run.stdout + run.stderr, timedOut: false, durationMs: 1 };
    });
    const [a, b, c] = await Promise.all([probe('( printf "no newline" )'), probe('( echo "two\nlines" ; exit 4 )'), probe('( echo err >&2; false )')]);
    expect(a).toMatchObject({ exitCode: 0, output: 'no newline' });
    expect(b).toMatchObject({ exitCode: 4, output: 'two\nlines\n' });
    expect(c).toMatchObject({ exitCode: 1, output: 'err\n' });
  });
});

describe('evaluate: the step output and exit status', () => {
  const step = { output: 'PING 10.0.0.2\n1 packets transmitted, 1 received\n', exitCode: 1 };

  it('checks output contains and matches, with flags', async () => {
    const { ctx } = context([], step);
    expect(await evaluate({ kind: 'output-contains', text: '1 received' }, ctx)).toEqual({ passed: true, message: 'output contains "1 received"' });
    expect(await evaluate({ kind: 'output-contains', text: '0% loss' }, ctx)).toEqual({
      passed: false, message: 'output does not contain "0% loss" (output ends: "PING 10.0.0.2 | 1 packets transmitted, 1 received")',
    });
    expect(await evaluate({ kind: 'output-matches', pattern: 'ping \\d+\\.\\d+', flags: 'i' }, ctx)).toEqual({ passed: true, message: 'output matches /ping \\d+\\.\\d+/i ("PING 10.0")' });
    expect(await evaluate({ kind: 'output-matches', pattern: '^2 packets', flags: 'm' }, ctx)).toEqual({
      passed: false, message: 'output does not match /^2 packets/m (output ends: "PING 10.0.0.2 | 1 packets transmitted, 1 received")',
    });
    expect((await evaluate({ kind: 'output-matches', pattern: '(', flags: '' }, ctx)).message).toMatch(/^output matches \/\(\/: not a valid regular expression \(/);
  });

  it('checks the exit status, and says when there was no output', async () => {
    const { ctx } = context([], { output: '', exitCode: 1 });
    expect(await evaluate({ kind: 'exit-status', status: 1 }, ctx)).toEqual({ passed: true, message: 'exit status is 1' });
    expect(await evaluate({ kind: 'exit-status', status: 0 }, ctx)).toEqual({ passed: false, message: 'exit status is 1; expected 0' });
    expect(await evaluate({ kind: 'output-contains', text: 'x' }, ctx)).toEqual({ passed: false, message: 'output does not contain "x" (no output)' });
  });
});

describe('evaluate: state', () => {
  it('answers state assertions from the snapshot without probing', async () => {
    const { ctx, calls, snapshots } = context();
    expect(await evaluate({ kind: 'link', name: 'veth-c1', ns: undefined, expect: { is: 'master', master: 'docker0' } }, ctx)).toEqual({
      passed: true, message: 'link veth-c1 has master docker0',
    });
    expect(await evaluate({ kind: 'sysctl', key: 'net.ipv4.ip_forward', ns: 'c1', value: '1' }, ctx)).toEqual({
      passed: false, message: 'sysctl net.ipv4.ip_forward in c1 is 0; expected 1',
    });
    expect(calls).toEqual([]);
    expect(snapshots()).toBe(2);
  });

  it('reads a sysctl that snapshots do not record live, in the namespace', async () => {
    const { ctx, calls } = context([{ output: '1\n' }, { exitCode: 255, output: 'sysctl: cannot stat /proc/sys/net/ipv4/nope: No such file or directory\n' }]);
    expect(await evaluate({ kind: 'sysctl', key: 'net.ipv4.tcp_syncookies', ns: 'c1', value: '1' }, ctx)).toEqual({
      passed: true, message: 'sysctl net.ipv4.tcp_syncookies in c1 is 1',
    });
    expect(await evaluate({ kind: 'sysctl', key: 'net.ipv4.nope', ns: undefined, value: '1' }, ctx)).toEqual({
      passed: false, message: 'sysctl net.ipv4.nope does not exist; expected 1',
    });
    expect(calls).toEqual(['ip netns exec c1 sysctl -n net.ipv4.tcp_syncookies', 'sysctl -n net.ipv4.nope']);
  });

  it('does not probe a live sysctl in a namespace that does not exist', async () => {
    const { ctx, calls } = context();
    expect(await evaluate({ kind: 'sysctl', key: 'net.ipv4.tcp_syncookies', ns: 'c9', value: '1' }, ctx)).toEqual({
      passed: false, message: 'netns c9 does not exist (namespaces: c2, c1)',
    });
    expect(calls).toEqual([]);
  });
});

describe('shellQuote and inNamespace', () => {
  it('round-trips awkward words through a real sh', async () => {
    const words = ["it's", 'a b', '$HOME', '`id`', '"q"', '', 'back\\slash', 'new\nline', '-n'];
    const r = await runCommand('sh', ['-c', `printf '[%s]' ${words.map(shellQuote).join(' ')}`]);
    expect(r.stdout).toBe(words.map((w) => `[${w}]`).join(''));
  });

  it('leaves plain words bare and quotes namespace names', () => {
    expect(shellQuote('10.0.0.1')).toBe('10.0.0.1');
    expect(inNamespace(undefined)).toBe('');
    expect(inNamespace('my ns')).toBe("ip netns exec 'my ns' ");
    expect(inNamespace('world')).toBe('nsenter --net=/run/steplab/world ');
  });
});

describe('snapshotNamespacesFor', () => {
  it('names the namespaces state checks read (a peer check its peer\'s too, iptables the lab host), or every one when a name is a variable', () => {
    const checks: Assertion[] = [
      { kind: 'link', name: 'eth0', ns: 'c1', expect: { is: 'up' } },
      { kind: 'link', name: 'veth-c1', ns: undefined, expect: { is: 'peer', peer: 'eth0', peerNs: 'c1' } },
      { kind: 'route', dest: 'default', via: '203.0.113.1', dev: undefined, ns: 'world' },
      { kind: 'ping', addr: '10.0.0.2', from: 'c9', expect: 'succeeds' },
      { kind: 'iptables-policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' },
    ];
    expect(snapshotNamespacesFor(checks)).toEqual(['netns:c1', 'host:', 'world:world']);
    expect(snapshotNamespacesFor([{ kind: 'link', name: 'eth0', ns: 'c1', expect: { is: 'up' } }])).toEqual(['netns:c1']);
    expect(snapshotNamespacesFor([{ kind: 'iptables-policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' }])).toEqual(['host:']);
    expect(snapshotNamespacesFor([{ kind: 'addr', cidr: '10.0.0.1/24', dev: 'eth0', ns: '$ns', present: true }])).toBeUndefined();
    expect(snapshotNamespacesFor([{ kind: 'netns', name: 'c1', expect: 'exists' }])).toEqual([]);
  });
});
