// The topology model and its three pictures, over states captured from a real kernel; pictures compared with golden files.

import { describe, expect, it } from 'vitest';
import { buildTopology, renderAscii, renderDot, renderMermaid } from '../../../src/topology/index.ts';
import { expectGoldenPicture } from '../../fixtures/topology/golden.ts';
import { loadState } from '../../fixtures/topology/snapshot-from-capture.ts';

/** Assert no line is wider than `width` columns. */
function expectWithin(text: string, width: number): void {
  for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(width);
}

describe('buildTopology', () => {
  const topo = buildTopology(loadState('lab6-final'));

  it('orders the lab host first, named namespaces by name, the world last', () => {
    expect(topo.namespaces.map((n) => n.label)).toEqual(['lab host', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'simulated internet']);
  });

  it('puts ports under their bridge with their peers, and NAT next to the bridge it serves', () => {
    const host = topo.namespaces[0]!;
    const docker0 = host.bridges.find((b) => b.name === 'docker0')!;
    expect(docker0.ports.map((p) => `${p.name}→${p.peer?.ns}:${p.peer?.name}`)).toEqual(['veth-c1→c1:eth0', 'veth-c2→c2:eth0', 'veth-c3→c3:eth0']);
    expect(docker0.nat.map((r) => r.kind)).toEqual(['MASQUERADE', 'DNAT']);
    expect(host.bridges.find((b) => b.name === 'br0')!.nat.map((r) => r.text)).toEqual(['masquerade 172.18.0.0/16 unless it leaves by br0']);
    expect(host.interfaces.map((i) => i.name)).toEqual(['eth0']);
    expect(host.interfaces[0]!.peer).toEqual({ ns: 'world', name: 'eth0' });
  });

  it('attaches a macvlan moved into a namespace to its parent in the lab host', () => {
    const c6 = topo.namespaces.find((n) => n.name === 'c6')!;
    expect(c6.interfaces.map((i) => [i.name, i.type, i.parent])).toEqual([['mv0', 'macvlan', { ns: undefined, name: 'eth0' }]]);
  });
});

describe('renderAscii', () => {
  it('draws six namespaces on two bridges readably within 80 columns', () => {
    const text = expectGoldenPicture('lab6-final', 'lab6-final.80.txt', (s) => renderAscii(s, { width: 80 }));
    expectWithin(text, 80);
    expect(text.split('\n').filter((l) => l.includes('┌─ c')).length).toBe(2);
  });

  it('wraps into more rows and lines at 50 columns, in ASCII', () => {
    const text = expectGoldenPicture('lab6-final', 'lab6-final.50-ascii.txt', (s) => renderAscii(s, { width: 50, ascii: true }));
    expectWithin(text, 50);
    expect(text).not.toMatch(/[^\x20-\x7e\n]/);
  });

  it('stays within very narrow widths too', () => {
    for (const width of [20, 33, 61]) expectWithin(renderAscii(loadState('lab6-final'), { width }), width);
  });

  it('draws a moved veth end and empty namespaces', () => {
    expectGoldenPicture('veth-moved', 'veth-moved.80.txt', (s) => renderAscii(s, { width: 80 }));
    expectGoldenPicture('netns-two', 'netns-two.80.txt', (s) => renderAscii(s, { width: 80 }));
  });

  it('draws the same picture whatever order the namespaces come in', () => {
    const s = loadState('lab6-final');
    const shuffled = { namespaces: [...s.namespaces].reverse() };
    expect(renderAscii(shuffled, { width: 80 })).toBe(renderAscii(s, { width: 80 }));
  });
});

describe('renderDot and renderMermaid', () => {
  it('render clusters, interfaces, veth and port edges (golden)', () => {
    const dot = expectGoldenPicture('lab6-final', 'lab6-final.dot', renderDot);
    expect(dot).toContain('subgraph "cluster_c1"');
    expect(dot).toContain('"c1/eth0" -- "host/veth-c1" [label="veth"];');
    expect(dot).toContain('"host/veth-c1" -- "host/docker0" [label="port", style=dashed];');
    const mmd = expectGoldenPicture('lab6-final', 'lab6-final.mmd', renderMermaid);
    expect(mmd.split('\n')[0]).toBe('flowchart TB');
    expect(mmd).toContain('c1__eth0 <-->|veth| host__veth_2d_c1');
    expect(mmd.match(/^ {2}subgraph /gm)?.length).toBe(8);
  });
});
