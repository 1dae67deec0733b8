// Find the other end of each veth, across namespaces, from ifindex / link_index / link_netnsid.

import type { LinkState, NamespaceKind } from './types.ts';

export type Peer = NonNullable<LinkState['peer']>;

/** What peer resolution needs to know of one link. */
export interface PeerLink {
  readonly name: string;
  readonly ifindex: number;
  readonly type: string;
  /** `link` from `ip -j`: the peer's (or parent's) name when it lives in the same namespace. */
  readonly linkName: string | undefined;
  readonly linkIndex: number | undefined;
  readonly linkNetnsid: number | undefined;
}

/** What peer resolution needs to know of one namespace. */
export interface PeerNamespace {
  readonly name: string | undefined;
  readonly kind: NamespaceKind;
  readonly links: readonly PeerLink[];
  /** nsid → name of the `ip netns` namespaces, as this namespace numbers them (`ip -j netns list` run inside). */
  readonly nsids: ReadonlyMap<number, string>;
}

/** Whether `other` can be the namespace that `from` calls nsid `id` (from's own id map, when it knows it). */
function nsidAllows(from: PeerNamespace, id: number, other: PeerNamespace): boolean {
  const named = from.nsids.get(id);
  if (named !== undefined) return other.kind === 'netns' && other.name === named;
  // An id from has no name for: the host or the world, or a named namespace from does not number.
  if (other.kind !== 'netns') return true;
  return ![...from.nsids.values()].includes(other.name ?? '');
}

/** Whether b is a's veth peer in another namespace: each link_index names the other's ifindex. */
function pairs(a: PeerLink, aNs: PeerNamespace, b: PeerLink, bNs: PeerNamespace): boolean {
  if (b.type !== 'veth' || aNs === bNs) return false;
  if (a.linkIndex !== b.ifindex || b.linkIndex !== a.ifindex) return false;
  if (a.linkNetnsid === undefined || b.linkNetnsid === undefined) return false;
  return nsidAllows(aNs, a.linkNetnsid, bNs) && nsidAllows(bNs, b.linkNetnsid, aNs);
}

/** The other end of a veth, or undefined when it is not a veth or its peer cannot be told apart. */
export function findPeer(link: PeerLink, ns: PeerNamespace, all: readonly PeerNamespace[]): Peer | undefined {
  if (link.type !== 'veth') return undefined;
  if (link.linkNetnsid === undefined) {
    const sameNs = ns.links.find((l) => l.type === 'veth' && l.name !== link.name && (l.name === link.linkName || l.ifindex === link.linkIndex));
    return sameNs ? { name: sameNs.name, ns: ns.name } : undefined;
  }
  const matches: Peer[] = [];
  for (const other of all) {
    for (const candidate of other.links) {
      if (pairs(link, ns, candidate, other)) matches.push({ name: candidate.name, ns: other.name });
    }
  }
  return matches.length === 1 ? matches[0] : undefined;
}
