// Which namespaces two snapshots hold, paired up in the order changes are told: lab host, named ones, world.

import { english, type Translate } from '../i18n/index.ts';
import type { NamespaceKind, NamespaceState, Snapshot } from '../kernel/types.ts';

/** One namespace as it was before and after a step (either side absent when it was added or removed). */
export interface NamespacePair {
  readonly name: string | undefined;
  readonly kind: NamespaceKind;
  readonly before: NamespaceState | undefined;
  readonly after: NamespaceState | undefined;
}

const KIND_ORDER: Readonly<Record<NamespaceKind, number>> = { host: 0, netns: 1, world: 2 };

/** Pair namespaces by name: after's order first, then those only before held, host first and world last. */
export function pairNamespaces(before: Snapshot, after: Snapshot): NamespacePair[] {
  const pairs: NamespacePair[] = [];
  for (const ns of [...after.namespaces, ...before.namespaces]) {
    if (pairs.some((p) => p.name === ns.name)) continue;
    const find = (s: Snapshot): NamespaceState | undefined => s.namespaces.find((n) => n.name === ns.name);
    pairs.push({ name: ns.name, kind: ns.kind, before: find(before), after: find(after) });
  }
  return pairs.map((p, i) => ({ p, i })).sort((a, b) => KIND_ORDER[a.p.kind] - KIND_ORDER[b.p.kind] || a.i - b.i).map(({ p }) => p);
}

/** A link named as the user sees it: `eth0` in the lab host, `eth0 in c1` elsewhere. */
export function linkLabel(name: string, ns: string | undefined, t: Translate = english.t): string {
  return ns === undefined ? name : t('diff.link-in', { name, ns });
}

/** The namespace as a destination in prose: `namespace c1`, `the lab host`, `the simulated internet`. */
export function namespacePhrase(ns: string | undefined, kind: NamespaceKind, t: Translate = english.t): string {
  if (kind === 'host' || ns === undefined) return t('diff.to.host');
  if (kind === 'world') return t('diff.to.world');
  return t('diff.to.netns', { ns });
}

/** The heading a namespace's changes are grouped under. */
export function namespaceHeading(ns: string | undefined, t: Translate = english.t): string {
  if (ns === undefined) return t('diff.heading.host');
  if (ns === 'world') return t('diff.heading.world');
  return t('diff.heading.netns', { ns });
}
