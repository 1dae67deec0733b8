// Parse `iptables-save -c` output into tables of chains with their policies, rules and counters.

import type { IptablesChain, IptablesRule, IptablesState } from './types.ts';

interface ChainDraft {
  name: string;
  policy: string | undefined;
  packets: number;
  bytes: number;
  rules: IptablesRule[];
}

const TABLE_LINE = /^\*(\S+)\s*$/;
/** `:POSTROUTING ACCEPT [12:720]`; a user-defined chain has `-` as its policy. */
const CHAIN_LINE = /^:(\S+)\s+(\S+)(?:\s+\[(\d+):(\d+)\])?\s*$/;
/** `[3:252] -A FORWARD -o docker0 -j ACCEPT`; the counters are absent without `-c`. */
const RULE_LINE = /^(?:\[(\d+):(\d+)\]\s+)?-A\s+(\S+)(?:\s+(.*?))?\s*$/;

/** The same rule spec however it was spaced: single spaces, no ends. */
export function normalizeRuleSpec(spec: string): string {
  return spec.trim().replace(/\s+/g, ' ');
}

/** Turn one table's drafts into the readonly record the snapshot holds. */
function freezeTable(chains: Map<string, ChainDraft>): Record<string, IptablesChain> {
  const table: Record<string, IptablesChain> = {};
  for (const [name, chain] of chains) table[name] = { ...chain, rules: chain.rules };
  return table;
}

/** Parse iptables-save output (any number of tables; comments and COMMIT lines ignored). */
export function parseIptablesSave(text: string): IptablesState {
  const tables: Record<string, Record<string, IptablesChain>> = {};
  let current: { name: string; chains: Map<string, ChainDraft> } | undefined;
  const flush = (): void => {
    if (current) tables[current.name] = freezeTable(current.chains);
    current = undefined;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const table = TABLE_LINE.exec(line);
    if (table) {
      flush();
      current = { name: table[1] ?? '', chains: new Map() };
      continue;
    }
    if (line === 'COMMIT') {
      flush();
      continue;
    }
    if (!current) continue;
    const chain = CHAIN_LINE.exec(line);
    if (chain) {
      const name = chain[1] ?? '';
      const policy = chain[2] === '-' ? undefined : chain[2];
      current.chains.set(name, { name, policy, packets: Number(chain[3] ?? 0), bytes: Number(chain[4] ?? 0), rules: [] });
      continue;
    }
    const rule = RULE_LINE.exec(line);
    if (rule) {
      const name = rule[3] ?? '';
      const target = current.chains.get(name) ?? { name, policy: undefined, packets: 0, bytes: 0, rules: [] };
      current.chains.set(name, target);
      target.rules.push({ spec: normalizeRuleSpec(rule[4] ?? ''), packets: Number(rule[1] ?? 0), bytes: Number(rule[2] ?? 0) });
    }
  }
  flush();
  return tables;
}
