// Link changes in plain words: created and deleted (a veth pair as one), moved, renamed, up/down, MAC, MTU, bridge ports.

import { english, type Translate } from '../i18n/index.ts';
import type { Change } from './types.ts';
import type { LinkState } from '../kernel/types.ts';
import type { LinkMatch, LinkMatching, PlacedLink } from './match.ts';
import { linkLabel, namespacePhrase, type NamespacePair } from './namespaces.ts';
import type { Found } from './found.ts';

/** Every link change between the two sides, given how their links match up. */
export function diffLinks(pairs: readonly NamespacePair[], matching: LinkMatching, t: Translate = english.t): Found[] {
  return [
    ...addedLinks(matching.added, pairs, t),
    ...matching.matched.flatMap((m) => changedLink(m, pairs, t)),
    ...removedLinks(matching.removed, pairs, t),
  ];
}

/** What happened to one link that exists on both sides. */
function changedLink({ before, after }: LinkMatch, pairs: readonly NamespacePair[], t: Translate): Found[] {
  const was = before.link;
  const now = after.link;
  const label = linkLabel(now.name, after.ns, t);
  const out: Found[] = [];
  const link = (op: Change['op'], text: string): Found => ({ ns: after.ns, kind: 'link', op, text });
  if (before.ns !== after.ns) {
    const kind = pairs.find((p) => p.name === after.ns)?.kind ?? 'netns';
    const moved = { link: linkLabel(was.name, before.ns, t), where: namespacePhrase(after.ns, kind, t) };
    const text = was.name === now.name ? t('diff.link.moved', moved) : t('diff.link.moved-renamed', { ...moved, name: now.name });
    out.push({ ns: before.ns, kind: 'link', op: '~', text });
  } else if (was.name !== now.name) out.push(link('~', t('diff.link.renamed', { link: linkLabel(was.name, before.ns, t), name: now.name })));
  if (was.up !== now.up) out.push(now.up ? { ...link('~', t('diff.link.up', { link: label })), upLink: label } : link('~', t('diff.link.down', { link: label })));
  if (was.mac !== now.mac) out.push(link('~', t('diff.link.mac', { link: label, from: was.mac, to: now.mac })));
  if (was.mtu !== now.mtu) out.push(link('~', t('diff.link.mtu', { link: label, from: was.mtu, to: now.mtu })));
  const membership = masterChange(was.master, now.master, label, after.ns, t);
  return membership ? [...out, membership] : out;
}

/** Joining, leaving or changing bridge. */
function masterChange(was: string | undefined, now: string | undefined, label: string, ns: string | undefined, t: Translate): Change | undefined {
  if (was === now) return undefined;
  if (was === undefined) return { ns, kind: 'bridge', op: '+', text: t('diff.bridge.joined', { link: label, bridge: now ?? '' }) };
  if (now === undefined) return { ns, kind: 'bridge', op: '-', text: t('diff.bridge.left', { link: label, bridge: was }) };
  return { ns, kind: 'bridge', op: '~', text: t('diff.bridge.moved', { link: label, from: was, to: now }) };
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
function pairText(a: PlacedLink, b: PlacedLink | undefined, peer: LinkState['peer'], t: Translate): string {
  const end = (name: string, ns: string | undefined): string => (ns === undefined ? name : t('diff.end-in', { name, ns }));
  const other = b ? end(b.link.name, b.ns) : peer ? end(peer.name, peer.ns) : '?';
  return `${end(a.link.name, a.ns)} ⇄ ${other}`;
}

/** How a new (or deleted) link is introduced: `veth pair …`, `bridge docker0`, `macvlan mv0 on eth0`. */
function describe(p: PlacedLink, partner: PlacedLink | undefined, t: Translate): string {
  const l = p.link;
  if (l.type === 'veth') return t(partner ? 'diff.veth-pair' : 'diff.veth-end', { pair: pairText(p, partner, l.peer, t) });
  const where = linkLabel(l.name, p.ns, t);
  if (l.type === 'macvlan' || l.type === 'vlan' || l.type === 'ipvlan') {
    return l.parent ? t('diff.child-on', { type: l.type, link: where, parent: l.parent }) : t('diff.child', { type: l.type, link: where });
  }
  if (l.type === 'bridge') return t('diff.bridge', { link: where });
  if (l.type === 'loopback') return t('diff.loopback', { link: where });
  return t('diff.other-link', { type: l.type, link: where });
}

/** The end `ip link add NAME type veth peer …` named first comes first: the kernel made its peer (lower ifindex) first. */
function firstEndsFirst(links: readonly PlacedLink[]): PlacedLink[] {
  return links.map((p, i) => ({ p, i })).sort((a, b) => {
    const sameNs = a.p.ns === b.p.ns && a.p.link.type === 'veth' && b.p.link.type === 'veth';
    return sameNs ? b.p.link.ifindex - a.p.link.ifindex : a.i - b.i;
  }).map(({ p }) => p);
}

/** New links; both ends of a new veth pair make one change, told in the first end's namespace. */
function addedLinks(added: readonly PlacedLink[], pairs: readonly NamespacePair[], t: Translate): Found[] {
  const out: Found[] = [];
  const told = new Set<PlacedLink>();
  for (const p of firstEndsFirst(added)) {
    if (told.has(p)) continue;
    const label = linkLabel(p.link.name, p.ns, t);
    if (p.link.type === 'loopback' && namespaceIs(pairs, p.ns, 'before')) {
      if (p.link.up) out.push({ ns: p.ns, kind: 'link', op: '~', text: t('diff.link.up', { link: label }), upLink: label });
      continue;
    }
    const partner = partnerOf(p, added);
    if (partner) told.add(partner);
    const described = describe(p, partner, t);
    out.push({ ns: p.ns, kind: 'link', op: '+', text: p.link.up ? t('diff.link.added-up', { link: described }) : described });
    for (const end of partner ? [p, partner] : [p]) {
      if (end.link.master) out.push({ ns: end.ns, kind: 'bridge', op: '+', text: t('diff.bridge.joined', { link: linkLabel(end.link.name, end.ns, t), bridge: end.link.master }) });
    }
  }
  return out;
}

/** Deleted links; a namespace's own links go unmentioned when the namespace itself was deleted. */
function removedLinks(removed: readonly PlacedLink[], pairs: readonly NamespacePair[], t: Translate): Change[] {
  const out: Change[] = [];
  const told = new Set<PlacedLink>();
  const ordered = [...removed].sort((a, b) => Number(namespaceIs(pairs, a.ns, 'after')) - Number(namespaceIs(pairs, b.ns, 'after')));
  for (const p of ordered) {
    if (told.has(p)) continue;
    const partner = partnerOf(p, removed);
    if (partner) told.add(partner);
    if (namespaceIs(pairs, p.ns, 'after')) continue;
    out.push({ ns: p.ns, kind: 'link', op: '-', text: describe(p, partner, t) });
  }
  return out;
}
