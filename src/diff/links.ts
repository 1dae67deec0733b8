// Link changes in plain words: created and deleted (a veth pair as one), moved, renamed, up/down, MAC, MTU, bridge ports.

import type { Change } from './types.ts';
import type { LinkState } from '../kernel/types.ts';
import type { LinkMatch, LinkMatching, PlacedLink } from './match.ts';
import { linkLabel, namespacePhrase, type NamespacePair } from './namespaces.ts';

/** Every link change between the two sides, given how their links match up. */
export function diffLinks(pairs: readonly NamespacePair[], matching: LinkMatching): Change[] {
  return [
    ...addedLinks(matching.added, pairs),
    ...matching.matched.flatMap((m) => changedLink(m, pairs)),
    ...removedLinks(matching.removed, pairs),
  ];
}

/** What happened to one link that exists on both sides. */
function changedLink({ before, after }: LinkMatch, pairs: readonly NamespacePair[]): Change[] {
  const was = before.link;
  const now = after.link;
  const label = linkLabel(now.name, after.ns);
  const out: Change[] = [];
  const link = (op: Change['op'], text: string): Change => ({ ns: after.ns, kind: 'link', op, text });
  if (before.ns !== after.ns) {
    const kind = pairs.find((p) => p.name === after.ns)?.kind ?? 'netns';
    const renamed = was.name === now.name ? '' : ` and renamed ${now.name}`;
    out.push({ ns: before.ns, kind: 'link', op: '~', text: `${linkLabel(was.name, before.ns)} moved to ${namespacePhrase(after.ns, kind)}${renamed}` });
  } else if (was.name !== now.name) out.push(link('~', `${linkLabel(was.name, before.ns)} renamed ${now.name}`));
  if (was.up !== now.up) out.push(link('~', `${label} is ${now.up ? 'up' : 'down'}`));
  if (was.mac !== now.mac) out.push(link('~', `${label} MAC ${was.mac} → ${now.mac}`));
  if (was.mtu !== now.mtu) out.push(link('~', `${label} MTU ${was.mtu} → ${now.mtu}`));
  const membership = masterChange(was.master, now.master, label, after.ns);
  return membership ? [...out, membership] : out;
}

/** Joining, leaving or changing bridge. */
function masterChange(was: string | undefined, now: string | undefined, label: string, ns: string | undefined): Change | undefined {
  if (was === now) return undefined;
  if (was === undefined) return { ns, kind: 'bridge', op: '+', text: `${label} joined bridge ${now}` };
  if (now === undefined) return { ns, kind: 'bridge', op: '-', text: `${label} left bridge ${was}` };
  return { ns, kind: 'bridge', op: '~', text: `${label} moved from bridge ${was} to bridge ${now}` };
}

/** Whether the namespace itself came or went during the step. */
function namespaceIs(pairs: readonly NamespacePair[], ns: string | undefined, side: 'before' | 'after'): boolean {
  const pair = pairs.find((p) => p.name === ns);
  return pair !== undefined && pair[side] === undefined;
}

/** A veth end's partner among a list of placed links. */
function partnerOf(end: PlacedLink, list: readonly PlacedLink[]): PlacedLink | undefined {
  const peer = end.link.peer;
  if (end.link.type !== 'veth' || peer === undefined) return undefined;
  return list.find((o) => o !== end && o.link.name === peer.name && o.ns === peer.ns);
}

/** `veth-red ⇄ eth0 (in red)`: each end named, with its namespace when it is not the lab host. */
function pairText(a: PlacedLink, b: PlacedLink | undefined, peer: LinkState['peer']): string {
  const end = (name: string, ns: string | undefined): string => (ns === undefined ? name : `${name} (in ${ns})`);
  const other = b ? end(b.link.name, b.ns) : peer ? end(peer.name, peer.ns) : '?';
  return `${end(a.link.name, a.ns)} ⇄ ${other}`;
}

/** How a new (or deleted) link is introduced: `veth pair …`, `bridge docker0`, `macvlan mv0 on eth0`. */
function describe(p: PlacedLink, partner: PlacedLink | undefined): string {
  const l = p.link;
  if (l.type === 'veth') return `veth ${partner ? 'pair ' : ''}${pairText(p, partner, l.peer)}`;
  const where = linkLabel(l.name, p.ns);
  if (l.type === 'macvlan' || l.type === 'vlan' || l.type === 'ipvlan') return `${l.type} ${where}${l.parent ? ` on ${l.parent}` : ''}`;
  if (l.type === 'bridge' || l.type === 'loopback') return `${l.type} ${where}`;
  return `${l.type} link ${where}`;
}

/** The end `ip link add NAME type veth peer …` named first comes first: the kernel made its peer (lower ifindex) first. */
function firstEndsFirst(links: readonly PlacedLink[]): PlacedLink[] {
  return links.map((p, i) => ({ p, i })).sort((a, b) => {
    const sameNs = a.p.ns === b.p.ns && a.p.link.type === 'veth' && b.p.link.type === 'veth';
    return sameNs ? b.p.link.ifindex - a.p.link.ifindex : a.i - b.i;
  }).map(({ p }) => p);
}

/** New links; both ends of a new veth pair make one change, told in the first end's namespace. */
function addedLinks(added: readonly PlacedLink[], pairs: readonly NamespacePair[]): Change[] {
  const out: Change[] = [];
  const told = new Set<PlacedLink>();
  for (const p of firstEndsFirst(added)) {
    if (told.has(p)) continue;
    const label = linkLabel(p.link.name, p.ns);
    if (p.link.type === 'loopback' && namespaceIs(pairs, p.ns, 'before')) {
      if (p.link.up) out.push({ ns: p.ns, kind: 'link', op: '~', text: `${label} is up` });
      continue;
    }
    const partner = partnerOf(p, added);
    if (partner) told.add(partner);
    out.push({ ns: p.ns, kind: 'link', op: '+', text: `${describe(p, partner)}${p.link.up ? ', up' : ''}` });
    for (const end of partner ? [p, partner] : [p]) {
      if (end.link.master) out.push({ ns: end.ns, kind: 'bridge', op: '+', text: `${linkLabel(end.link.name, end.ns)} joined bridge ${end.link.master}` });
    }
  }
  return out;
}

/** Deleted links; a namespace's own links go unmentioned when the namespace itself was deleted. */
function removedLinks(removed: readonly PlacedLink[], pairs: readonly NamespacePair[]): Change[] {
  const out: Change[] = [];
  const told = new Set<PlacedLink>();
  const ordered = [...removed].sort((a, b) => Number(namespaceIs(pairs, a.ns, 'after')) - Number(namespaceIs(pairs, b.ns, 'after')));
  for (const p of ordered) {
    if (told.has(p)) continue;
    const partner = partnerOf(p, removed);
    if (partner) told.add(partner);
    if (namespaceIs(pairs, p.ns, 'after')) continue;
    out.push({ ns: p.ns, kind: 'link', op: '-', text: describe(p, partner) });
  }
  return out;
}
