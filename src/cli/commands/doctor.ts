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
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { cliTranslator } from '../lang.ts';
import { displayWidth, padEndTo } from '../../util/text-width.ts';
import { type HostLabel, reportAppArmor, reportNode, reportSubordinateIds, reportTargets, reportUserNamespaces } from './doctor-host.ts';

/** The Debian package of each tool, for the fix line. */
const PACKAGES: ReadonlyMap<string, string> = new Map(LAB_TOOLS.map((t) => [t.command, t.pkg]));

/** Finds each tool as the lab's shells do: PATH plus the sbin folders (the lab's shell is root). Prints `tool path` or `tool`. */
export const FIND = 'for d in /usr/local/sbin /usr/sbin /sbin; do case ":$PATH:" in *":$d:"*) ;; *) PATH=$PATH:$d ;; esac; done; for c; do printf "%s %s\\n" "$c" "$(command -v "$c")"; done';

/** A line's label: one of doctor's (translated), or a tool's name as it is. */
type Label = HostLabel | 'target' | 'sandbox' | 'tool' | 'internet' | 'ids' | 'verdict';
type Say = (label: Label | { readonly tool: string }, text: string) => void;
const LABELS = {
  target: 'doctor.label.target', sandbox: 'doctor.label.sandbox', tool: 'doctor.label.tool', fix: 'doctor.label.fix',
  internet: 'doctor.label.internet', ids: 'doctor.label.ids', verdict: 'doctor.label.verdict',
  node: 'doctor.label.node', userns: 'doctor.label.userns', apparmor: 'doctor.label.apparmor', subids: 'doctor.label.subids', targets: 'doctor.label.targets',
} as const satisfies Record<Label, MessageKey>;

/** Report the tools and try a real sandbox on the chosen target; every line labelled, the last one the verdict; exit 0 only when ready. */
export async function doctorCommand(options: Options, io: Io): Promise<number> {
  const { t } = cliTranslator(options.lang, io.env);
  const labelOf = (label: Label | { readonly tool: string }): string => (typeof label === 'string' ? t(LABELS[label]) : label.tool);
  // Labels in a column as wide as the widest (in columns: Chinese labels take two a character).
  const column = Math.max(9, ...Object.values(LABELS).map((key) => displayWidth(`${t(key)}${t('report.colon')}`)));
  const say: Say = (label, text) => io.stdout.write(`${padEndTo(`${labelOf(label)}${t('report.colon')}`, column)} ${text}\n`);
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
      say('sandbox', t('doctor.sandbox-ready', { ms: Math.round(performance.now() - started) }));
    } catch (error) {
      if (!isSteplabError(error)) throw error;
      say('sandbox', t('doctor.sandbox-cannot-start', { reason: error.message }));
      for (const line of error.hint?.split('\n') ?? []) say('fix', line);
      problems.push(t('doctor.problem.sandbox'));
    }
    // Inside the sandbox, found exactly as a lesson's `requires` finds them; without one, here with the same PATH.
    const lab = sandbox;
    // Tools only this machine's sandbox target needs are looked for only there.
    const tools = LAB_TOOLS.filter((t) => target.name === 'sandbox' || !t.hostOnly).map((t) => t.command);
    const found = lab ? await findTools(tools, async (code) => (await lab.probe(code)).output) : target.name === 'sandbox' ? await findTools(tools, runHere) : undefined;
    if (found) problems.push(...reportTools(found, target, say, t));
    if (sandbox) problems.push(...(await reportSandbox(sandbox, target, say, t)));
  } finally {
    await sandbox?.dispose();
    await target.dispose();
  }
  say('verdict', problems.length === 0 ? t('doctor.ready', { target: target.name }) : t('doctor.not-ready', { problems: problems.join(t('doctor.separator')) }));
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
function reportTools(found: Map<string, string>, target: Target, say: Say, t: Translate): string[] {
  const width = Math.max(...[...found.keys()].map((t) => t.length));
  for (const [tool, path] of found) {
    const where = path === '' ? t('doctor.tool-missing') : path.startsWith('/run/steplab/bin/') ? t('doctor.tool-unusable') : path;
    say('tool', `${tool.padEnd(width)}  ${where}`);
  }
  const missing = [...found].filter(([, path]) => path === '').map(([tool]) => tool);
  if (missing.length === 0) return [];
  const packages = [...new Set(missing.map((t) => PACKAGES.get(t) ?? t))];
  say('fix', target.name === 'sandbox' ? t('doctor.fix-here', { packages: packages.join(' ') }) : t('doctor.fix-target', { packages: packages.join(' '), target: target.name }));
  return [t('doctor.problem.missing', { tools: missing.join(', '), count: missing.length })];
}

/** The lab world, whose ids the lab's root has outside, and what cannot run there (tcpdump without subordinate ids); returns the problems. */
async function reportSandbox(sandbox: Sandbox, target: Target, say: Say, t: Translate): Promise<string[]> {
  const problems: string[] = [];
  const web = await sandbox.probe("curl -s -m 3 -o /dev/null -w '%{http_code}' http://198.51.100.10/");
  if (web.output.trim() === '200') say('internet', t('doctor.internet-ok'));
  else {
    say('internet', t('doctor.internet-down', { detail: web.output.trim() || `exit ${web.exitCode}` }));
    problems.push(t('doctor.problem.internet'));
  }
  const map = (await sandbox.probe('cat /proc/self/uid_map')).output.trim().split('\n')[0]?.trim().split(/\s+/).map(Number) ?? [];
  const [, outside = 0, count = 0] = map;
  if (count === 1) say('ids', t('doctor.ids-own', { outside }));
  else if (count > 1) say('ids', t(target.root ? 'doctor.ids-range-root' : 'doctor.ids-range', { outside, last: count - 1, end: outside + count - 1 }));
  const unusable = await sandbox.probe('for f in /run/steplab/unusable/*; do [ -f "$f" ] && printf "%s %s\\n" "${f##*/}" "$(cat "$f")"; done; true');
  for (const line of unusable.output.split('\n').filter(Boolean)) {
    const tool = line.slice(0, line.indexOf(' '));
    say({ tool }, line.slice(tool.length + 1));
    problems.push(t('doctor.problem.unusable', { tool }));
  }
  return problems;
}
