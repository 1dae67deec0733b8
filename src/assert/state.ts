// Check the assertions about kernel state against a snapshot; pure, and every failure says what the kernel holds.

import { normalizeRuleSpec } from '../kernel/iptables.ts';
import { SNAPSHOT_SYSCTLS, type IptablesChain, type LinkState, type NamespaceState, type RouteState, type Snapshot } from '../kernel/types.ts';
import type { Assertion, CheckResult, LinkExpectation, Ns } from './types.ts';
import { english, type Translate } from '../i18n/index.ts';
import { tidyCjkSpaces } from '../util/cjk-spaces.ts';

export type StateAssertion = Extract<Assertion, { kind: 'netns' | 'link' | 'addr' | 'route' | 'iptables-rule' | 'iptables-policy' | 'sysctl' }>;

const STATE_KINDS: ReadonlySet<Assertion['kind']> = new Set(['netns', 'link', 'addr', 'route', 'iptables-rule', 'iptables-policy', 'sysctl']);

/** Built-in chains per table: these exist (policy ACCEPT) even before a table is loaded. */
const BUILTIN_CHAINS: Readonly<Record<string, readonly string[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/** Whether an assertion is answered by a snapshot (as opposed to a live probe or the step's output). */
export function isStateAssertion(assertion: Assertion): assertion is StateAssertion {
  return STATE_KINDS.has(assertion.kind);
}

const pass = (message: string): CheckResult => ({ passed: true, message });
const fail = (message: string): CheckResult => ({ passed: false, message });

/** A list for a message, or `none`. */
const list = (items: readonly string[], t: Translate, separator = t('assert.list-separator')): string => (items.length === 0 ? t('assert.none') : items.join(separator));

/** `link veth-red in red`, `link eth0` (lab host). */
const linkLabel = (name: string, ns: Ns, t: Translate): string => (ns === undefined ? t('assert.label.link', { name }) : t('assert.label.link-in', { name, ns }));

/** The namespace an assertion speaks of, or a failure saying it does not exist. */
function findNamespace(snapshot: Snapshot, ns: Ns, t: Translate): NamespaceState | CheckResult {
  if (ns === undefined) {
    return snapshot.namespaces.find((n) => n.kind === 'host') ?? fail(t('assert.no-host'));
  }
  if (ns === 'world') {
    return snapshot.namespaces.find((n) => n.kind === 'world') ?? fail(t('assert.no-world'));
  }
  const found = snapshot.namespaces.find((n) => n.kind === 'netns' && n.name === ns);
  return found ?? fail(t('assert.netns.missing', { name: ns, names: list(namedNamespaces(snapshot), t) }));
}

/** Names of the `ip netns` namespaces. */
function namedNamespaces(snapshot: Snapshot): string[] {
  return snapshot.namespaces.flatMap((n) => (n.kind === 'netns' && n.name !== undefined ? [n.name] : []));
}

/** Whether a lookup came back as a failure rather than a namespace. */
const isResult = (value: NamespaceState | CheckResult): value is CheckResult => 'passed' in value;

/** `netns NAME exists|is absent`. */
function checkNetns(a: Extract<Assertion, { kind: 'netns' }>, snapshot: Snapshot, t: Translate): CheckResult {
  const names = namedNamespaces(snapshot);
  const exists = names.includes(a.name);
  if (a.expect === 'exists') {
    return exists ? pass(t('assert.netns.exists', { name: a.name })) : fail(t('assert.netns.missing', { name: a.name, names: list(names, t) }));
  }
  return exists ? fail(t('assert.netns.unexpected', { name: a.name })) : pass(t('assert.netns.absent', { name: a.name }));
}

/** `veth, state UP`: the short description of a link for messages. */
const linkSummary = (link: LinkState, t: Translate): string => t('assert.link.summary', { type: link.type, state: link.operstate });

/** `veth-blue in blue`, `eth0` (host). */
const peerText = (name: string, ns: Ns, t: Translate): string => (ns === undefined ? name : t('assert.label.peer-in', { name, ns }));

/** One link expectation against the link found. */
function checkLinkState(link: LinkState, label: string, expect: LinkExpectation, t: Translate): CheckResult {
  const state = link.operstate;
  switch (expect.is) {
    case 'exists':
      return pass(t('assert.link.exists', { label, summary: linkSummary(link, t) }));
    case 'absent':
      return fail(t('assert.link.unexpected', { label, summary: linkSummary(link, t) }));
    case 'up':
      return link.up ? pass(t('assert.link.up', { label, state })) : fail(t('assert.link.down-expected-up', { label, state }));
    case 'down':
      return link.up ? fail(t('assert.link.up-expected-down', { label, state })) : pass(t('assert.link.down', { label, state }));
    case 'type':
      return link.type === expect.type ? pass(t('assert.link.type', { label, type: link.type })) : fail(t('assert.link.type-expected', { label, type: link.type, expected: expect.type }));
    case 'master':
      if (link.master === expect.master) return pass(t('assert.link.master', { label, master: link.master }));
      return fail(link.master === undefined
        ? t('assert.link.no-master-expected', { label, expected: expect.master })
        : t('assert.link.master-expected', { label, master: link.master, expected: expect.master }));
    case 'peer': {
      const wanted = peerText(expect.peer, expect.peerNs, t);
      if (link.type !== 'veth') return fail(t('assert.link.not-veth', { label, type: link.type, wanted }));
      if (link.peer === undefined) return fail(t('assert.link.peer-lost', { label, wanted }));
      const actual = peerText(link.peer.name, link.peer.ns, t);
      const same = link.peer.name === expect.peer && link.peer.ns === expect.peerNs;
      return same ? pass(t('assert.link.peer', { label, actual })) : fail(t('assert.link.peer-expected', { label, actual, wanted }));
    }
  }
}

/** `link NAME [in NS] …`. */
function checkLink(a: Extract<Assertion, { kind: 'link' }>, snapshot: Snapshot, t: Translate): CheckResult {
  const ns = findNamespace(snapshot, a.ns, t);
  const label = linkLabel(a.name, a.ns, t);
  if (isResult(ns)) return a.expect.is === 'absent' ? pass(t('assert.no-because', { label, why: ns.message })) : ns;
  const link = ns.links.find((l) => l.name === a.name);
  if (link === undefined) {
    return a.expect.is === 'absent' ? pass(t('assert.no', { label })) : fail(t('assert.no-link-there', { label, links: list(ns.links.map((l) => l.name), t) }));
  }
  return checkLinkState(link, label, a.expect, t);
}

/** `addr CIDR on NAME [in NS]` and `no addr …`. */
function checkAddr(a: Extract<Assertion, { kind: 'addr' }>, snapshot: Snapshot, t: Translate): CheckResult {
  const ns = findNamespace(snapshot, a.ns, t);
  const label = a.ns === undefined ? t('assert.label.addr', { cidr: a.cidr, dev: a.dev }) : t('assert.label.addr-in', { cidr: a.cidr, dev: a.dev, ns: a.ns });
  if (isResult(ns)) return a.present ? ns : pass(t('assert.no-because', { label, why: ns.message }));
  const link = ns.links.find((l) => l.name === a.dev);
  if (link === undefined) {
    const missing = t('assert.no-link-there', { label: linkLabel(a.dev, a.ns, t), links: list(ns.links.map((l) => l.name), t) });
    return a.present ? fail(t('assert.missing-because', { label, why: missing })) : pass(t('assert.no-because', { label, why: missing }));
  }
  const has = link.addresses.some((addr) => addr.cidr === a.cidr);
  if (!a.present) return has ? fail(t('assert.present-unexpected', { label })) : pass(t('assert.no', { label }));
  if (has) return pass(label);
  const elsewhere = ns.links.find((l) => l.addresses.some((addr) => addr.cidr === a.cidr));
  const addresses = list(link.addresses.map((addr) => addr.cidr), t);
  return fail(elsewhere
    ? t('assert.addr.missing-elsewhere', { label, addresses, cidr: a.cidr, elsewhere: elsewhere.name })
    : t('assert.addr.missing', { label, addresses }));
}

/** `default`, or a CIDR with its prefix (`10.0.0.1` → `10.0.0.1/32`). */
function normalizeDest(dest: string): string {
  if (dest === 'default' || dest === '0.0.0.0/0') return 'default';
  if (dest.includes('/')) return dest;
  return dest.includes(':') ? `${dest}/128` : `${dest}/32`;
}

/** `172.17.0.0/16 via 172.17.0.1 dev eth0`, as `ip route` prints a route. */
const routeText = (r: RouteState): string => `${r.dst}${r.gateway ? ` via ${r.gateway}` : ''}${r.dev ? ` dev ${r.dev}` : ''}`;

/** `route 10.0.0.0/24 dev br0 in red`. */
const routeLabel = (route: string, ns: Ns, t: Translate): string => (ns === undefined ? t('assert.label.route', { route }) : t('assert.label.route-in', { route, ns }));

/** `route DEST [via GW] [dev NAME] [in NS]`, looked up in the main table. */
function checkRoute(a: Extract<Assertion, { kind: 'route' }>, snapshot: Snapshot, t: Translate): CheckResult {
  const ns = findNamespace(snapshot, a.ns, t);
  if (isResult(ns)) return ns;
  const dest = normalizeDest(a.dest);
  const main = ns.routes.filter((r) => r.table === 'main');
  const found = main.find((r) => r.dst === dest && (a.via === undefined || r.gateway === a.via) && (a.dev === undefined || r.dev === a.dev));
  if (found) return pass(routeLabel(routeText(found), a.ns, t));
  const wanted = `${dest}${a.via ? ` via ${a.via}` : ''}${a.dev ? ` dev ${a.dev}` : ''}`;
  return fail(t('assert.route.missing', { label: routeLabel(wanted, a.ns, t), routes: list(main.map(routeText), t, t('assert.rule.separator')) }));
}

/** The chain of a table, or which of the two is missing with a sentence saying so and what exists. */
function findChain(snapshot: Snapshot, table: string, chain: string, t: Translate): IptablesChain | { missing: 'table' | 'chain'; name: string; why: string } {
  const host = findNamespace(snapshot, undefined, t);
  const tables = isResult(host) ? {} : host.iptables;
  const found = tables[table];
  if (found === undefined) return { missing: 'table', name: table, why: t('assert.table-missing', { table, tables: list(Object.keys(tables), t) }) };
  return found[chain] ?? { missing: 'chain', name: chain, why: t('assert.chain-missing', { chain, table, chains: list(Object.keys(found), t) }) };
}

/** `iptables TABLE CHAIN has|lacks "RULE"`, comparing specs with whitespace normalized. */
function checkIptablesRule(a: Extract<Assertion, { kind: 'iptables-rule' }>, snapshot: Snapshot, t: Translate): CheckResult {
  const rule = normalizeRuleSpec(a.rule);
  const chain = findChain(snapshot, a.table, a.chain, t);
  const label = t('assert.label.chain', { table: a.table, chain: a.chain });
  if ('why' in chain) {
    const message = t('assert.rule.none-because', { label, rule, why: chain.why });
    return a.present ? { passed: false, message, chain: { missing: chain.missing, name: chain.name } } : pass(message);
  }
  const found = chain.rules.find((r) => r.spec === rule);
  if (!a.present) return found ? fail(t('assert.rule.unexpected', { label, rule })) : pass(t('assert.rule.none', { label, rule }));
  if (found) return pass(t('assert.rule.found', { label, rule, packets: found.packets }));
  const rules = chain.rules.map((r) => r.spec);
  return { passed: false, message: t('assert.rule.missing', { label, rule, rules: list(rules, t, t('assert.rule.separator')) }), chain: { rules } };
}

/** `iptables TABLE CHAIN policy is POLICY`; a built-in chain of a table never loaded accepts everything. */
function checkIptablesPolicy(a: Extract<Assertion, { kind: 'iptables-policy' }>, snapshot: Snapshot, t: Translate): CheckResult {
  const chain = findChain(snapshot, a.table, a.chain, t);
  const label = t('assert.label.policy', { table: a.table, chain: a.chain });
  if ('why' in chain) {
    const builtin = BUILTIN_CHAINS[a.table]?.includes(a.chain) === true;
    if (!builtin) return fail(t('assert.policy.unknown', { label, why: chain.why, policy: a.policy }));
    return a.policy === 'ACCEPT' ? pass(t('assert.policy.unloaded', { label, table: a.table })) : fail(t('assert.policy.unloaded-expected', { label, table: a.table, policy: a.policy }));
  }
  if (chain.policy === undefined) return fail(t('assert.policy.user-chain', { label: t('assert.label.chain', { table: a.table, chain: a.chain }), policy: a.policy }));
  return chain.policy === a.policy ? pass(t('assert.policy.is', { label, policy: chain.policy })) : fail(t('assert.policy.expected', { label, actual: chain.policy, policy: a.policy }));
}

/** `sysctl net.ipv4.ip_forward in red`. */
const sysctlLabel = (key: string, ns: Ns, t: Translate): string => (ns === undefined ? t('assert.label.sysctl', { key }) : t('assert.label.sysctl-in', { key, ns }));

/** The verdict on `sysctl KEY [in NS] is VALUE` given the value read (undefined: no such key), whitespace normalized. */
export function sysctlResult(a: Extract<Assertion, { kind: 'sysctl' }>, value: string | undefined, t: Translate = english.t): CheckResult {
  const label = sysctlLabel(a.key, a.ns, t);
  if (value === undefined) return fail(t('assert.sysctl.missing', { label, value: a.value }));
  const norm = (s: string): string => s.trim().replace(/\s+/g, ' ');
  return norm(value) === norm(a.value) ? pass(t('assert.sysctl.is', { label, value: norm(value) })) : fail(t('assert.sysctl.expected', { label, actual: norm(value), value: a.value }));
}

/** Whether snapshots record a sysctl key (others are read live by evaluate). */
export const isSnapshotSysctl = (key: string): boolean => (SNAPSHOT_SYSCTLS as readonly string[]).includes(key);

/** A failure when the namespace an assertion names does not exist in the snapshot; undefined when it does. */
export function namespaceProblem(snapshot: Snapshot, ns: Ns, t: Translate = english.t): CheckResult | undefined {
  const found = findNamespace(snapshot, ns, t);
  return isResult(found) ? found : undefined;
}

/** `sysctl KEY [in NS] is VALUE` for a key snapshots record. */
function checkSysctl(a: Extract<Assertion, { kind: 'sysctl' }>, snapshot: Snapshot, t: Translate): CheckResult {
  const ns = findNamespace(snapshot, a.ns, t);
  if (isResult(ns)) return ns;
  if (!isSnapshotSysctl(a.key)) {
    return fail(t('assert.sysctl.not-read', { label: sysctlLabel(a.key, a.ns, t), keys: SNAPSHOT_SYSCTLS.join(', ') }));
  }
  return sysctlResult(a, ns.sysctls[a.key], t);
}

/** Check one state assertion against a snapshot; the message in the translator's language. */
export function checkState(assertion: StateAssertion, snapshot: Snapshot, t: Translate = english.t): CheckResult {
  const result = stateVerdict(assertion, snapshot, t);
  return { ...result, message: tidyCjkSpaces(result.message) };
}

/** The verdict on one state assertion, its words as the catalogue glued them. */
function stateVerdict(assertion: StateAssertion, snapshot: Snapshot, t: Translate): CheckResult {
  switch (assertion.kind) {
    case 'netns': return checkNetns(assertion, snapshot, t);
    case 'link': return checkLink(assertion, snapshot, t);
    case 'addr': return checkAddr(assertion, snapshot, t);
    case 'route': return checkRoute(assertion, snapshot, t);
    case 'iptables-rule': return checkIptablesRule(assertion, snapshot, t);
    case 'iptables-policy': return checkIptablesPolicy(assertion, snapshot, t);
    case 'sysctl': return checkSysctl(assertion, snapshot, t);
  }
}
