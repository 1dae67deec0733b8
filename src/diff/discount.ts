// The checks' own traffic is not the learner's: take out what moved while steplab's checks ran
// (rule and policy counters, MAC addresses a bridge learned), so a `ping … succeeds` check never
// reads as "matched 2 more packets".

import type { FdbEntry, IptablesChain, NamespaceState, Snapshot } from '../kernel/types.ts';

/** Snapshots taken just before and just after steplab's checks ran. */
export interface CheckWindow {
  readonly start: Snapshot;
  readonly end: Snapshot;
}

/** `after` with every counter lowered by what it moved inside the windows, and MAC entries first learned there dropped. */
export function discountChecks(after: Snapshot, windows: readonly CheckWindow[]): Snapshot {
  return windows.reduce((snap, w) => ({ namespaces: snap.namespaces.map((ns) => discountNamespace(ns, find(w.start, ns), find(w.end, ns))) }), after);
}

const find = (snap: Snapshot, ns: NamespaceState): NamespaceState | undefined => snap.namespaces.find((n) => n.name === ns.name && n.kind === ns.kind);

/** One namespace: counters and FDB. */
function discountNamespace(ns: NamespaceState, start: NamespaceState | undefined, end: NamespaceState | undefined): NamespaceState {
  if (!start || !end) return ns;
  const iptables = Object.fromEntries(
    Object.entries(ns.iptables).map(([table, chains]) => [
      table,
      Object.fromEntries(Object.entries(chains).map(([name, chain]) => [name, discountChain(chain, start.iptables[table]?.[name], end.iptables[table]?.[name])])),
    ]),
  );
  const key = (e: FdbEntry): string => `${e.mac} ${e.dev} ${e.master ?? ''}`;
  const had = new Set(start.fdb.map(key));
  const learned = new Set(end.fdb.filter((e) => !had.has(key(e)) && e.state !== 'permanent').map(key));
  return { ...ns, iptables, fdb: ns.fdb.filter((e) => !learned.has(key(e))) };
}

/** A chain whose rules and policy counter lose what they moved between `start` and `end` (rules paired by spec, in order). */
function discountChain(chain: IptablesChain, start: IptablesChain | undefined, end: IptablesChain | undefined): IptablesChain {
  if (!start || !end) return chain;
  const moved = new Map<string, number[]>();
  const unused = [...start.rules];
  for (const rule of end.rules) {
    const i = unused.findIndex((r) => r.spec === rule.spec);
    if (i < 0) continue;
    const [was] = unused.splice(i, 1);
    moved.set(rule.spec, [...(moved.get(rule.spec) ?? []), Math.max(0, rule.packets - (was?.packets ?? 0))]);
  }
  const rules = chain.rules.map((rule) => {
    const delta = moved.get(rule.spec)?.shift() ?? 0;
    return delta === 0 ? rule : { ...rule, packets: Math.max(0, rule.packets - delta) };
  });
  return { ...chain, rules, packets: Math.max(0, chain.packets - Math.max(0, end.packets - start.packets)) };
}
