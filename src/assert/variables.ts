// `$NAME` in check lines: which of the lesson shell's variables a check uses, and its arguments with them filled in.

import { english, type Translate } from '../i18n/index.ts';
import { LESSON_VARIABLES_FILE } from '../lab-types.ts';
import type { Assertion, LinkExpectation, Ns } from './types.ts';

/** `$NAME` or `${NAME}`. */
const REFERENCE = /\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g;
const NS_NAME = /^[\w.-]+$/;

/** Names a shell has without any lesson setting them: checks may use them freely. */
export const SHELL_NAMES: ReadonlySet<string> = new Set([
  'HOME', 'PATH', 'PWD', 'OLDPWD', 'USER', 'LOGNAME', 'HOSTNAME', 'SHELL', 'TERM', 'LANG', 'IFS', 'PPID', 'UID', 'EUID',
  'RANDOM', 'SECONDS', 'LINENO', 'REPLY', 'BASHPID', 'BASH', 'BASH_VERSION', 'HOSTTYPE', 'OSTYPE', 'MACHTYPE', 'SHLVL', 'PS1',
]);

/** Names a text refers to as `$NAME` or `${NAME}`, once each, in order. */
export function variableNames(text: string): string[] {
  const names = [...text.matchAll(REFERENCE)].map((m) => m[1] ?? m[2] ?? '');
  return [...new Set(names)];
}

/** Whether a word of a check line names a variable. */
export function hasReference(text: string): boolean {
  return variableNames(text).length > 0;
}

/** The word with every `$NAME` replaced by `x`, to validate its shape before the values are known. */
export function withoutReferences(text: string): string {
  return text.replace(REFERENCE, 'x');
}

/** Shell text without its single-quoted parts, which the shell does not expand. */
function unquoted(code: string): string {
  return code.replace(/'[^']*'/g, "''");
}

/**
 * Names shell code assigns: `NAME=…`, `export|local|declare|readonly|typeset NAME`, `read … NAME`, `for NAME in`,
 * `mapfile|readarray NAME`. A scan, not a parser: it may count too much, never too little for usual lessons.
 */
export function assignedNames(code: string): Set<string> {
  const text = unquoted(code);
  const names = new Set<string>();
  const add = (list: string): void => {
    for (const word of list.split(/\s+/)) {
      const m = /^([A-Za-z_]\w*)(?:\+?=|$)/.exec(word);
      if (m?.[1]) names.add(m[1]);
    }
  };
  for (const m of text.matchAll(/(?:^|[\s;&|(`{!])([A-Za-z_]\w*)(?:\[[^\]]*\])?\+?=/gm)) names.add(m[1] ?? '');
  for (const m of text.matchAll(/\b(?:export|local|declare|readonly|typeset)((?:[ \t]+(?:-\w+|[A-Za-z_]\w*(?:=[^\s;&|]*)?))+)/g)) add((m[1] ?? '').replace(/-\w+/g, ''));
  // read's options -a -d -i -n -N -p -t -u take an argument; the words after them are names.
  for (const m of text.matchAll(/\bread((?:[ \t]+-(?:[a-zA-Z]*[adinNptu][ \t]+\S+|[a-zA-Z]+))*)((?:[ \t]+[A-Za-z_]\w*)+)/g)) add(m[2] ?? '');
  for (const m of text.matchAll(/\b(?:mapfile|readarray)(?:[ \t]+-\w+(?:[ \t]+\S+)?)*[ \t]+([A-Za-z_]\w*)/g)) names.add(m[1] ?? '');
  for (const m of text.matchAll(/\bfor[ \t]+([A-Za-z_]\w*)[ \t]+in\b/g)) names.add(m[1] ?? '');
  names.delete('');
  return names;
}

/** Names an `sh "…"` command takes from the lesson's shell: those it expands and does not set itself. */
export function shellReferences(command: string): string[] {
  const own = assignedNames(command);
  return variableNames(unquoted(command)).filter((n) => !own.has(n) && !SHELL_NAMES.has(n));
}

/** The arguments of an assertion (namespaces, links) that may name a variable, as written. */
function nameFields(a: Assertion): (string | undefined)[] {
  switch (a.kind) {
    case 'netns': return [a.name];
    case 'link': return [a.name, a.ns, ...expectationFields(a.expect)];
    case 'addr': case 'route': return [a.dev, a.ns];
    case 'ping': case 'tcp': case 'http': return [a.from];
    case 'sysctl': return [a.ns];
    case 'sh': return [a.ns];
    default: return [];
  }
}

function expectationFields(e: LinkExpectation): (string | undefined)[] {
  if (e.is === 'master') return [e.master];
  if (e.is === 'peer') return [e.peer, e.peerNs];
  return [];
}

/** Every lesson variable a check uses: in its arguments, and for `sh`, in its command. */
export function assertionVariables(a: Assertion): string[] {
  const fields = nameFields(a).flatMap((f) => (f === undefined ? [] : variableNames(f)));
  return [...new Set([...fields, ...(a.kind === 'sh' ? shellReferences(a.command) : [])])];
}

/** The lesson shell's variables as steplab read them: a name missing from the map is not set there. */
export type LessonVariables = ReadonlyMap<string, string>;

/** `$pid is not set in the lesson's shell`, for one or more names. */
export function unsetMessage(names: readonly string[], t: Translate = english.t): string {
  const list = names.map((n) => `$${n}`).join(t('assert.list-separator'));
  return t('assert.var.unset', { count: names.length, names: list, first: names[0] ?? '' });
}

/**
 * The assertion with its `$NAME`s filled in from the lesson's variables, or a sentence saying why it cannot be
 * (a variable is unset, or its value is not a namespace or link name). `sh` commands are left to the shell.
 */
export function expandAssertion(a: Assertion, vars: LessonVariables, t: Translate = english.t): { readonly assertion: Assertion } | { readonly problem: string } {
  const unset = assertionVariablesOutsideCommand(a).filter((n) => !vars.has(n));
  if (unset.length > 0) return { problem: unsetMessage(unset, t) };
  const problems: string[] = [];
  const fill = (text: string): string => text.replace(REFERENCE, (_all, braced?: string, bare?: string) => vars.get(braced ?? bare ?? '') ?? '');
  const ns = (value: Ns): Ns => {
    if (value === undefined || !hasReference(value)) return value;
    const out = fill(value);
    if (!NS_NAME.test(out) || out === '.' || out === '..') problems.push(t('assert.var.not-namespace', { reference: value, value: out }));
    return out;
  };
  const link = (value: string): string => {
    if (!hasReference(value)) return value;
    const out = fill(value);
    if (out === '' || out.length > 15 || /[/:\s]/.test(out)) problems.push(t('assert.var.not-link', { reference: value, value: out }));
    return out;
  };
  const expanded = expandFields(a, ns, link);
  return problems.length > 0 ? { problem: problems.join(t('assert.var.separator')) } : { assertion: expanded };
}

/** The variables of an assertion's arguments (not of an `sh` command, which its shell expands). */
function assertionVariablesOutsideCommand(a: Assertion): string[] {
  return [...new Set(nameFields(a).flatMap((f) => (f === undefined ? [] : variableNames(f))))];
}

function expandFields(a: Assertion, ns: (v: Ns) => Ns, link: (v: string) => string): Assertion {
  switch (a.kind) {
    case 'netns': return { ...a, name: ns(a.name) ?? a.name };
    case 'link': {
      const e = a.expect;
      const expect: LinkExpectation = e.is === 'master' ? { ...e, master: link(e.master) } : e.is === 'peer' ? { ...e, peer: link(e.peer), peerNs: ns(e.peerNs) } : e;
      return { ...a, name: link(a.name), ns: ns(a.ns), expect };
    }
    case 'addr': return { ...a, dev: link(a.dev), ns: ns(a.ns) };
    case 'route': return { ...a, dev: a.dev === undefined ? undefined : link(a.dev), ns: ns(a.ns) };
    case 'ping': case 'tcp': case 'http': return { ...a, from: ns(a.from) };
    case 'sysctl': case 'sh': return { ...a, ns: ns(a.ns) };
    default: return a;
  }
}

/** Shell code for the probe shell: print the named lesson variables that are set, as `NAME=VALUE\0`. */
export function readVariablesCode(names: readonly string[]): string {
  const safe = names.filter((n) => /^[A-Za-z_]\w*$/.test(n));
  return `( . ${LESSON_VARIABLES_FILE} 2>/dev/null; for n in ${safe.join(' ')}; do [ -n "\${!n+x}" ] && printf '%s=%s\\0' "$n" "\${!n}"; done; true )`;
}

/** The answer to readVariablesCode as a map. */
export function parseVariables(output: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const entry of output.split('\0')) {
    const at = entry.indexOf('=');
    if (at > 0) vars.set(entry.slice(0, at).replace(/^\n+/, ''), entry.slice(at + 1));
  }
  return vars;
}

/** Shell code that gives `code` the lesson's variables, exported, in a subshell of the probe shell. */
export function withLessonVariables(code: string): string {
  return `set -a; . ${LESSON_VARIABLES_FILE} 2>/dev/null; set +a; ${code}`;
}
