// The topology a snapshot shows: namespaces with their interfaces, bridges with ports, wires, NAT next to what it serves.

import { english, type Translate } from '../i18n/index.ts';
import type { LinkState, NamespaceKind, NamespaceState, Snapshot } from '../kernel/types.ts';
import { isNoiseAddress } from '../diff/noise.ts';
import { natRules, type NatRule } from './nat.ts';

/** Where an interface lives: its namespace (undefined = lab host) and name. */
export interface End {
  readonly ns: string | undefined;
  readonly name: string;
}

export interface TopoInterface {
  readonly name: string;
  readonly type: string;
  readonly up: boolean;
  readonly addresses: readonly string[];
  /** The other end of a veth. */
  readonly peer: End | undefined;
  /** The parent of a macvlan/vlan/ipvlan child. */
  readonly parent: End | undefined;
}

export interface TopoBridge {
  readonly name: string;
  readonly up: boolean;
  readonly addresses: readonly string[];
  readonly ports: readonly TopoInterface[];
  readonly nat: readonly NatRule[];
}

export interface TopoNamespace {
  readonly name: string | undefined;
  readonly kind: NamespaceKind;
  readonly label: string;
  /** Interfaces that are neither bridges nor bridge ports (loopback only when it carries a real address). */
  readonly interfaces: readonly TopoInterface[];
  readonly bridges: readonly TopoBridge[];
  /** Whether `lo` is up (undefined when the namespace has none): a none-mode container is just this. */
  readonly loopbackUp: boolean | undefined;
  /** NAT rules that serve no bridge of this namespace. */
  readonly nat: readonly NatRule[];
}

export interface Topology {
  readonly namespaces: readonly TopoNamespace[];
}

const KIND_ORDER: Readonly<Record<NamespaceKind, number>> = { host: 0, netns: 1, world: 2 };

/** Build the topology: lab host first, named namespaces by name, world last; everything sorted by name. */
export function buildTopology(snapshot: Snapshot, t: Translate = english.t): Topology {
  const sorted = [...snapshot.namespaces].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.name ?? '').localeCompare(b.name ?? ''));
  return { namespaces: sorted.map((ns) => buildNamespace(ns, snapshot, t)) };
}

/** The label a namespace box carries. */
export function namespaceLabel(ns: string | undefined, kind: NamespaceKind, t: Translate = english.t): string {
  if (kind === 'host' || ns === undefined) return t('topology.host');
  return kind === 'world' ? t('topology.world') : ns;
}

/** One namespace: bridges with their ports and NAT, the rest of its interfaces. */
function buildNamespace(ns: NamespaceState, snapshot: Snapshot, t: Translate): TopoNamespace {
  const links = [...ns.links].sort((a, b) => a.name.localeCompare(b.name));
  const nat = natRules(ns.iptables, t);
  const bridges = links.filter((l) => l.type === 'bridge').map((br): TopoBridge => ({
    name: br.name,
    up: br.up,
    addresses: addresses(br),
    ports: links.filter((l) => l.master === br.name).map((l) => topoInterface(l, ns, snapshot)),
    nat: nat.filter((r) => r.serves(br.name, addresses(br))),
  }));
  const interfaces = links
    .filter((l) => l.type !== 'bridge' && l.master === undefined && (l.type !== 'loopback' || addresses(l).length > 0))
    .map((l) => topoInterface(l, ns, snapshot));
  return {
    name: ns.name, kind: ns.kind, label: namespaceLabel(ns.name, ns.kind, t), interfaces, bridges,
    loopbackUp: links.find((l) => l.type === 'loopback')?.up,
    nat: nat.filter((r) => !bridges.some((b) => b.nat.includes(r))),
  };
}

/** The addresses worth drawing: no IPv6 link-local, no 127.0.0.1/8 or ::1. */
function addresses(link: LinkState): string[] {
  return link.addresses.filter((a) => !isNoiseAddress(a)).map((a) => a.cidr);
}

/** One interface with its veth peer or macvlan parent resolved. */
function topoInterface(link: LinkState, ns: NamespaceState, snapshot: Snapshot): TopoInterface {
  return {
    name: link.name, type: link.type, up: link.up, addresses: addresses(link),
    peer: link.peer ? { ns: link.peer.ns, name: link.peer.name } : undefined,
    parent: parentOf(link, ns, snapshot),
  };
}

/** A child's parent: by name in its own namespace, else (moved away) the lab host link with its `link_index`. */
function parentOf(link: LinkState, ns: NamespaceState, snapshot: Snapshot): End | undefined {
  if (link.type === 'veth') return undefined;
  if (link.parent !== undefined) return { ns: ns.name, name: link.parent };
  if (link.linkIndex === undefined || link.linkNetnsid === undefined) return undefined;
  const host = snapshot.namespaces.find((n) => n.kind === 'host');
  const parent = host?.links.find((l) => l.ifindex === link.linkIndex);
  return parent ? { ns: undefined, name: parent.name } : undefined;
}
