// The topology as Graphviz: a cluster per namespace, a node per interface, edges for veth wires, bridge ports, macvlans, NAT.

import { english, type Translate } from '../i18n/index.ts';
import type { Snapshot } from '../kernel/types.ts';
import { buildTopology, type End, type TopoInterface, type TopoNamespace } from './model.ts';

/** A double-quoted DOT string; a newline becomes DOT's `\n` line break. */
function q(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`;
}

/** The node id of an interface: `host/eth0`, `c1/eth0`, `world/eth0`. */
export function nodeId(end: End): string {
  return `${end.ns ?? 'host'}/${end.name}`;
}

/** A node's label: name, then its addresses, one a line. */
function label(name: string, addresses: readonly string[]): string {
  return [name, ...addresses].join('\n');
}

/** Graphviz source for a snapshot's topology (undirected; deterministic). */
export function renderDot(snapshot: Snapshot, t: Translate = english.t): string {
  const topo = buildTopology(snapshot, t);
  const out = ['graph topology {', '  node [shape=box, fontname="monospace"];'];
  const edges: string[] = [];
  for (const ns of topo.namespaces) out.push(...cluster(ns, edges, t));
  out.push(...[...new Set(edges)].sort(), '}');
  return out.join('\n');
}

/** One namespace's cluster; its edges are collected into `edges`. */
function cluster(ns: TopoNamespace, edges: string[], t: Translate): string[] {
  const id = ns.name ?? 'host';
  const lines = [`  subgraph ${q(`cluster_${id}`)} {`, `    label=${q(ns.label)};`];
  const node = (i: TopoInterface): void => {
    const me = nodeId({ ns: ns.name, name: i.name });
    lines.push(`    ${q(me)} [label=${q(label(i.name, i.addresses))}${i.up ? '' : ', style=dashed'}];`);
    if (i.peer) edges.push(`  ${[q(me), q(nodeId(i.peer))].sort().join(' -- ')} [label="veth"];`);
    if (i.parent) edges.push(`  ${q(me)} -- ${q(nodeId(i.parent))} [label=${q(i.type)}, style=dotted];`);
  };
  for (const b of ns.bridges) {
    const me = nodeId({ ns: ns.name, name: b.name });
    lines.push(`    ${q(me)} [label=${q(label(t('topology.bridge', { name: b.name }), b.addresses))}, shape=box3d];`);
    for (const port of b.ports) {
      node(port);
      edges.push(`  ${q(nodeId({ ns: ns.name, name: port.name }))} -- ${q(me)} [label=${q(t('topology.port'))}, style=dashed];`);
    }
    for (const [i, r] of b.nat.entries()) {
      const note = `${me}/nat${i + 1}`;
      lines.push(`    ${q(note)} [label=${q(t('topology.note', { kind: r.kind, rule: r.text }))}, shape=note];`);
      edges.push(`  ${q(note)} -- ${q(me)} [style=dotted];`);
    }
  }
  for (const i of ns.interfaces) node(i);
  for (const [i, r] of ns.nat.entries()) lines.push(`    ${q(`${id}/nat${i + 1}`)} [label=${q(t('topology.note', { kind: r.kind, rule: r.text }))}, shape=note];`);
  lines.push('  }');
  return lines;
}
