// `steplab doctor`: can this machine run the sandbox, and with which tools? Says what to do for each gap.

import { isSteplabError } from '../../errors.ts';
import { LAB_TOOLS } from '../../lab-tools.ts';
import { runCommand } from '../../process/spawn.ts';
import { startSandbox } from '../../sandbox/sandbox.ts';
import type { Sandbox } from '../../sandbox/types.ts';
import type { Target } from '../../target/types.ts';
import type { Options } from '../args.ts';
import type { Io } from '../io.ts';
import { openTarget, parseTargetChoice } from '../targets.ts';
import { reportAppArmor, reportNode, reportSubordinateIds, reportTargets, reportUserNamespaces } from './doctor-host.ts';

/** The Debian package of each tool, for the fix line. */
const PACKAGES: ReadonlyMap<string, string> = new Map(LAB_TOOLS.map((t) => [t.command, t.pkg]));

/** Finds each tool as the lab's shells do: PATH plus the sbin folders (the lab's shell is root). Prints `tool path` or `tool`. */
const FIND = 'for d in /usr/local/sbin /usr/sbin /sbin; do case ":$PATH:" in *":$d:"*) ;; *) PATH=$PATH:$d ;; esac; done; for c; do printf "%s %s\\n" "$c" "$(command -v "$c")"; done';

type Say = (label: string, text: string) => void;

/** Report the tools and try a real sandbox on the chosen target; every line labelled, the last one the verdict; exit 0 only when ready. */
export async function doctorCommand(options: Options, io: Io): Promise<number> {
  const say: Say = (label, text) => io.stdout.write(`${`${label}:`.padEnd(9)} ${text}\n`);
  const problems: string[] = [];
  const choice = parseTargetChoice(options.target);
  problems.push(...reportNode(say));
  if (choice === 'sandbox' || choice === 'auto') {
    problems.push(...(await reportUserNamespaces(say)), ...(await reportAppArmor(say)));
    await reportSubordinateIds(say);
  }
  const target = await openTarget(choice, (line) => say('target', line));
  let sandbox: Sandbox | undefined;
  try {
    say('target', `${target.name}: ${target.description}`);
    await reportTargets(say, target.name);
    const started = performance.now();
    try {
      sandbox = await startSandbox(target, { world: 'internet' });
      say('sandbox', `ready in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      if (!isSteplabError(error)) throw error;
      say('sandbox', `cannot start: ${error.message}`);
      for (const line of error.hint?.split('\n') ?? []) say('fix', line);
      problems.push('the sandbox cannot start');
    }
    // Inside the sandbox, found exactly as a lesson's `requires` finds them; without one, here with the same PATH.
    const lab = sandbox;
    // Tools only this machine's sandbox target needs are looked for only there.
    const tools = LAB_TOOLS.filter((t) => target.name === 'sandbox' || !t.hostOnly).map((t) => t.command);
    const found = lab ? await findTools(tools, async (code) => (await lab.probe(code)).output) : target.name === 'sandbox' ? await findTools(tools, runHere) : undefined;
    if (found) problems.push(...reportTools(found, target, say));
    if (sandbox) problems.push(...(await reportSandbox(sandbox, target, say)));
  } finally {
    await sandbox?.dispose();
    await target.dispose();
  }
  say('verdict', problems.length === 0 ? `ready: every tool is there and the sandbox works on the ${target.name} target` : `not ready: ${problems.join('; ')}`);
  return problems.length === 0 ? 0 : 1;
}

/** Run shell code on this machine and return what it printed. */
async function runHere(code: string): Promise<string> {
  return (await runCommand('sh', ['-c', code])).stdout;
}

/** Where each tool is, or '' when it is not found. */
async function findTools(tools: readonly string[], run: (code: string) => Promise<string>): Promise<Map<string, string>> {
  const quoted = tools.map((t) => `'${t}'`).join(' ');
  const out = await run(`set -- ${quoted}; ${FIND}`);
  const found = new Map<string, string>(tools.map((t) => [t, '']));
  for (const line of out.split('\n')) {
    const [tool = '', path = ''] = line.trim().split(' ');
    if (found.has(tool)) found.set(tool, path);
  }
  return found;
}

/** One line per tool, and the fix for the missing ones; returns the problems. */
function reportTools(found: Map<string, string>, target: Target, say: Say): string[] {
  const width = Math.max(...[...found.keys()].map((t) => t.length));
  for (const [tool, path] of found) {
    const where = path === '' ? 'MISSING (not in PATH, /usr/local/sbin, /usr/sbin or /sbin)' : path.startsWith('/run/steplab/bin/') ? 'installed, but cannot run in the sandbox (see below)' : path;
    say('tool', `${tool.padEnd(width)}  ${where}`);
  }
  const missing = [...found].filter(([, path]) => path === '').map(([tool]) => tool);
  if (missing.length === 0) return [];
  const packages = [...new Set(missing.map((t) => PACKAGES.get(t) ?? t))];
  say('fix', target.name === 'sandbox' ? `./setup, or sudo apt-get install ${packages.join(' ')}` : `install ${packages.join(' ')} on the ${target.name} target`);
  return [`${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`];
}

/** The lab world, whose ids the lab's root has outside, and what cannot run there (tcpdump without subordinate ids); returns the problems. */
async function reportSandbox(sandbox: Sandbox, target: Target, say: Say): Promise<string[]> {
  const problems: string[] = [];
  const web = await sandbox.probe("curl -s -m 3 -o /dev/null -w '%{http_code}' http://198.51.100.10/");
  if (web.output.trim() === '200') say('internet', 'the simulated internet answers (http://198.51.100.10/ said 200)');
  else {
    say('internet', `the simulated internet does not answer (curl: ${web.output.trim() || `exit ${web.exitCode}`})`);
    problems.push('the simulated internet does not answer');
  }
  const map = (await sandbox.probe('cat /proc/self/uid_map')).output.trim().split('\n')[0]?.trim().split(/\s+/).map(Number) ?? [];
  const [, outside = 0, count = 0] = map;
  if (count === 1) say('ids', `root in the lab is your own user id (${outside}) outside, and no other id is mapped`);
  else if (count > 1) say('ids', `root in the lab is id ${outside} outside; lab ids 0-${count - 1} are ${outside}-${outside + count - 1}${target.root ? ', a range no /etc/subuid or /etc/subgid entry covers' : ', your subordinate ids'}`);
  const unusable = await sandbox.probe('for f in /run/steplab/unusable/*; do [ -f "$f" ] && printf "%s %s\\n" "${f##*/}" "$(cat "$f")"; done; true');
  for (const line of unusable.output.split('\n').filter(Boolean)) {
    const tool = line.slice(0, line.indexOf(' '));
    say(tool, line.slice(tool.length + 1));
    problems.push(`${tool} cannot run in the sandbox (fix above); lessons that need it stop before their first step`);
  }
  return problems;
}
