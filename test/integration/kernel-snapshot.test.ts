// Build a small lab in fresh namespaces, run the real snapshot script and probes there, and check what comes back.

import { describe, expect, it } from 'vitest';
import { evaluate, type EvaluateContext } from '../../src/assert/evaluate.ts';
import type { Assertion, CheckResult } from '../../src/assert/types.ts';
import { snapshotScript } from '../../src/kernel/collect.ts';
import { parseSnapshot } from '../../src/kernel/parse.ts';
import type { Snapshot } from '../../src/kernel/types.ts';
import { runCommand } from '../../src/process/spawn.ts';
import { shellQuote } from '../../src/process/shell-quote.ts';
import type { ShellResult } from '../../src/sandbox/types.ts';
import { missingLabCommands, sandboxUnavailable } from './host-state.ts';

const UNSHARE = ['--user', '--map-root-user', '--net', '--mount', '--pid', '--fork', '--mount-proc'];
const PROBE_MARK = '#~probe~#';

/** A lab: red and blue joined by a veth, a bridge with a port, NAT, and a world with a web server. */
const LAB = String.raw`
set -e
# The sbin folders, as the sandbox's init adds them: an ordinary user's login PATH on Debian has none.
for d in /usr/local/sbin /usr/sbin /sbin; do case ":$PATH:" in *":$d:"*) ;; *) PATH=$PATH:$d ;; esac; done
mount -t tmpfs tmpfs /run; mount -t sysfs sysfs /sys; mount -t tmpfs tmpfs /tmp
mkdir -p /run/steplab; touch /run/steplab/world; unshare --net=/run/steplab/world true
W="nsenter --net=/run/steplab/world"
ip link set lo up
ip netns add red; ip netns add blue
ip link add veth-red netns red type veth peer name veth-blue netns blue
ip -n red addr add 10.0.0.1/24 dev veth-red; ip -n red link set veth-red up; ip -n red link set lo up
ip -n blue addr add 10.0.0.2/24 dev veth-blue; ip -n blue link set veth-blue up
ip link add eth0 type veth peer name eth0 netns /run/steplab/world
$W ip link set lo up; $W ip addr add 198.51.100.10/32 dev lo
$W ip addr add 203.0.113.1/24 dev eth0; $W ip link set eth0 up
ip addr add 203.0.113.2/24 dev eth0; ip link set eth0 up; ip route add default via 203.0.113.1
ip link add br0 type bridge; ip link set br0 up
ip link add veth-c1 type veth peer name eth0 netns red
ip link set veth-c1 master br0 up
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o br0 -j MASQUERADE
$W iptables -A INPUT -p tcp --dport 82 -j DROP
printf '%s\n' 'read -r request' "printf 'HTTP/1.0 200 OK\\r\\nConnection: close\\r\\n\\r\\nHello from the world\\n'" > /tmp/www.sh
$W socat TCP-LISTEN:80,fork,reuseaddr EXEC:'sh /tmp/www.sh' </dev/null >/dev/null 2>&1 &
i=0; until $W ss -Hltn | grep -q ':80 '; do i=$((i + 1)); [ $i -lt 50 ] || exit 9; sleep 0.1; done
set +e
`;

/** A probe's code and the shell it is written for: the reader's sh, or the probe shell's bash. */
interface ProbeCode { readonly shell: 'sh' | 'bash'; readonly code: string }

/** Run the lab, then each probe code (marked, with its status), then the snapshot script, in one sandbox. */
async function runLab(codes: readonly ProbeCode[]): Promise<{ snapshot: Snapshot; results: ShellResult[]; stderr: string }> {
  const run = ({ shell, code }: ProbeCode): string => (shell === 'sh' ? code : `bash -c ${shellQuote(code)}`);
  const probes = codes.map((code, i) => `echo "${PROBE_MARK} ${i}"; { ${run(code)}\n} 2>&1; echo "${PROBE_MARK} rc $?"`).join('\n');
  const script = `${LAB}\n${probes}\necho "${PROBE_MARK} snapshot"\n${snapshotScript()}\n`;
  // sh, as the sandbox's reader shell is: the snapshot script and the ping, tcp and http probes are written for it.
  const r = await runCommand('unshare', [...UNSHARE, 'sh', '-c', script], { timeoutMs: 50_000 });
  const [before = '', after = ''] = r.stdout.split(`${PROBE_MARK} snapshot\n`);
  return { snapshot: parseSnapshot(after), results: probeResults(before), stderr: r.stderr };
}

/** Split the probes' part of the output into one result each: `MARK i`, its output, `MARK rc N`. */
function probeResults(text: string): ShellResult[] {
  const results: ShellResult[] = [];
  let output: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith(`${PROBE_MARK} rc `)) {
      results.push({ exitCode: Number(line.slice(PROBE_MARK.length + 4)), output: output.join('\n'), timedOut: false, durationMs: 0 });
    } else if (line.startsWith(`${PROBE_MARK} `)) output = [];
    else output.push(line);
  }
  return results;
}

const reason = await sandboxUnavailable('the kernel-snapshot integration tests');

describe.skipIf(reason !== undefined)('snapshot and probes on a real kernel', () => {
  const probed: Assertion[] = [
    { kind: 'ping', addr: '10.0.0.2', from: 'red', expect: 'succeeds' },
    { kind: 'ping', addr: '10.0.0.9', from: 'red', expect: 'fails' },
    { kind: 'ping', addr: '198.51.100.10', from: undefined, expect: 'succeeds' },
    { kind: 'tcp', addr: '198.51.100.10', port: 80, from: undefined, expect: 'open' },
    { kind: 'tcp', addr: '198.51.100.10', port: 81, from: undefined, expect: 'closed' },
    { kind: 'tcp', addr: '198.51.100.10', port: 82, from: undefined, expect: 'closed' },
    { kind: 'http', url: 'http://198.51.100.10/', from: undefined, text: 'Hello' },
    { kind: 'http', url: 'http://198.51.100.10:81/', from: undefined, text: 'Hello' },
    { kind: 'sh', command: "ip link show veth-red | grep -q 'state UP'", ns: 'red', expect: 'succeeds' },
    { kind: 'ping', addr: '10.0.0.2', from: 'nowhere', expect: 'fails' },
  ];
  let lab: Awaited<ReturnType<typeof runLab>>;
  const verdicts: CheckResult[] = [];

  it('builds the lab and runs the snapshot script and probes there', async () => {
    expect(await missingLabCommands(), 'the lab needs these commands; ./setup installs them').toEqual([]);
    // First pass: learn the code each probe runs (each probe assertion runs exactly one).
    const codes: ProbeCode[] = [];
    const recording = (shell: ProbeCode['shell']) => async (code: string): Promise<ShellResult> => {
      codes.push({ shell, code });
      return { exitCode: 0, output: '', timedOut: false, durationMs: 0 };
    };
    const recorder: EvaluateContext = {
      snapshot: () => Promise.reject(new Error('no snapshot in the recording pass')),
      probe: recording('bash'),
      read: recording('sh'),
      step: { output: '', exitCode: 0 },
    };
    for (const assertion of probed) await evaluate(assertion, recorder);
    expect(codes).toHaveLength(probed.length);
    lab = await runLab(codes);
    expect(lab.results, lab.stderr).toHaveLength(probed.length);
    // Second pass: replay what each code printed on the real kernel.
    for (const [i, assertion] of probed.entries()) {
      const replayed = async (): Promise<ShellResult> => lab.results[i] as ShellResult;
      const replay: EvaluateContext = { ...recorder, probe: replayed, read: replayed };
      verdicts.push(await evaluate(assertion, replay));
    }
  }, 60_000);

  it('reads every namespace, with peers resolved across them', () => {
    const { snapshot } = lab;
    expect(snapshot.namespaces.map((ns) => ns.kind)).toEqual(['host', 'netns', 'netns', 'world']);
    const red = snapshot.namespaces.find((ns) => ns.name === 'red');
    const host = snapshot.namespaces[0];
    expect(red?.links.find((l) => l.name === 'veth-red')).toMatchObject({
      type: 'veth', up: true, peer: { name: 'veth-blue', ns: 'blue' }, addresses: [{ cidr: '10.0.0.1/24', family: 'inet', scope: 'global' }, { family: 'inet6' }],
    });
    expect(red?.links.find((l) => l.name === 'eth0')?.peer).toEqual({ name: 'veth-c1', ns: undefined });
    expect(host?.links.find((l) => l.name === 'veth-c1')).toMatchObject({ master: 'br0', peer: { name: 'eth0', ns: 'red' } });
    expect(host?.links.find((l) => l.name === 'eth0')?.peer).toEqual({ name: 'eth0', ns: 'world' });
    expect(host?.routes).toContainEqual(expect.objectContaining({ dst: 'default', gateway: '203.0.113.1', dev: 'eth0', table: 'main' }));
    expect(host?.iptables['nat']?.['POSTROUTING']?.rules.map((r) => r.spec)).toEqual(['-s 172.17.0.0/16 ! -o br0 -j MASQUERADE']);
    const world = snapshot.namespaces[3];
    expect(world?.iptables['filter']?.['INPUT']?.rules.map((r) => r.spec)).toEqual(['-p tcp -m tcp --dport 82 -j DROP']);
    expect(world?.listening).toContainEqual({ proto: 'tcp', local: '0.0.0.0:80', process: 'socat' });
    expect(host?.sysctls['net.ipv4.ip_forward']).toMatch(/^[01]$/);
  });

  it('gets the verdict each probe should have on that kernel', () => {
    expect(verdicts.map((v) => v.passed)).toEqual([true, true, true, true, true, true, true, false, true, false]);
    expect(verdicts[1]?.message).toMatch(/^ping 10\.0\.0\.9 from red fails \(/);
    expect(verdicts[4]?.message).toBe('tcp 198.51.100.10:81 is closed (connection refused: nothing listens on that port, or a firewall rejects it)');
    expect(verdicts[5]?.message).toMatch(/^tcp 198\.51\.100\.10:82 is closed \(filtered: no answer within [\d.]+ s/);
    expect(verdicts[7]?.message).toMatch(/^http http:\/\/198\.51\.100\.10:81\/ failed \(curl: \(7\) Failed to connect/);
    expect(verdicts[9]?.message).toMatch(/^ping 10\.0\.0\.2 from nowhere could not run: Cannot open network namespace "nowhere"/);
  });
});
