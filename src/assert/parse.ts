// Parses one line of a `check` block into a typed Assertion, or says what was expected at which column.

import type { Assertion, AssertionSyntaxError, LinkExpectation, Ns, ParsedCheckLine } from './types.ts';
import { Reader, SyntaxFailure, quoteList } from './parse-reader.ts';
import { tokenize } from './parse-tokens.ts';
import type { Token } from './parse-tokens.ts';
import { checkCidr, ipv4Network, isAddress, splitHostPort } from './parse-address.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { hasReference, withoutReferences } from './variables.ts';
import { parseDuration } from '../util/duration.ts';
import { english, type Translate } from '../i18n/index.ts';

export const ASSERTION_WORDS = ['netns', 'link', 'addr', 'no', 'route', 'ping', 'tcp', 'http', 'iptables', 'sysctl', 'output', 'exit', 'sh'] as const;
export const LINK_TYPES = [
  'veth', 'bridge', 'dummy', 'macvlan', 'macvtap', 'ipvlan', 'ipvtap', 'vlan', 'vxlan', 'geneve', 'bond', 'team', 'tun', 'tap',
  'loopback', 'gre', 'gretap', 'ip6gre', 'ipip', 'sit', 'ip6tnl', 'wireguard', 'vrf', 'ifb', 'netkit', 'nlmon',
] as const;
export const IPTABLES_TABLES = ['filter', 'nat', 'mangle', 'raw', 'security'] as const;
const POLICIES = ['ACCEPT', 'DROP'];
const LINK_EXPECTATIONS = ['exists', 'is absent', 'is up', 'is down', 'is a TYPE', 'has master BRIDGE', 'has peer PEER'];

/** Whether a parse gave an error rather than an assertion. */
export function isAssertionSyntaxError(value: Assertion | AssertionSyntaxError): value is AssertionSyntaxError {
  return !('kind' in value);
}

/** One check line → an Assertion, or the column and words of what was expected there. */
export function parseAssertion(line: string, t: Translate = english.t): Assertion | AssertionSyntaxError {
  const parsed = parseCheckLine(line, t);
  return 'assertion' in parsed ? parsed.assertion : parsed;
}

/** Assertions whose answer cannot change once the step has run, so `within` cannot help them. */
const FIXED_KINDS: ReadonlySet<Assertion['kind']> = new Set(['output-contains', 'output-matches', 'exit-status']);

/** One check line → its assertion and `within DURATION`, or what was expected at which column. */
export function parseCheckLine(line: string, t: Translate = english.t): ParsedCheckLine | AssertionSyntaxError {
  const all = tokenize(line, t);
  if (!Array.isArray(all)) return all;
  try {
    const { tokens, withinMs, waitMs } = peelOptions(all, t);
    const first = tokens[0];
    if (first === undefined) return { column: 1, message: t('lint.check-nothing') };
    const reader = new Reader(line, tokens, t);
    const assertion = readAssertion(reader, first);
    reader.end();
    if (withinMs !== undefined && FIXED_KINDS.has(assertion.kind)) {
      const at = all[tokens.length] as Token;
      return { column: at.column, message: t('lint.check-within-fixed') };
    }
    if (waitMs !== undefined) {
      if (assertion.kind !== 'ping' && assertion.kind !== 'tcp' && assertion.kind !== 'http') {
        const at = all.find((t, i) => i >= tokens.length && t.kind === 'word' && t.text === 'waiting') as Token;
        return { column: at.column, message: t('lint.check-waiting-kind') };
      }
      return { assertion: { ...assertion, waitMs }, withinMs };
    }
    return { assertion, withinMs };
  } catch (error) {
    if (error instanceof SyntaxFailure) return error.error;
    throw error;
  }
}

/** Take `within DURATION` and `waiting DURATION` off the end of a line (any order, once each). */
function peelOptions(all: readonly Token[], t: Translate): { tokens: readonly Token[]; withinMs: number | undefined; waitMs: number | undefined } {
  let end = all.length;
  let withinMs: number | undefined;
  let waitMs: number | undefined;
  for (;;) {
    const word = all[end - 2];
    const value = all[end - 1];
    if (end < 3 || word?.kind !== 'word' || (word.text !== 'within' && word.text !== 'waiting') || value === undefined) break;
    if ((word.text === 'within' ? withinMs : waitMs) !== undefined) {
      throw new SyntaxFailure({ column: word.column, message: t('lint.check-option-twice', { word: word.text }) });
    }
    const duration = parseDuration(value.text, t);
    if (!('ms' in duration)) throw new SyntaxFailure({ column: value.column, message: t('lint.check-option-duration', { word: word.text, error: duration.error }) });
    if (word.text === 'within') withinMs = duration.ms;
    else waitMs = duration.ms;
    end -= 2;
  }
  return { tokens: all.slice(0, end), withinMs, waitMs };
}

/** Dispatches on the first word. */
function readAssertion(r: Reader, first: Token): Assertion {
  const word = r.accept(...ASSERTION_WORDS);
  switch (word) {
    case 'netns': {
      const name = readNsName(r);
      if (r.accept('exists')) return { kind: 'netns', name, expect: 'exists' };
      if (r.accept('is')) return { kind: 'netns', name, expect: (r.expect('absent'), 'absent') };
      return r.fail(quoteList(['exists', 'is absent'], r.t));
    }
    case 'link': {
      const name = readLinkName(r);
      const ns = readIn(r);
      return { kind: 'link', name, ns, expect: readLinkExpectation(r) };
    }
    case 'addr':
      return readAddr(r, true);
    case 'no':
      r.expect('addr');
      return readAddr(r, false);
    case 'route':
      return readRoute(r);
    case 'ping': {
      const token = r.take(r.t('lint.check-what-ip'));
      if (!isAddress(token.text)) r.failAt(token, 0, r.t('lint.check-ping-ip', { text: token.text }));
      const from = readFrom(r);
      const verdict = r.accept('succeeds', 'fails') ?? r.fail(quoteList([...optional(from, 'from NS'), 'succeeds', 'fails'], r.t));
      return { kind: 'ping', addr: token.text, from, expect: verdict === 'succeeds' ? 'succeeds' : 'fails' };
    }
    case 'tcp':
      return readTcp(r);
    case 'http': {
      const token = r.take(r.t('lint.check-what-url'));
      if (!/^https?:\/\/./.test(token.text) || !URL.canParse(token.text)) {
        r.failAt(token, 0, r.t('lint.check-url', { text: token.text }));
      }
      const from = readFrom(r);
      if (r.accept('contains') === undefined) r.fail(quoteList([...optional(from, 'from NS'), 'contains "TEXT"'], r.t));
      return { kind: 'http', url: token.text, from, text: r.take(r.t('lint.check-what-text'), 'string').text };
    }
    case 'iptables':
      return readIptables(r);
    case 'sysctl': {
      const token = r.take(r.t('lint.check-what-sysctl'));
      if (!/^[\w-]+([./][\w-]+)+$/.test(token.text)) r.failAt(token, 0, r.t('lint.check-sysctl', { text: token.text }));
      const ns = readIn(r);
      if (r.accept('is') === undefined) r.fail(quoteList([...optional(ns, 'in NS'), 'is VALUE'], r.t));
      const value = r.peek();
      if (value === undefined || value.kind === 'regex') return r.fail(r.t('lint.check-what-value-kinds'));
      r.take(r.t('lint.check-what-value'), value.kind);
      return { kind: 'sysctl', key: token.text, ns, value: value.text };
    }
    case 'output':
      if (r.accept('contains')) return { kind: 'output-contains', text: r.take(r.t('lint.check-what-text'), 'string').text };
      if (r.accept('matches')) return readRegex(r);
      return r.fail(quoteList(['contains "TEXT"', 'matches /REGEX/'], r.t));
    case 'exit': {
      r.expect('status');
      r.expect('is');
      const token = r.take(r.t('lint.check-what-status'));
      if (!/^\d{1,3}$/.test(token.text) || Number(token.text) > 255) r.failAt(token, 0, r.t('lint.check-status', { text: token.text }));
      return { kind: 'exit-status', status: Number(token.text) };
    }
    case 'sh': {
      const quoted = r.take(r.t('lint.check-what-command'), 'string');
      const command = quoted.text;
      if (command.trim() === '') r.failAt(quoted, 0, r.t('lint.check-empty-command'));
      const ns = readIn(r);
      const verdict = r.accept('succeeds', 'fails') ?? r.fail(quoteList([...optional(ns, 'in NS'), 'succeeds', 'fails'], r.t));
      return { kind: 'sh', command, ns, expect: verdict === 'succeeds' ? 'succeeds' : 'fails' };
    }
    default:
      return r.failAt(first, 0, r.t('lint.check-unknown', { word: first.raw, suggestion: didYouMean(first.text, ASSERTION_WORDS, r.t), words: quoteList(ASSERTION_WORDS, r.t) }));
  }
}

/** `exists`, `is absent|up|down|a TYPE`, `has master BRIDGE`, `has peer PEER [in NS]`. */
function readLinkExpectation(r: Reader): LinkExpectation {
  if (r.accept('exists')) return { is: 'exists' };
  if (r.accept('is')) {
    const state = r.accept('absent', 'up', 'down', 'a', 'an') ?? r.fail(quoteList(['absent', 'up', 'down', 'a TYPE'], r.t));
    if (state === 'absent' || state === 'up' || state === 'down') return { is: state };
    const token = r.take(r.t('lint.check-what-link-type', { types: quoteList(LINK_TYPES.slice(0, 4), r.t) }));
    if (!(LINK_TYPES as readonly string[]).includes(token.text)) {
      r.failAt(token, 0, r.t('lint.check-link-type', { text: token.text, suggestion: didYouMean(token.text, LINK_TYPES, r.t), types: LINK_TYPES.join(', ') }));
    }
    return { is: 'type', type: token.text };
  }
  if (r.accept('has')) {
    if (r.expect('master', 'peer') === 'master') return { is: 'master', master: readLinkName(r, r.t('lint.check-what-bridge')) };
    const peer = readLinkName(r, r.t('lint.check-what-peer'));
    return { is: 'peer', peer, peerNs: readIn(r) };
  }
  return r.fail(quoteList(LINK_EXPECTATIONS, r.t));
}

/** `[no] addr CIDR on NAME [in NS]` after the `addr` word. */
function readAddr(r: Reader, present: boolean): Assertion {
  const token = r.take(r.t('lint.check-what-cidr'));
  const problem = checkCidr(token.text, true, r.t);
  if (problem !== undefined) r.failAt(token, problem.offset, r.t('lint.check-addr-cidr', { error: problem.error }));
  r.expect('on');
  const dev = readLinkName(r);
  return { kind: 'addr', cidr: token.text, dev, ns: readIn(r), present };
}

/** `route DEST [via GW] [dev NAME] [in NS]`; the options may come in any order, once each. */
function readRoute(r: Reader): Assertion {
  const token = r.take(r.t('lint.check-what-route'));
  if (token.text !== 'default') {
    const problem = checkCidr(token.text, true, r.t);
    if (problem !== undefined) r.failAt(token, problem.offset, r.t('lint.check-route-cidr', { error: problem.error }));
    const network = ipv4Network(token.text);
    if (network !== undefined) r.failAt(token, 0, r.t('lint.check-route-host-bits', { text: token.text, network }));
  }
  let via: string | undefined;
  let dev: string | undefined;
  let ns: Ns;
  const options = (): string[] => [via === undefined ? ['via GW'] : [], dev === undefined ? ['dev NAME'] : [], ns === undefined ? ['in NS'] : []].flat();
  while (r.peek() !== undefined) {
    const option = r.accept(...options().map((o) => o.split(' ')[0] ?? ''));
    if (option === undefined) r.fail(quoteList(options(), r.t));
    if (option === 'via') {
      const gateway = r.take(r.t('lint.check-what-gateway'));
      if (!isAddress(gateway.text)) r.failAt(gateway, 0, r.t('lint.check-gateway', { text: gateway.text }));
      via = gateway.text;
    } else if (option === 'dev') dev = readLinkName(r);
    else ns = readNsName(r);
  }
  return { kind: 'route', dest: token.text, via, dev, ns };
}

/** `tcp ADDR:PORT [from NS] is open|closed`. */
function readTcp(r: Reader): Assertion {
  const token = r.take(r.t('lint.check-what-host-port'));
  const split = splitHostPort(token.text, r.t);
  if ('error' in split) return r.failAt(token, split.offset, split.error);
  const from = readFrom(r);
  if (r.accept('is') === undefined) r.fail(quoteList([...optional(from, 'from NS'), 'is open', 'is closed'], r.t));
  const state = r.expect('open', 'closed') === 'open' ? 'open' : 'closed';
  return { kind: 'tcp', addr: split.addr, port: split.port, from, expect: state };
}

/** `iptables TABLE CHAIN has|lacks "RULE"` and `iptables TABLE CHAIN policy is POLICY`. */
function readIptables(r: Reader): Assertion {
  const table = r.take(r.t('lint.check-what-table', { tables: quoteList(IPTABLES_TABLES, r.t) }));
  if (!(IPTABLES_TABLES as readonly string[]).includes(table.text)) {
    r.failAt(table, 0, r.t('lint.check-table', { text: table.text, suggestion: didYouMean(table.text, IPTABLES_TABLES, r.t), tables: quoteList(IPTABLES_TABLES, r.t) }));
  }
  const chain = r.take(r.t('lint.check-what-chain')).text;
  const verb = r.expect('has', 'lacks', 'policy');
  if (verb !== 'policy') {
    const rule = r.take(r.t('lint.check-what-rule'), 'string').text;
    return { kind: 'iptables-rule', table: table.text, chain, rule, present: verb === 'has' };
  }
  r.expect('is');
  const policy = r.take(quoteList(POLICIES, r.t));
  if (!POLICIES.includes(policy.text)) r.failAt(policy, 0, r.t('lint.check-policy', { text: policy.text, suggestion: didYouMean(policy.text, POLICIES, r.t) }));
  return { kind: 'iptables-policy', table: table.text, chain, policy: policy.text };
}

/** `/REGEX/flags` after `output matches`, compiled once to prove it is valid. */
function readRegex(r: Reader): Assertion {
  const token = r.take(r.t('lint.check-what-regex', { example: '/inet 10\\.0\\.0\\.\\d+/' }), 'regex');
  const badFlag = [...token.flags].findIndex((flag, i) => !'dgimsuy'.includes(flag) || token.flags.indexOf(flag) !== i);
  if (badFlag >= 0) r.failAt(token, token.raw.length - token.flags.length + badFlag, r.t('lint.check-regex-flag', { flag: token.flags[badFlag] ?? '' }));
  try {
    new RegExp(token.text, token.flags);
  } catch (error) {
    r.failAt(token, 0, r.t('lint.check-regex', { regex: token.raw, error: (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') }));
  }
  return { kind: 'output-matches', pattern: token.text, flags: token.flags };
}

/** The optional phrase to offer in an error, when it was not written yet. */
function optional(ns: Ns, phrase: string): string[] {
  return ns === undefined ? [phrase] : [];
}

/** `in NS`, when present. */
function readIn(r: Reader): Ns {
  return r.accept('in') === undefined ? undefined : readNsName(r);
}

/** `from NS`, when present (`world` is the simulated internet). */
function readFrom(r: Reader): Ns {
  return r.accept('from') === undefined ? undefined : readNsName(r);
}

/** A namespace name as `ip netns add` takes it. */
function readNsName(r: Reader): string {
  const token = r.take(r.t('lint.check-what-netns'));
  // `$pid` or `ns-$n` names a lesson variable, filled in when the check runs.
  const shape = withoutReferences(token.text);
  if (!/^[\w.-]+$/.test(shape) || token.text === '.' || token.text === '..') {
    r.failAt(token, 0, r.t('lint.check-netns', { text: token.text }));
  }
  return token.text;
}

/** A network interface name: 1 to 15 characters, no "/", ":" or spaces. */
function readLinkName(r: Reader, what = r.t('lint.check-what-link')): string {
  const token = r.take(what);
  if ((!hasReference(token.text) && token.text.length > 15) || /[/:]/.test(token.text)) {
    r.failAt(token, 0, r.t('lint.check-link', { text: token.text }));
  }
  return token.text;
}
