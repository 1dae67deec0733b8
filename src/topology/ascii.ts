// The topology as a box drawing for the terminal: world on top, the lab host with its bridges, namespaces in rows.

import { english, type Translate } from '../i18n/index.ts';
import type { Snapshot } from '../kernel/types.ts';
import { ASCII, drawBox, layRows, len, naturalWidth, UNICODE, type Charset, type Content } from './boxes.ts';
import type { NatRule } from './nat.ts';
import { buildTopology, namespaceLabel, type End, type TopoBridge, type TopoInterface, type TopoNamespace, type Topology } from './model.ts';

export interface AsciiOptions {
  /** Columns available; no line is longer. */
  readonly width: number;
  /** Plain ASCII (`+-|`, `<->`) instead of Unicode box characters. */
  readonly ascii?: boolean;
  /** The language of the words in the picture (English when absent). */
  readonly t?: Translate;
}

/** Draw a snapshot's topology within `width` columns. */
export function renderAscii(snapshot: Snapshot, options: AsciiOptions): string {
  const cs = options.ascii ? ASCII : UNICODE;
  const width = Math.max(20, options.width);
  const t = options.t ?? english.t;
  const topo = buildTopology(snapshot, t);
  const byKind = (kind: TopoNamespace['kind']): TopoNamespace[] => topo.namespaces.filter((n) => n.kind === kind);
  const lines = [
    ...byKind('world').flatMap((ns) => namespaceBox(ns, topo, width, cs, t)),
    ...byKind('host').flatMap((ns) => namespaceBox(ns, topo, width, cs, t)),
    ...namespaceRows(byKind('netns'), topo, width, cs, t),
  ];
  return lines.join('\n');
}

/** Container namespaces in rows, every box as wide as the widest (so the columns line up). */
function namespaceRows(namespaces: readonly TopoNamespace[], topo: Topology, width: number, cs: Charset, t: Translate): string[] {
  const widest = Math.max(0, ...namespaces.map((ns) => len(namespaceBox(ns, topo, width, cs, t)[0] ?? '')));
  return layRows(namespaces.map((ns) => namespaceBox(ns, topo, width, cs, t, widest)), width);
}

/** `c1:eth0`, `host:eth0`, `internet:eth0`: an interface named with its namespace, short. */
function endName(end: End, topo: Topology, t: Translate): string {
  const ns = topo.namespaces.find((n) => n.name === end.ns);
  const where = ns?.kind === 'host' || end.ns === undefined ? t('topology.end.host') : ns?.kind === 'world' ? t('topology.end.world') : end.ns;
  return `${where}:${end.name}`;
}

/** The bridge an interface is a port of, when it is one (so a wire can say `… in docker0`). */
function bridgeOf(end: End, topo: Topology): string | undefined {
  const ns = topo.namespaces.find((n) => n.name === end.ns);
  return ns?.bridges.find((b) => b.ports.some((p) => p.name === end.name))?.name;
}

/** An interface's lines: `eth0 172.17.0.2/16`, then what it is wired to: `⇄ veth-c1 [docker0]`, `macvlan of host:eth0`. */
function interfaceLines(i: TopoInterface, here: TopoNamespace, topo: Topology, cs: Charset, t: Translate): string[] {
  const head = [i.name, ...(i.up ? [] : [t('topology.down')]), ...i.addresses].join(' ');
  const peerHost = i.peer !== undefined && topo.namespaces.find((n) => n.name === i.peer?.ns)?.kind === 'host';
  if (i.peer && peerHost && here.kind !== 'host') {
    const bridge = bridgeOf(i.peer, topo);
    return [head, `  ${cs.wire} ${bridge ? `${i.peer.name} [${bridge}]` : endName(i.peer, topo, t)}`];
  }
  if (i.peer) return [`${head} ${cs.wire} ${endName(i.peer, topo, t)}`];
  if (i.parent) return [head, `  ${t('topology.child-of', { type: i.type, parent: endName(i.parent, topo, t) })}`];
  return [i.type !== 'veth' && i.type !== 'loopback' ? t('topology.typed', { interface: head, type: i.type }) : head];
}

/** `NAT: masquerade …`, `DNAT: forward …`: a NAT rule's line in a box. */
const natLine = (r: NatRule, t: Translate): string => t(r.kind === 'DNAT' ? 'topology.dnat' : 'topology.nat', { rule: r.text });

/** A bridge box: its ports with what they are wired to, then the NAT rules that serve it. */
function bridgeBox(b: TopoBridge, topo: Topology, maxWidth: number, cs: Charset, t: Translate, minWidth = 0): string[] {
  const title = [t('topology.bridge', { name: b.name }), ...(b.up ? [] : [t('topology.down')]), ...b.addresses].join(' ');
  const ports = b.ports.map((p) => ({ text: [p.name, ...(p.up ? [] : [t('topology.down')]), ...(p.peer ? [cs.wire, endName(p.peer, topo, t)] : [])].join(' ') }));
  const nat = b.nat.map((r) => ({ text: natLine(r, t) }));
  return drawBox(title, [...(ports.length > 0 ? ports : [{ text: t('topology.no-ports') }]), ...nat], maxWidth, cs, minWidth);
}

/** One namespace's box, with nested bridge boxes; `minWidth` makes boxes of one row the same width. */
function namespaceBox(ns: TopoNamespace, topo: Topology, width: number, cs: Charset, t: Translate, minWidth = 0): string[] {
  const title = namespaceLabel(ns.name, ns.kind, t);
  const listed: Content[] = [
    ...ns.interfaces.flatMap((i) => interfaceLines(i, ns, topo, cs, t).map((text) => ({ text }))),
    ...ns.nat.map((r) => ({ text: natLine(r, t) })),
  ];
  const alone = ns.loopbackUp === undefined ? t('topology.no-interfaces') : t(ns.loopbackUp ? 'topology.only-lo-up' : 'topology.only-lo-down');
  const own = listed.length > 0 || ns.bridges.length > 0 ? listed : [{ text: alone }];
  const unbounded = ns.bridges.map((b) => ({ block: bridgeBox(b, topo, Number.MAX_SAFE_INTEGER, cs, t) }));
  const boxWidth = Math.min(width, naturalWidth(title, [...own, ...unbounded]));
  const bridges = ns.bridges.map((b) => ({ block: bridgeBox(b, topo, boxWidth - 4, cs, t, boxWidth - 4) }));
  const content = [...own, ...bridges];
  return drawBox(title, content, Math.max(boxWidth, Math.min(width, minWidth)), cs, minWidth);
}
