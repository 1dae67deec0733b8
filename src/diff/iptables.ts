// iptables changes: rules added and removed per table and chain, chains created and deleted, policies, counters.

import { english, type Translate } from '../i18n/index.ts';
import type { IptablesChain, IptablesRule, IptablesState } from '../kernel/types.ts';
import type { Change } from './types.ts';
import type { NamespacePair } from './namespaces.ts';
import { glossRule } from './gloss.ts';

/** Every iptables change of one namespace (a new namespace is compared with empty tables). */
export function diffIptables(pair: NamespacePair, t: Translate = english.t): Change[] {
  if (!pair.after) return [];
  const was = pair.before?.iptables ?? {};
  const now = pair.after.iptables;
  const tables = [...new Set([...Object.keys(was), ...Object.keys(now)])].sort();
  return tables.flatMap((table) => {
    const chains = [...new Set([...Object.keys(was[table] ?? {}), ...Object.keys(now[table] ?? {})])];
    const changes = chains.flatMap((chain) => diffChain(pair.name, table, was[table]?.[chain], now[table]?.[chain], now, t));
    // Chains are created before rules jump to them and deleted after: tell chain changes first.
    return changes.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c.change);
  });
}

/** A change and whether it creates or deletes a chain. */
interface Ranked {
  readonly change: Change;
  readonly chain: boolean;
}

/** Chain creation and deletion first, then everything else. */
function rank(c: Ranked): number {
  return c.chain ? 0 : 1;
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
function diffChain(ns: string | undefined, table: string, was: IptablesChain | undefined, found: IptablesChain | undefined, state: IptablesState, t: Translate): Ranked[] {
  const where = { table, chain: (found ?? was)?.name ?? '' };
  const out: Ranked[] = [];
  const push = (kind: Change['kind'], op: Change['op'], text: string, chain = false): void => {
    out.push({ change: { ns, kind, op, text }, chain });
  };
  if (!found && was?.policy === undefined) return [{ change: { ns, kind: 'iptables', op: '-', text: t('diff.chain', where) }, chain: true }];
  const now = found ?? emptied(was!);
  if (!was && now.policy === undefined) push('iptables', '+', t('diff.chain', where), true);
  const oldPolicy = was?.policy ?? 'ACCEPT';
  if (now.policy !== undefined && now.policy !== oldPolicy) push('iptables', '~', t('diff.policy', { ...where, from: oldPolicy, to: now.policy }));
  const { kept, added, removed } = matchRules(was?.rules ?? [], now.rules);
  for (const r of removed) push('iptables', '-', t('diff.rule', { ...where, spec: r.spec }));
  for (const r of added) {
    const gloss = glossRule(r.spec, userChains(state, table), t);
    push('iptables', '+', gloss ? t('diff.rule-gloss', { ...where, spec: r.spec, gloss }) : t('diff.rule', { ...where, spec: r.spec }));
  }
  for (const [i, rule] of now.rules.entries()) {
    const moved = rule.packets - (kept.get(rule)?.packets ?? 0);
    if (moved > 0) push('counter', '~', t(kept.has(rule) ? 'diff.counter-more' : 'diff.counter', { ...where, number: i + 1, count: moved }));
  }
  const dropped = now.packets - (was?.packets ?? 0);
  if (now.policy !== undefined && now.policy !== 'ACCEPT' && dropped > 0) {
    push('counter', '~', t('diff.policy-took', { ...where, policy: now.policy, count: dropped }));
  }
  return out;
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
