// npm run bench: figures measured side by side in one run, printed as a Markdown table.
//   1. one snapshot of a lab with 10 namespaces and 2 bridges, against the bare ip/iptables reads it is built from;
//   2. per target: time to a ready sandbox, per-step overhead against the same command run directly, the course's verify time.
//   3. the course under the Docker oracle (verify --against docker), per engine.
// Usage: node bench/run.ts [--targets sandbox,docker,vagrant] [--rounds N] [--no-course] [--no-oracle]

import { parseArgs } from 'node:util';
import { takeSnapshot } from '../src/kernel/snapshot.ts';
import { snapshotScript } from '../src/kernel/collect.ts';
import { parseSnapshot } from '../src/kernel/parse.ts';
import { startSandbox } from '../src/sandbox/sandbox.ts';
import type { Sandbox } from '../src/sandbox/types.ts';
import type { Target } from '../src/target/types.ts';
import { openTarget, parseTargetChoice } from '../src/cli/targets.ts';
import { runCommand } from '../src/process/spawn.ts';

const { values } = parseArgs({ options: { targets: { type: 'string' }, rounds: { type: 'string' }, 'no-course': { type: 'boolean' }, 'no-oracle': { type: 'boolean' } } });
const rounds = Number(values.rounds ?? 15);
const targets = (values.targets ?? 'sandbox,docker,vagrant').split(',');

/** Median of a list of milliseconds. */
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
/** Time an async function `rounds` times (after one warm-up); the median in ms. */
async function time(fn: () => Promise<unknown>, n = rounds): Promise<number> {
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}
const ms = (x: number): string => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

const LAB = `
ip link add docker0 type bridge && ip addr add 172.17.0.1/16 dev docker0 && ip link set docker0 up
ip link add br-net2 type bridge && ip addr add 172.18.0.1/16 dev br-net2 && ip link set br-net2 up
for i in 1 2 3 4 5 6 7 8 9 10; do
  ip netns add c$i
  if [ $i -le 5 ]; then br=docker0; net=17; else br=br-net2; net=18; fi
  ip link add veth-c$i type veth peer name eth0 netns c$i
  ip link set veth-c$i master $br up
  ip -n c$i addr add 172.$net.0.$((i + 1))/16 dev eth0
  ip -n c$i link set eth0 up; ip -n c$i link set lo up
  ip -n c$i route add default via 172.$net.0.1
done
sysctl -qw net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
iptables -t nat -A POSTROUTING -s 172.18.0.0/16 ! -o br-net2 -j MASQUERADE
iptables -t nat -N DOCKER; iptables -t nat -A DOCKER ! -i docker0 -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
ip netns exec c1 ping -c 2 -i 0.2 172.17.0.3 >/dev/null
`;

// The bare reads a snapshot is made of, one command at a time, as a person would type them.
const BARE = `
for ns in "" $(ip netns list | awk '{print $1}') world; do
  if [ -z "$ns" ]; then x=""; elif [ "$ns" = world ]; then x="nsenter --net=/run/steplab/world"; else x="ip netns exec $ns"; fi
  $x ip -j -d link show >/dev/null; $x ip -j addr show >/dev/null; $x ip -j route show table all >/dev/null
  $x iptables-save -c >/dev/null 2>&1; $x bridge -j fdb show >/dev/null
  $x sysctl -n net.ipv4.ip_forward net.ipv4.conf.all.route_localnet net.ipv4.ip_local_port_range >/dev/null 2>&1
  $x ss -Hltnu >/dev/null
done
`;

async function snapshotFigures(target: Target): Promise<string[]> {
  const sandbox = await startSandbox(target, { world: 'internet' });
  try {
    const lab = await sandbox.run(LAB, { timeoutMs: 60_000 });
    if (lab.exitCode !== 0) throw new Error(`building the bench lab failed:\n${lab.output}`);
    const text = (await sandbox.probe(snapshotScript())).output;
    const snap = parseSnapshot(text);
    const whole = await time(() => takeSnapshot((c) => sandbox.probe(c)));
    const bare = await time(() => sandbox.probe(BARE));
    const parse = await time(async () => parseSnapshot(text), rounds * 4);
    return [
      `| snapshot of ${snap.namespaces.length} namespaces (10 containers, lab host, world), 2 bridges | ${ms(whole)} | ${ms(bare)} | ${(whole / bare).toFixed(2)} |`,
      `| of which parsing in Node (${(text.length / 1024).toFixed(0)} KiB of output) | ${ms(parse)} | | |`,
    ];
  } finally {
    await sandbox.dispose();
  }
}

async function targetFigures(name: string): Promise<string> {
  let target: Target;
  const opened = performance.now();
  try {
    target = await openTarget(parseTargetChoice(name));
  } catch (error) {
    return `| ${name} | n/a: ${(error as Error).message.split('\n')[0]} | | | | |`;
  }
  const openMs = performance.now() - opened;
  try {
    const ready = await time(async () => (await startSandbox(target, { world: 'internet' })).dispose(), Math.min(rounds, 8));
    const sandbox: Sandbox = await startSandbox(target, { world: 'internet' });
    let step: number;
    let direct: number;
    try {
      step = await time(() => sandbox.run('ip -br link', { timeoutMs: 10_000 }));
      // The same command started directly on the target, the way a person at its prompt would.
      direct = await time(async () => {
        const p = target.spawn(['ip', '-br', 'link']);
        p.stdin.end();
        p.stdout.resume();
        p.stderr.resume();
        await p;
      });
    } finally {
      await sandbox.dispose();
    }
    let course = 'not run';
    if (!values['no-course']) {
      const t = performance.now();
      const r = await runCommand(process.execPath, ['bin/steplab.js', 'verify', 'lessons', '--target', name, '--no-changes', '--jobs', '2'], { timeoutMs: 1_800_000, env: { CI: 'true' } });
      course = `${ms(performance.now() - t)} (${r.stdout.trimEnd().split('\n').at(-1)})`;
    }
    return `| ${name} | ${ms(openMs)} | ${ms(ready)} | ${ms(step)} vs ${ms(direct)} (×${(step / direct).toFixed(2)}) | ${course} |`;
  } finally {
    await target.dispose();
  }
}

const local = await openTarget('sandbox');
console.log(`steplab bench: ${rounds} rounds, medians, one run on ${process.platform} ${process.arch}, Node ${process.version}\n`);
console.log('| what | one snapshot | bare reads | ratio |\n| --- | --- | --- | --- |');
for (const line of await snapshotFigures(local)) console.log(line);
console.log('\n| target | target start | sandbox ready (start + dispose) | one step `ip -br link`: in the lesson shell vs started directly | whole course, verify --jobs 2 |\n| --- | --- | --- | --- | --- |');
for (const name of targets) console.log(await targetFigures(name));

// 3. The Docker oracle: the course under `verify --against docker` on the sandbox target, for each engine
//    found (the machine's own, and STEPLAB_DOCKER_ENGINE's when set). Skipped with --no-course or --no-oracle.
if (!values['no-course'] && !values['no-oracle']) {
  console.log('\n| Docker oracle on the sandbox target | engine | whole course, verify --against docker --jobs 2 | steps |\n| --- | --- | --- | --- |');
  const engines = [undefined, process.env.STEPLAB_DOCKER_ENGINE].filter((dir, i) => i === 0 || (dir !== undefined && dir !== ''));
  for (const dir of engines) {
    const t = performance.now();
    const args = ['bin/steplab.js', 'verify', '--against', 'docker', 'lessons', '--jobs', '2', ...(dir ? ['--engine', dir] : [])];
    const r = await runCommand(process.execPath, args, { timeoutMs: 1_800_000, env: { CI: 'true', STEPLAB_DOCKER_ENGINE: '' } });
    const version = /Verifying against Docker (\S+)/.exec(r.stderr)?.[1] ?? `n/a: ${r.stderr.trim().split('\n').at(-1) ?? ''}`;
    const lines = r.stdout.trimEnd().split('\n');
    const counts = lines.at(-1) ?? '';
    const verdict = lines.find((l) => /^\d+ passed, \d+ failed$/.test(l)) ?? '';
    console.log(`| ${dir ?? 'PATH'} | ${version} | ${ms(performance.now() - t)} (${verdict}) | ${counts} |`);
  }
}
