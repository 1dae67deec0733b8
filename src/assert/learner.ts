// The learner's form of a failed check: what is wrong, in plain words, without quoting the rule the solution writes.

import { normalizeRuleSpec } from '../kernel/iptables.ts';
import type { Assertion, CheckResult } from './types.ts';
import { english, type MessageKey, type Translate } from '../i18n/index.ts';
import { tidyCjkSpaces } from '../util/cjk-spaces.ts';

type FieldKey = Extract<MessageKey, `learner.field.${string}`>;

/** The parts of an iptables rule spec a learner thinks in: what it does, to which traffic. */
interface RuleParts {
  readonly target: string | undefined;
  readonly fields: ReadonlyMap<string, string>;
}

/** Option names of a rule spec and the words for them, in the order a sentence names them. */
const FIELDS: readonly (readonly [option: string, words: FieldKey])[] = [
  ['-p', 'learner.field.protocol'],
  ['-s', 'learner.field.source'],
  ['-d', 'learner.field.destination'],
  ['-i', 'learner.field.in-interface'],
  ['-o', 'learner.field.out-interface'],
  ['--dport', 'learner.field.destination-port'],
  ['--sport', 'learner.field.source-port'],
  ['--to-destination', 'learner.field.new-destination'],
  ['--to-source', 'learner.field.new-source'],
  ['--ctstate', 'learner.field.connection-state'],
  ['--state', 'learner.field.connection-state'],
  ['--dst-type', 'learner.field.address-type'],
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

/** `a MASQUERADE rule for traffic from 172.17.0.0/16` / `a DNAT rule for tcp to port 8080`; bare: `MASQUERADE rule for …`. */
function ruleWords(parts: RuleParts, t: Translate, bare = false): string {
  const what = parts.target === undefined ? t('learner.the-rule') : t(bare ? 'learner.rule-bare' : 'learner.rule', { target: parts.target });
  const source = parts.fields.get('-s');
  const port = parts.fields.get('--dport');
  const proto = parts.fields.get('-p');
  const about: string[] = [];
  if (source !== undefined && !source.startsWith('!')) about.push(t('learner.traffic-from', { source }));
  if (port !== undefined && !port.startsWith('!')) about.push(proto === undefined ? t('learner.traffic-to-port', { port }) : t('learner.proto-to-port', { proto, port }));
  return about.length > 0 ? t('learner.rule-for', { rule: what, about: about.join(t('assert.list-separator')) }) : what;
}

/** What differs between the rule wanted and the closest rule there (same target), named but not valued. */
function differences(wanted: RuleParts, found: RuleParts, t: Translate): string[] {
  const names: string[] = [];
  for (const [option, key] of FIELDS) {
    const words = t(key);
    if (wanted.fields.get(option) !== found.fields.get(option) && !names.includes(words)) names.push(words);
  }
  const known = new Set(FIELDS.map(([option]) => option));
  const other = [...wanted.fields.keys(), ...found.fields.keys()].some((o) => !known.has(o) && wanted.fields.get(o) !== found.fields.get(o));
  if (other) names.push(t('learner.field.other'));
  return names;
}

/** `iptables TABLE CHAIN has|lacks "RULE"`, in words, from what the failed check found in the chain. */
function iptablesRule(a: Extract<Assertion, { kind: 'iptables-rule' }>, result: CheckResult, t: Translate): string {
  const wanted = ruleParts(a.rule);
  const chain = t('learner.chain', { table: a.table, chain: a.chain });
  if (!a.present) return t('learner.still-has', { chain, rule: ruleWords(wanted, t) });
  const found = result.chain;
  if (found !== undefined && 'missing' in found) {
    const why = found.missing === 'table' ? t('learner.table-missing', { table: found.name }) : t('learner.chain-missing', { chain: found.name });
    return t('learner.no-rule-yet-because', { rule: ruleWords(wanted, t, true), why });
  }
  const sameTarget = (found?.rules ?? []).map(ruleParts).filter((r) => r.target === wanted.target);
  if (sameTarget.length === 0) return t('learner.no-rule-in-chain', { rule: ruleWords(wanted, t, true), chain });
  const closest = sameTarget.map((r) => differences(wanted, r, t)).toSorted((x, y) => x.length - y.length)[0] ?? [];
  const fields = closest.join(t('assert.list-separator')) || t('learner.field.options');
  return t('learner.rule-differs', { chain, target: wanted.target ?? '', fields });
}

/** `route …`: which route is missing, without the gateway or device the solution uses. */
function route(a: Extract<Assertion, { kind: 'route' }>, t: Translate): string {
  const where = a.ns === undefined ? t('learner.lab-host') : a.ns;
  const asked = a.via !== undefined || a.dev !== undefined;
  if (a.dest === 'default' || a.dest === '0.0.0.0/0') return t(asked ? 'learner.route.default-way' : 'learner.route.default-yet', { where });
  return t(asked ? 'learner.route.to-way' : 'learner.route.to-yet', { where, dest: a.dest });
}

/**
 * The message for a failed check as a learner working on a challenge should see it: what is wrong
 * in the lab, never the exact rule or command the solution types. Checks whose own words are the
 * task (a namespace's name, a link's state) keep their message.
 */
export function learnerMessage(assertion: Assertion, result: CheckResult, t: Translate = english.t): string {
  return tidyCjkSpaces(learnerWords(assertion, result, t));
}

/** The learner's form before Chinese spacing is tidied. */
function learnerWords(assertion: Assertion, result: CheckResult, t: Translate): string {
  if (result.passed) return result.message;
  switch (assertion.kind) {
    case 'iptables-rule': return iptablesRule(assertion, result, t);
    case 'route': return route(assertion, t);
    case 'sh': return assertion.ns === undefined ? t('learner.sh') : t('learner.sh-in', { ns: assertion.ns });
    case 'output-contains':
    case 'output-matches': return t('learner.output');
    default: return result.message;
  }
}
