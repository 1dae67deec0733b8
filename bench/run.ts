// npm run bench: figures measured side by side in one run, printed as Markdown tables.
//   1. verify of lessons 01 and 03 against the same commands as one plain script in a fresh sandbox;
//   2. the step overhead (a step's time less its blocks') over the whole course, one lesson at a time and two side by side: median and 95th percentile;
//   3. one snapshot of 12 namespaces against one reader process per namespace;
//   4. per target: sandbox ready, one step against the command started directly, the course under verify --jobs 2 with its peak RSS;
//   5. the CLI's first screen (the lesson picker in a terminal), with an empty cache and a warm one, and the machine's load;
//   6. the course under the Docker oracle (verify --against docker), per engine;
//   7. the workshop room with 30 learners: events a second, the dashboard's update delay (bench/room.ts).
// Usage: node bench/run.ts [--targets sandbox,docker,vagrant] [--rounds N] [--no-course] [--course-targets sandbox] [--no-oracle]
//   --no-course leaves out the course under plain verify (4), not the oracle (6); STEPLAB_DOCKER_ENGINE=DIR adds a second engine to 6.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { takeSnapshot } from '../src/kernel/snapshot.ts';
import { snapshotScript } from '../src/kernel/collect.ts';
import { parseSnapshot } from '../src/kernel/parse.ts';
import { loadCourse } from '../src/course/load.ts';
import type { CommandBlock, Lesson } from '../src/lesson/types.ts';
import { startSandbox } from '../src/sandbox/sandbox.ts';
import type { Sandbox } from '../src/sandbox/types.ts';
import type { Target } from '../src/target/types.ts';
import { openTarget, parseTargetChoice } from '../src/cli/targets.ts';
import { runCommand } from '../src/process/spawn.ts';
import { shellQuote } from '../src/process/shell-quote.ts';
import { roomFigures } from './room.ts';
import { distIsCurrent } from '../bin/build-stamp.js';

const { values } = parseArgs({
  options: { targets: { type: 'string' }, rounds: { type: 'string' }, 'no-course': { type: 'boolean' }, 'course-targets': { type: 'string' }, 'no-oracle': { type: 'boolean' } },
});
const rounds = Number(values.rounds ?? 10);
const targets = (values.targets ?? 'sandbox,docker,vagrant').split(',');
// The course takes a minute a target; on a shared machine run it only where asked (default: every target).
const courseTargets = (values['course-targets'] ?? targets.join(',')).split(',');

/** The p-th percentile (0–100) of a list of milliseconds, nearest rank. */
const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
};
const median = (xs: readonly number[]): number => percentile(xs, 50);
/** Time an async function `n` times (after one warm-up); the median in ms. */
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
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');

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

// The physical floor: one reader process per namespace, one after the other, as a person would type them.
const ONE_READER = `
printf 'addr show\\nroute show table all\\n' > /tmp/.bench-batch
ip -j -d -b /tmp/.bench-batch >/dev/null
for ns in $(ip netns list | awk '{print $1}'); do ip -n "$ns" -j -d -b /tmp/.bench-batch >/dev/null; done
nsenter --net=/run/steplab/world ip -j -d -b /tmp/.bench-batch >/dev/null
`;

async function snapshotFigures(target: Target): Promise<string[]> {
  const sandbox = await startSandbox(target, { world: 'internet' });
  try {
    const lab = await sandbox.run(LAB, { timeoutMs: 60_000 });
    if (lab.exitCode !== 0) throw new Error(`building the bench lab failed:\n${lab.output}`);
    // steplab reads in its reader shell (sh); the floor is typed in bash, as a person would.
    const text = (await sandbox.read(snapshotScript())).output;
    const snap = parseSnapshot(text);
    const read = (c: string) => sandbox.read(c);
    const whole = await time(() => takeSnapshot(read));
    const ipOnly = await time(() => takeSnapshot(read, ['ip']));
    const floor = await time(() => sandbox.probe(ONE_READER));
    const parse = await time(async () => parseSnapshot(text), rounds * 4);
    return [
      `| whole snapshot of ${snap.namespaces.length} namespaces (10 containers, lab host, world), 2 bridges: links, routes, iptables, fdb, sysctls, sockets | ${ms(whole)} | ${ms(floor)} | ${(whole / floor).toFixed(2)} |`,
      `| the same, links and routes only (what most checks read) | ${ms(ipOnly)} | ${ms(floor)} | ${(ipOnly / floor).toFixed(2)} |`,
      `| of which parsing in Node (${(text.length / 1024).toFixed(0)} KiB of output) | ${ms(parse)} | | |`,
    ];
  } finally {
    await sandbox.dispose();
  }
}

/** A lesson's blocks as one plain bash script: what verify runs, without steplab around it. */
function plainScript(lesson: Lesson): string {
  const blocks: CommandBlock[] = [
    ...lesson.setup,
    ...lesson.steps.flatMap((s) => [...s.setup, ...(s.challenge ? s.solution : s.commands), ...s.cleanup]),
    ...lesson.cleanup,
  ];
  return blocks.map((b, i) => {
    if (!b.background) return `( ${b.code}\n) || :`;
    const log = `/tmp/.bench-bg-${i}`;
    const wait = b.ready === undefined ? '' : `\ntimeout 10 tail -f ${log} | grep -q -F ${shellQuote(b.ready)}`;
    return `( ${b.code}\n) >${log} 2>&1 </dev/null &${wait}`;
  }).join('\n');
}

/** verify of one lesson (the CLI, start to end) against its commands as one script in a fresh sandbox. */
async function lessonRatio(target: Target, lesson: Lesson, n: number): Promise<string> {
  const script = plainScript(lesson);
  const bare = await time(async () => {
    const sandbox = await startSandbox(target, { world: lesson.world });
    try {
      await sandbox.run(script, { timeoutMs: 120_000 });
    } finally {
      await sandbox.dispose();
    }
  }, n);
  let status = '';
  const verify = await time(async () => {
    const r = await runCommand(process.execPath, ['bin/steplab.js', 'verify', lesson.file, '--target', target.name], { timeoutMs: 300_000, env: { CI: 'true' } });
    status = r.exitCode === 0 ? 'passed' : `FAILED (exit ${r.exitCode})`;
  }, n);
  return `| ${lesson.file} (${lesson.steps.length} steps) | ${ms(verify)} (${status}) | ${ms(bare)} | ${(verify / bare).toFixed(2)}× |`;
}

/** The course under verify --jobs N (2 by default) with a JSON report: wall time, peak RSS, every step's overhead. */
async function courseRun(name: string, jobs = 2): Promise<{ line: string; overheads: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'steplab-bench-'));
  try {
    const report = join(dir, 'report.json');
    const t = performance.now();
    const r = await runCommand('/usr/bin/time', ['-f', 'maxrss_kib=%M', process.execPath, 'bin/steplab.js', 'verify', 'lessons', '--target', name, '--jobs', String(jobs), '--reporter', 'json', '--output', report, '--no-changes'], { timeoutMs: 1_800_000, env: { CI: 'true' } });
    const wall = performance.now() - t;
    const rss = Number(/maxrss_kib=(\d+)/.exec(r.stderr)?.[1] ?? Number.NaN);
    const summary = r.stdout.trimEnd().split('\n').at(-1);
    const json = JSON.parse(readFileSync(report, 'utf8')) as { lessons: { steps: { durationMs: number; blocks: { durationMs: number }[] }[] }[] };
    const overheads = json.lessons.flatMap((l) => l.steps.map((s) => s.durationMs - s.blocks.reduce((sum, b) => sum + b.durationMs, 0)));
    return { line: `${ms(wall)} (${summary}), peak RSS ${(rss / 1024).toFixed(0)} MiB`, overheads };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function targetFigures(name: string): Promise<{ row: string; overheads: number[]; alone: number[] }> {
  let target: Target;
  const opened = performance.now();
  try {
    target = await openTarget(parseTargetChoice(name));
  } catch (error) {
    return { row: `| ${name} | n/a: ${(error as Error).message.split('\n')[0]} | | | |`, overheads: [], alone: [] };
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
    let overheads: number[] = [];
    let alone: number[] = [];
    if (!values['no-course'] && courseTargets.includes(name)) {
      const run = await courseRun(name);
      course = run.line;
      overheads = run.overheads;
      // One lesson at a time, as a learner runs them: no other lesson's processes beside each step's.
      if (name === 'sandbox') alone = (await courseRun(name, 1)).overheads;
    }
    return { row: `| ${name} | ${ms(openMs)} | ${ms(ready)} | ${ms(step)} vs ${ms(direct)} (×${(step / direct).toFixed(2)}) | ${course} |`, overheads, alone };
  } finally {
    await target.dispose();
  }
}

/** Time from starting `steplab` in a terminal to the lesson picker on screen. */
/**
 * `steplab` in a terminal (80×24, as `script` gives none of its own) until the lesson picker shows, in ms, with
 * XDG_CACHE_HOME=`cacheHome` (the parsed lessons and Node's compiled modules). `quit` answers the picker with
 * Ctrl-C and waits for steplab to end, as a learner's first visit does, so that Node writes its compile cache.
 */
function firstScreenOnce(cacheHome: string, quit = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const command = `stty cols 80 rows 24; exec ${shellQuote(process.execPath)} bin/steplab.js`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, TERM: 'xterm-256color', CI: '', XDG_CACHE_HOME: cacheHome }, stdio: ['pipe', 'pipe', 'pipe'] });
    let seen = '';
    let took: number | undefined;
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`no picker within 20 s: ${seen.slice(-200)}`))), 20_000);
    child.on('exit', () => took !== undefined && resolve(took));
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (took === undefined && seen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/[^A-Za-z]/g, '').includes('Pickalesson')) {
        took = performance.now() - started;
        clearTimeout(timer);
        if (quit) child.stdin.write('\x03');
        else child.kill('SIGKILL');
      }
    });
  });
}

/** The first screen cold (a cache folder of its own, empty, each round) and warm (one folder, filled by a first visit), rounds interleaved. */
async function firstScreen(): Promise<{ cold: number; warm: number }> {
  const caches = mkdtempSync(join(tmpdir(), 'steplab-bench-cache-'));
  try {
    const warmHome = join(caches, 'warm');
    await firstScreenOnce(warmHome, true);
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < Math.min(rounds, 7); i++) {
      cold.push(await firstScreenOnce(join(caches, `cold-${i}`)));
      warm.push(await firstScreenOnce(warmHome));
    }
    return { cold: median(cold), warm: median(warm) };
  } finally {
    rmSync(caches, { recursive: true, force: true });
  }
}

const local = await openTarget('sandbox');
const course = await loadCourse(['lessons']);
console.log(`steplab bench: ${rounds} rounds, medians, one run on ${process.platform} ${process.arch}, Node ${process.version}, ${new Date().toISOString()}`);
console.log(`load average at the start: ${load()} (${(await import('node:os')).cpus().length} cores)\n`);

console.log('| lesson | steplab verify | the same commands as one script in a fresh sandbox | ratio |\n| --- | --- | --- | --- |');
for (const file of ['01-', '03-']) {
  const lesson = course.lessons.find((l) => l.file.includes(`/${file}`));
  if (lesson) console.log(await lessonRatio(local, lesson, Math.min(rounds, 3)));
}

console.log('\n| what | steplab | one reader process per namespace | ratio |\n| --- | --- | --- | --- |');
for (const line of await snapshotFigures(local)) console.log(line);

const screen = await firstScreen();
// bin/steplab.js runs dist/ only while it is a build of the sources on disk; else src/ through type stripping.
const ran = distIsCurrent(process.cwd()) ? 'dist/, built from these sources' : 'src/ (dist/ is missing or older than src/: run `npm run build`)';
console.log(`\nCLI first screen (\`steplab\` in an 80×24 terminal until the lesson picker shows; ran ${ran}): cold (empty cache) ${ms(screen.cold)}, warm ${ms(screen.warm)}`);

console.log('\n| target | target start | sandbox ready (start + dispose) | one step `ip -br link`: in the lesson shell vs started directly | whole course, verify --jobs 2 |\n| --- | --- | --- | --- | --- |');
const overheads: number[] = [];
const alone: number[] = [];
for (const name of targets) {
  const figures = await targetFigures(name);
  console.log(figures.row);
  if (name === 'sandbox') {
    overheads.push(...figures.overheads);
    alone.push(...figures.alone);
  }
}
if (overheads.length > 0) {
  console.log(`\nStep overhead on the sandbox target (a step's time less its blocks', ${overheads.length} steps of the course, verify --no-changes):`);
  if (alone.length > 0) console.log(`  one lesson at a time (--jobs 1): median ${ms(median(alone))}, 95th percentile ${ms(percentile(alone, 95))}`);
  console.log(`  two lessons side by side (--jobs 2): median ${ms(median(overheads))}, 95th percentile ${ms(percentile(overheads, 95))}`);
}
console.log(`\nload average at the end: ${load()}`);
// 6. The Docker oracle: the course under `verify --against docker` on the sandbox target, for each engine
//    found (the machine's own, and STEPLAB_DOCKER_ENGINE's when set). Skipped with --no-oracle only.
if (!values['no-oracle']) {
  console.log('\n| Docker oracle on the sandbox target: engine from | Docker | whole course, verify --against docker --jobs 2 | steps | load at the end |\n| --- | --- | --- | --- | --- |');
  const engines = [undefined, process.env.STEPLAB_DOCKER_ENGINE].filter((dir, i) => i === 0 || (dir !== undefined && dir !== ''));
  for (const dir of engines) {
    const t = performance.now();
    const args = ['bin/steplab.js', 'verify', '--against', 'docker', 'lessons', '--jobs', '2', ...(dir ? ['--engine', dir] : [])];
    const r = await runCommand(process.execPath, args, { timeoutMs: 1_800_000, env: { CI: 'true', STEPLAB_DOCKER_ENGINE: '' } });
    const version = /Verifying against Docker (\S+)/.exec(r.stderr)?.[1] ?? `n/a: ${r.stderr.trim().split('\n').at(-1) ?? ''}`;
    const lines = r.stdout.trimEnd().split('\n');
    const counts = lines.at(-1) ?? '';
    const verdict = lines.find((l) => /^\d+ passed, \d+ failed$/.test(l)) ?? '';
    console.log(`| ${dir ?? 'PATH'} | ${version} | ${ms(performance.now() - t)} (${verdict || `exit ${r.exitCode}`}) | ${counts} | ${load()} |`);
  }
}
// 7. The workshop room: events a second it takes and the dashboard's update delay, 30 learners on loopback.
console.log('');
for (const line of await roomFigures({ learners: 30 })) console.log(line);
await local.dispose();
