// The learner's form of a failed check: what is wrong, in plain words, without quoting the rule the solution writes.

import { normalizeRuleSpec } from '../kernel/iptables.ts';
import type { Assertion, CheckResult } from './types.ts';

/** The parts of an iptables rule spec a learner thinks in: what it does, to which traffic. */
interface RuleParts {
  readonly target: string | undefined;
  readonly fields: ReadonlyMap<string, string>;
}

/** Option names of a rule spec and what they mean, in the order a sentence names them. */
const FIELDS: readonly (readonly [option: string, words: string])[] = [
  ['-p', 'protocol'],
  ['-s', 'source'],
  ['-d', 'destination'],
  ['-i', 'incoming interface'],
  ['-o', 'outgoing interface'],
  ['--dport', 'destination port'],
  ['--sport', 'source port'],
  ['--to-destination', 'new destination'],
  ['--to-source', 'new source'],
  ['--ctstate', 'connection state'],
  ['--state', 'connection state'],
  ['--dst-type', 'address type'],
];

/** Split a rule spec into its jump target and its options (a `!` before an option stays with its value). */
export function ruleParts(spec: string): RuleParts {
  const words = normalizeRuleSpec(spec).split(' ');
  const fields = new Map<string, string>();
  let target: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const negated = words[i] === '!';
    const option = negated ? words[i + 1] : words[i];
    if (option === undefined || !option.startsWith('-')) continue;
    const value = words[i + (negated ? 2 : 1)];
    if (option === '-j' || option === '-g') target = value;
    else if (value !== undefined) fields.set(option, `${negated ? '! ' : ''}${value}`);
    i += negated ? 2 : 1;
  }
  return { target, fields };
}

/** `a MASQUERADE rule for traffic from 172.17.0.0/16` / `a DNAT rule for tcp to port 8080`. */
function ruleWords(parts: RuleParts): string {
  const what = parts.target ? `a ${parts.target} rule` : 'the rule';
  const source = parts.fields.get('-s');
  const port = parts.fields.get('--dport');
  const about: string[] = [];
  if (source !== undefined && !source.startsWith('!')) about.push(`traffic from ${source}`);
  if (port !== undefined && !port.startsWith('!')) about.push(`${parts.fields.get('-p') ?? 'traffic'} to port ${port}`);
  return about.length > 0 ? `${what} for ${about.join(', ')}` : what;
}

/** What differs between the rule wanted and the closest rule there (same target), named but not valued. */
function differences(wanted: RuleParts, found: RuleParts): string[] {
  const names: string[] = [];
  for (const [option, words] of FIELDS) {
    if (wanted.fields.get(option) !== found.fields.get(option) && !names.includes(words)) names.push(words);
  }
  const known = new Set(FIELDS.map(([option]) => option));
  const other = [...wanted.fields.keys(), ...found.fields.keys()].some((o) => !known.has(o) && wanted.fields.get(o) !== found.fields.get(o));
  if (other) names.push('other matches');
  return names;
}

/** The rules a failed `has` message lists after "rules there:", as specs. */
function rulesThere(message: string): string[] {
  const m = /\(rules there: (.*)\)$/.exec(message);
  if (m === null || m[1] === undefined || m[1] === 'none') return [];
  return m[1].split('; ');
}

/** `iptables TABLE CHAIN has|lacks "RULE"`, in words. */
function iptablesRule(a: Extract<Assertion, { kind: 'iptables-rule' }>, result: CheckResult): string {
  const wanted = ruleParts(a.rule);
  const chain = `the ${a.table} table's ${a.chain} chain`;
  if (!a.present) return `${chain} still has ${ruleWords(wanted)} that this step wants gone`;
  const missingChain = /\((table \w+ does not exist|chain \S+ does not exist)/.exec(result.message);
  if (missingChain) return `no ${ruleWords(wanted).replace(/^an? /, '')} yet: ${missingChain[1]}`;
  const sameTarget = rulesThere(result.message).map(ruleParts).filter((r) => r.target === wanted.target);
  if (sameTarget.length === 0) return `no ${ruleWords(wanted).replace(/^an? /, '')} in ${chain} yet`;
  const closest = sameTarget.map((r) => differences(wanted, r)).toSorted((x, y) => x.length - y.length)[0] ?? [];
  return `${chain} has a ${wanted.target ?? ''} rule, but not the one this step asks for: look at its ${closest.join(', ') || 'options'}`;
}

/** `route …`: which route is missing, without the gateway or device the solution uses. */
function route(a: Extract<Assertion, { kind: 'route' }>): string {
  const where = a.ns === undefined ? 'the lab host' : a.ns;
  const what = a.dest === 'default' || a.dest === '0.0.0.0/0' ? 'a default route' : `a route to ${a.dest}`;
  return `${where} has no ${what.replace(/^an? /, '')} ${a.via || a.dev ? 'going the way this step asks' : 'yet'}`;
}

/**
 * The message for a failed check as a learner working on a challenge should see it: what is wrong
 * in the lab, never the exact rule or command the solution types. Checks whose own words are the
 * task (a namespace's name, a link's state) keep their message.
 */
export function learnerMessage(assertion: Assertion, result: CheckResult): string {
  if (result.passed) return result.message;
  switch (assertion.kind) {
    case 'iptables-rule': return iptablesRule(assertion, result);
    case 'route': return route(assertion);
    case 'sh': return `a test this step runs${assertion.ns === undefined ? '' : ` in ${assertion.ns}`} does not pass yet`;
    case 'output-contains':
    case 'output-matches': return 'the commands did not print what this step expects';
    default: return result.message;
  }
}
