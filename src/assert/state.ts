// Check the assertions about kernel state against a snapshot; pure, and every failure says what the kernel holds.

import { normalizeRuleSpec } from '../kernel/iptables.ts';
import { SNAPSHOT_SYSCTLS, type IptablesChain, type LinkState, type NamespaceState, type RouteState, type Snapshot } from '../kernel/types.ts';
import type { Assertion, CheckResult, LinkExpectation, Ns } from './types.ts';

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

/** ` in red` for a named namespace, nothing for the lab host. */
const where = (ns: Ns): string => (ns === undefined ? '' : ` in ${ns}`);

/** A list for a message, or `none`. */
const list = (items: readonly string[], separator = ', '): string => (items.length === 0 ? 'none' : items.join(separator));

/** The namespace an assertion speaks of, or a failure saying it does not exist. */
function findNamespace(snapshot: Snapshot, ns: Ns): NamespaceState | CheckResult {
  if (ns === undefined) {
    return snapshot.namespaces.find((n) => n.kind === 'host') ?? fail('the snapshot has no lab host namespace');
  }
  if (ns === 'world') {
    return snapshot.namespaces.find((n) => n.kind === 'world') ?? fail('the world namespace does not exist (this lesson runs with world: none)');
  }
  const found = snapshot.namespaces.find((n) => n.kind === 'netns' && n.name === ns);
  return found ?? fail(`netns ${ns} does not exist (namespaces: ${list(namedNamespaces(snapshot))})`);
}

/** Names of the `ip netns` namespaces. */
function namedNamespaces(snapshot: Snapshot): string[] {
  return snapshot.namespaces.flatMap((n) => (n.kind === 'netns' && n.name !== undefined ? [n.name] : []));
}

/** Whether a lookup came back as a failure rather than a namespace. */
const isResult = (value: NamespaceState | CheckResult): value is CheckResult => 'passed' in value;

/** `netns NAME exists|is absent`. */
function checkNetns(a: Extract<Assertion, { kind: 'netns' }>, snapshot: Snapshot): CheckResult {
  const names = namedNamespaces(snapshot);
  const exists = names.includes(a.name);
  if (a.expect === 'exists') {
    return exists ? pass(`netns ${a.name} exists`) : fail(`netns ${a.name} does not exist (namespaces: ${list(names)})`);
  }
  return exists ? fail(`netns ${a.name} exists; expected it to be absent`) : pass(`netns ${a.name} is absent`);
}

/** `veth, state UP`: the short description of a link for messages. */
const linkSummary = (link: LinkState): string => `${link.type}, state ${link.operstate}`;

/** `veth-blue in blue`, `eth0` (host). */
const peerText = (name: string, ns: Ns): string => `${name}${where(ns)}`;

/** One link expectation against the link found. */
function checkLinkState(link: LinkState, label: string, expect: LinkExpectation): CheckResult {
  switch (expect.is) {
    case 'exists':
      return pass(`${label} exists (${linkSummary(link)})`);
    case 'absent':
      return fail(`${label} exists (${linkSummary(link)}); expected it to be absent`);
    case 'up':
      return link.up ? pass(`${label} is up (state ${link.operstate})`) : fail(`${label} is down (state ${link.operstate}); expected up`);
    case 'down':
      return link.up ? fail(`${label} is up (state ${link.operstate}); expected down`) : pass(`${label} is down (state ${link.operstate})`);
    case 'type':
      return link.type === expect.type ? pass(`${label} is a ${link.type}`) : fail(`${label} is a ${link.type}; expected a ${expect.type}`);
    case 'master':
      if (link.master === expect.master) return pass(`${label} has master ${link.master}`);
      return fail(`${label} ${link.master === undefined ? 'has no master' : `has master ${link.master}`}; expected master ${expect.master}`);
    case 'peer': {
      const wanted = peerText(expect.peer, expect.peerNs);
      if (link.type !== 'veth') return fail(`${label} is a ${link.type}, not a veth, so it has no peer; expected peer ${wanted}`);
      if (link.peer === undefined) return fail(`${label}'s peer could not be found in any namespace; expected peer ${wanted}`);
      const actual = peerText(link.peer.name, link.peer.ns);
      const same = link.peer.name === expect.peer && link.peer.ns === expect.peerNs;
      return same ? pass(`${label} has peer ${actual}`) : fail(`${label} has peer ${actual}; expected peer ${wanted}`);
    }
  }
}

/** `link NAME [in NS] …`. */
function checkLink(a: Extract<Assertion, { kind: 'link' }>, snapshot: Snapshot): CheckResult {
  const ns = findNamespace(snapshot, a.ns);
  if (isResult(ns)) return a.expect.is === 'absent' ? pass(`no link ${a.name}${where(a.ns)}: ${ns.message}`) : ns;
  const link = ns.links.find((l) => l.name === a.name);
  if (link === undefined) {
    const missing = `no link ${a.name}${where(a.ns)}`;
    return a.expect.is === 'absent' ? pass(missing) : fail(`${missing} (links there: ${list(ns.links.map((l) => l.name))})`);
  }
  return checkLinkState(link, `link ${a.name}${where(a.ns)}`, a.expect);
}

/** `addr CIDR on NAME [in NS]` and `no addr …`. */
function checkAddr(a: Extract<Assertion, { kind: 'addr' }>, snapshot: Snapshot): CheckResult {
  const ns = findNamespace(snapshot, a.ns);
  const label = `addr ${a.cidr} on ${a.dev}${where(a.ns)}`;
  if (isResult(ns)) return a.present ? ns : pass(`no ${label}: ${ns.message}`);
  const link = ns.links.find((l) => l.name === a.dev);
  if (link === undefined) {
    const missing = `no link ${a.dev}${where(a.ns)} (links there: ${list(ns.links.map((l) => l.name))})`;
    return a.present ? fail(`${label} is missing: ${missing}`) : pass(`no ${label}: ${missing}`);
  }
  const has = link.addresses.some((addr) => addr.cidr === a.cidr);
  if (!a.present) return has ? fail(`${label} is present; expected it to be absent`) : pass(`no ${label}`);
  if (has) return pass(label);
  const elsewhere = ns.links.find((l) => l.addresses.some((addr) => addr.cidr === a.cidr));
  const hint = elsewhere ? `; ${a.cidr} is on ${elsewhere.name}` : '';
  return fail(`${label} is missing (addresses there: ${list(link.addresses.map((addr) => addr.cidr))}${hint})`);
}

/** `default`, or a CIDR with its prefix (`10.0.0.1` → `10.0.0.1/32`). */
function normalizeDest(dest: string): string {
  if (dest === 'default' || dest === '0.0.0.0/0') return 'default';
  if (dest.includes('/')) return dest;
  return dest.includes(':') ? `${dest}/128` : `${dest}/32`;
}

/** `172.17.0.0/16 via 172.17.0.1 dev eth0`, as `ip route` prints a route. */
const routeText = (r: RouteState): string => `${r.dst}${r.gateway ? ` via ${r.gateway}` : ''}${r.dev ? ` dev ${r.dev}` : ''}`;

/** `route DEST [via GW] [dev NAME] [in NS]`, looked up in the main table. */
function checkRoute(a: Extract<Assertion, { kind: 'route' }>, snapshot: Snapshot): CheckResult {
  const ns = findNamespace(snapshot, a.ns);
  if (isResult(ns)) return ns;
  const dest = normalizeDest(a.dest);
  const main = ns.routes.filter((r) => r.table === 'main');
  const found = main.find((r) => r.dst === dest && (a.via === undefined || r.gateway === a.via) && (a.dev === undefined || r.dev === a.dev));
  if (found) return pass(`route ${routeText(found)}${where(a.ns)}`);
  const wanted = `${dest}${a.via ? ` via ${a.via}` : ''}${a.dev ? ` dev ${a.dev}` : ''}`;
  return fail(`route ${wanted}${where(a.ns)} is missing (routes there: ${list(main.map(routeText), '; ')})`);
}

/** The chain of a table, or a sentence saying which of the two is missing and what exists. */
function findChain(snapshot: Snapshot, table: string, chain: string): IptablesChain | string {
  const host = findNamespace(snapshot, undefined);
  const tables = isResult(host) ? {} : host.iptables;
  const found = tables[table];
  if (found === undefined) return `table ${table} does not exist; tables there: ${list(Object.keys(tables))}`;
  return found[chain] ?? `chain ${chain} does not exist in ${table}; chains there: ${list(Object.keys(found))}`;
}

/** `iptables TABLE CHAIN has|lacks "RULE"`, comparing specs with whitespace normalized. */
function checkIptablesRule(a: Extract<Assertion, { kind: 'iptables-rule' }>, snapshot: Snapshot): CheckResult {
  const rule = normalizeRuleSpec(a.rule);
  const chain = findChain(snapshot, a.table, a.chain);
  const label = `${a.table} ${a.chain}`;
  if (typeof chain === 'string') return a.present ? fail(`${label} has no rule "${rule}" (${chain})`) : pass(`${label} has no rule "${rule}" (${chain})`);
  const found = chain.rules.find((r) => r.spec === rule);
  if (!a.present) return found ? fail(`${label} has rule "${rule}"; expected it to be absent`) : pass(`${label} has no rule "${rule}"`);
  if (found) return pass(`${label} has rule "${rule}" (${found.packets} packets matched)`);
  return fail(`${label} has no rule "${rule}" (rules there: ${list(chain.rules.map((r) => r.spec), '; ')})`);
}

/** `iptables TABLE CHAIN policy is POLICY`; a built-in chain of a table never loaded accepts everything. */
function checkIptablesPolicy(a: Extract<Assertion, { kind: 'iptables-policy' }>, snapshot: Snapshot): CheckResult {
  const chain = findChain(snapshot, a.table, a.chain);
  const label = `${a.table} ${a.chain} policy`;
  if (typeof chain === 'string') {
    const builtin = BUILTIN_CHAINS[a.table]?.includes(a.chain) === true;
    if (!builtin) return fail(`${label} is unknown (${chain}); expected ${a.policy}`);
    const unloaded = `ACCEPT (table ${a.table} is not loaded, so nothing is filtered)`;
    return a.policy === 'ACCEPT' ? pass(`${label} is ${unloaded}`) : fail(`${label} is ${unloaded}; expected ${a.policy}`);
  }
  if (chain.policy === undefined) return fail(`${a.table} ${a.chain} is a user-defined chain and has no policy; expected ${a.policy}`);
  return chain.policy === a.policy ? pass(`${label} is ${chain.policy}`) : fail(`${label} is ${chain.policy}; expected ${a.policy}`);
}

/** The verdict on `sysctl KEY [in NS] is VALUE` given the value read (undefined: no such key), whitespace normalized. */
export function sysctlResult(a: Extract<Assertion, { kind: 'sysctl' }>, value: string | undefined): CheckResult {
  const label = `sysctl ${a.key}${where(a.ns)}`;
  if (value === undefined) return fail(`${label} does not exist; expected ${a.value}`);
  const norm = (s: string): string => s.trim().replace(/\s+/g, ' ');
  return norm(value) === norm(a.value) ? pass(`${label} is ${norm(value)}`) : fail(`${label} is ${norm(value)}; expected ${a.value}`);
}

/** Whether snapshots record a sysctl key (others are read live by evaluate). */
export const isSnapshotSysctl = (key: string): boolean => (SNAPSHOT_SYSCTLS as readonly string[]).includes(key);

/** A failure when the namespace an assertion names does not exist in the snapshot; undefined when it does. */
export function namespaceProblem(snapshot: Snapshot, ns: Ns): CheckResult | undefined {
  const found = findNamespace(snapshot, ns);
  return isResult(found) ? found : undefined;
}

/** `sysctl KEY [in NS] is VALUE` for a key snapshots record. */
function checkSysctl(a: Extract<Assertion, { kind: 'sysctl' }>, snapshot: Snapshot): CheckResult {
  const ns = findNamespace(snapshot, a.ns);
  if (isResult(ns)) return ns;
  if (!isSnapshotSysctl(a.key)) {
    return fail(`sysctl ${a.key}${where(a.ns)} is not read by snapshots (they read ${SNAPSHOT_SYSCTLS.join(', ')})`);
  }
  return sysctlResult(a, ns.sysctls[a.key]);
}

/** Check one state assertion against a snapshot. */
export function checkState(assertion: StateAssertion, snapshot: Snapshot): CheckResult {
  switch (assertion.kind) {
    case 'netns': return checkNetns(assertion, snapshot);
    case 'link': return checkLink(assertion, snapshot);
    case 'addr': return checkAddr(assertion, snapshot);
    case 'route': return checkRoute(assertion, snapshot);
    case 'iptables-rule': return checkIptablesRule(assertion, snapshot);
    case 'iptables-policy': return checkIptablesPolicy(assertion, snapshot);
    case 'sysctl': return checkSysctl(assertion, snapshot);
  }
}
