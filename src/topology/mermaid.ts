// The topology as a Mermaid flowchart: a subgraph per namespace, veth wires, bridge ports, macvlans, NAT notes.

import { english, type Translate } from '../i18n/index.ts';
import type { Snapshot } from '../kernel/types.ts';
import { buildTopology, type End, type TopoInterface, type TopoNamespace } from './model.ts';

/** A Mermaid-safe id for an interface: `host_veth_c1`; ids only use [A-Za-z0-9_]. */
function mid(end: End): string {
  return `${end.ns ?? 'host'}__${end.name}`.replace(/[^A-Za-z0-9_]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`);
}

/** A quoted node label: name, then addresses, one a line. */
function label(lines: readonly string[]): string {
  return `"${lines.join('<br/>').replaceAll('"', '#quot;')}"`;
}

/** Mermaid source for a snapshot's topology (deterministic). */
export function renderMermaid(snapshot: Snapshot, t: Translate = english.t): string {
  const topo = buildTopology(snapshot, t);
  const out = ['flowchart TB'];
  const edges: string[] = [];
  for (const ns of topo.namespaces) out.push(...subgraph(ns, edges, t));
  out.push(...[...new Set(edges)].sort());
  return out.join('\n');
}

/** One namespace's subgraph; its edges are collected into `edges`. */
function subgraph(ns: TopoNamespace, edges: string[], t: Translate): string[] {
  const lines = [`  subgraph ${mid({ ns: ns.name, name: 'ns' })}[${label([ns.label])}]`];
  const node = (i: TopoInterface): void => {
    const me = mid({ ns: ns.name, name: i.name });
    lines.push(`    ${me}[${label([i.up ? i.name : `${i.name} ${t('topology.down')}`, ...i.addresses])}]`);
    if (i.peer) edges.push(`  ${[me, mid(i.peer)].sort().join(' <-->|veth| ')}`);
    if (i.parent) edges.push(`  ${me} -.-|${i.type}| ${mid(i.parent)}`);
  };
  for (const b of ns.bridges) {
    const me = mid({ ns: ns.name, name: b.name });
    lines.push(`    ${me}{{${label([t('topology.bridge', { name: b.name }), ...b.addresses])}}}`);
    for (const port of b.ports) {
      node(port);
      edges.push(`  ${mid({ ns: ns.name, name: port.name })} ---|${t('topology.port')}| ${me}`);
    }
    for (const [i, r] of b.nat.entries()) {
      const note = `${me}__nat${i + 1}`;
      lines.push(`    ${note}>${label([t('topology.note', { kind: r.kind, rule: r.text })])}]`);
      edges.push(`  ${note} -.- ${me}`);
    }
  }
  for (const i of ns.interfaces) node(i);
  for (const [i, r] of ns.nat.entries()) lines.push(`    ${mid({ ns: ns.name, name: `nat${i + 1}` })}>${label([t('topology.note', { kind: r.kind, rule: r.text })])}]`);
  lines.push('  end');
  return lines;
}
