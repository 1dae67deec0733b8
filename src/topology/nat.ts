// NAT rules worth drawing: MASQUERADE/SNAT in nat POSTROUTING, DNAT anywhere in nat, and which bridge each serves.

import { english, type Translate } from '../i18n/index.ts';
import type { IptablesState } from '../kernel/types.ts';
import { glossRule } from '../diff/gloss.ts';
import { inSubnet } from './cidr.ts';

export interface NatRule {
  readonly kind: 'MASQUERADE' | 'SNAT' | 'DNAT';
  readonly chain: string;
  readonly spec: string;
  /** Plain words when the rule is simple, else the spec. */
  readonly text: string;
  /** Whether the rule serves this bridge (by its name or by a subnet of one of its addresses). */
  readonly serves: (bridge: string, addresses: readonly string[]) => boolean;
}

/** Value of an option in a rule spec, e.g. `-s` → `172.17.0.0/16`. */
function option(spec: string, name: string): string | undefined {
  return new RegExp(`(?:^| )${name} (\\S+)`).exec(spec)?.[1];
}

/** The network of an address: `172.17.0.1/16` → the same string works as a CIDR for inSubnet. */
function servesAny(addresses: readonly string[], target: string | undefined): boolean {
  return target !== undefined && addresses.some((a) => inSubnet(a, target));
}

/** The NAT rules of a namespace, in table order. */
export function natRules(iptables: IptablesState, t: Translate = english.t): NatRule[] {
  const nat = iptables['nat'] ?? {};
  const userChains = new Set(Object.values(nat).filter((c) => c.policy === undefined).map((c) => c.name));
  return Object.values(nat).flatMap((chain) => chain.rules.flatMap((rule): NatRule[] => {
    const kind = option(rule.spec, '-j');
    if (kind !== 'MASQUERADE' && kind !== 'SNAT' && kind !== 'DNAT') return [];
    if (kind !== 'DNAT' && chain.name !== 'POSTROUTING') return [];
    const text = glossRule(rule.spec, userChains, t) ?? `${kind} ${rule.spec}`;
    const serves = kind === 'DNAT'
      ? (_bridge: string, addrs: readonly string[]) => servesAny(addrs, option(rule.spec, '--to-destination'))
      : (bridge: string, addrs: readonly string[]) => option(rule.spec, '-o') === bridge || servesAny(addrs, option(rule.spec, '-s'));
    return [{ kind, chain: chain.name, spec: rule.spec, text, serves }];
  }));
}
