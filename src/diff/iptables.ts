// iptables changes: rules added and removed per table and chain, chains created and deleted, policies, counters.

import type { IptablesChain, IptablesRule, IptablesState } from '../kernel/types.ts';
import type { Change } from './types.ts';
import type { NamespacePair } from './namespaces.ts';
import { glossRule } from './gloss.ts';

/** Every iptables change of one namespace (a new namespace is compared with empty tables). */
export function diffIptables(pair: NamespacePair): Change[] {
  if (!pair.after) return [];
  const was = pair.before?.iptables ?? {};
  const now = pair.after.iptables;
  const tables = [...new Set([...Object.keys(was), ...Object.keys(now)])].sort();
  return tables.flatMap((table) => {
    const chains = [...new Set([...Object.keys(was[table] ?? {}), ...Object.keys(now[table] ?? {})])];
    const changes = chains.flatMap((chain) => diffChain(pair.name, table, was[table]?.[chain], now[table]?.[chain], now));
    // Chains are created before rules jump to them and deleted after: tell chain changes first.
    return changes.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
  });
}

/** Chain creation and deletion first, then everything else. */
function rank(c: Change): number {
  return c.text.startsWith('chain ') ? 0 : 1;
}

/** A built-in chain whose table vanished reads as emptied back to its defaults. */
function emptied(chain: IptablesChain): IptablesChain {
  return { ...chain, policy: 'ACCEPT', packets: 0, bytes: 0, rules: [] };
}

/** The user-defined chains of a table, so a jump to one can be glossed. */
function userChains(state: IptablesState, table: string): Set<string> {
  return new Set(Object.values(state[table] ?? {}).filter((c) => c.policy === undefined).map((c) => c.name));
}

/** Changes within one chain: creation/deletion, policy, rules, counters. */
function diffChain(ns: string | undefined, table: string, was: IptablesChain | undefined, found: IptablesChain | undefined, state: IptablesState): Change[] {
  const where = `${table} ${(found ?? was)?.name}`;
  const out: Change[] = [];
  if (!found && was?.policy === undefined) return [{ ns, kind: 'iptables', op: '-', text: `chain ${where}` }];
  const now = found ?? emptied(was!);
  if (!was && now.policy === undefined) out.push({ ns, kind: 'iptables', op: '+', text: `chain ${where}` });
  const oldPolicy = was?.policy ?? 'ACCEPT';
  if (now.policy !== undefined && now.policy !== oldPolicy) out.push({ ns, kind: 'iptables', op: '~', text: `${where} policy ${oldPolicy} → ${now.policy}` });
  const { kept, added, removed } = matchRules(was?.rules ?? [], now.rules);
  for (const r of removed) out.push({ ns, kind: 'iptables', op: '-', text: `${where}: ${r.spec}` });
  for (const r of added) {
    const gloss = glossRule(r.spec, userChains(state, table));
    out.push({ ns, kind: 'iptables', op: '+', text: `${where}: ${r.spec}${gloss ? ` — ${gloss}` : ''}` });
  }
  for (const [i, rule] of now.rules.entries()) {
    const moved = rule.packets - (kept.get(rule)?.packets ?? 0);
    if (moved > 0) out.push({ ns, kind: 'counter', op: '~', text: `${where} rule ${i + 1} matched ${moved} ${kept.has(rule) ? 'more ' : ''}${plural(moved)}` });
  }
  const dropped = now.packets - (was?.packets ?? 0);
  if (now.policy !== undefined && now.policy !== 'ACCEPT' && dropped > 0) {
    out.push({ ns, kind: 'counter', op: '~', text: `${where} policy ${now.policy} took ${dropped} more ${plural(dropped)}` });
  }
  return out;
}

/** `1 packet`, `2 packets`. */
function plural(n: number): string {
  return n === 1 ? 'packet' : 'packets';
}

/** Pair rules by spec (the n-th copy before with the n-th after); the rest were added or removed. */
function matchRules(was: readonly IptablesRule[], now: readonly IptablesRule[]): { kept: Map<IptablesRule, IptablesRule>; added: IptablesRule[]; removed: IptablesRule[] } {
  const kept = new Map<IptablesRule, IptablesRule>();
  const unused = [...was];
  const added: IptablesRule[] = [];
  for (const rule of now) {
    const i = unused.findIndex((r) => r.spec === rule.spec);
    if (i >= 0) kept.set(rule, unused.splice(i, 1)[0]!);
    else added.push(rule);
  }
  return { kept, added, removed: unused };
}
