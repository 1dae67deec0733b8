import { describe, expect, it } from 'vitest';
import { findPeer, type PeerLink, type PeerNamespace } from '../../../src/kernel/peers.ts';

/** A veth for these tests; linkNetnsid undefined means its peer is in the same namespace. */
function veth(name: string, ifindex: number, linkIndex: number, linkNetnsid?: number): PeerLink {
  return { name, ifindex, type: 'veth', linkName: undefined, linkIndex, linkNetnsid };
}

/** A namespace for these tests, with the nsid → name map it would print. */
function ns(kind: PeerNamespace['kind'], name: string | undefined, links: PeerLink[], nsids: [number, string][] = []): PeerNamespace {
  return { kind, name, links, nsids: new Map(nsids) };
}

describe('findPeer', () => {
  it('pairs ends whose link_index names each other, across namespaces', () => {
    const host = ns('host', undefined, [veth('veth-a', 5, 2, 0)], [[0, 'a']]);
    const a = ns('netns', 'a', [veth('eth0', 2, 5, 0)]);
    expect(findPeer(host.links[0]!, host, [host, a])).toEqual({ name: 'eth0', ns: 'a' });
    expect(findPeer(a.links[0]!, a, [host, a])).toEqual({ name: 'veth-a', ns: undefined });
  });

  it('uses the nsid map to tell apart two pairs whose indexes cross', () => {
    // red:2 ↔ blue:3 and host:3 ↔ green:2 would both fit red:2 → ?:3 by index alone.
    const red = ns('netns', 'red', [veth('r', 2, 3, 7)], [[7, 'blue']]);
    const blue = ns('netns', 'blue', [veth('b', 3, 2, 4)], [[4, 'red']]);
    const host = ns('host', undefined, [veth('h', 3, 2, 1)], [[1, 'green']]);
    const green = ns('netns', 'green', [veth('g', 2, 3, 0)]);
    const all = [host, red, blue, green];
    expect(findPeer(red.links[0]!, red, all)).toEqual({ name: 'b', ns: 'blue' });
    expect(findPeer(host.links[0]!, host, all)).toEqual({ name: 'g', ns: 'green' });
    expect(findPeer(green.links[0]!, green, all)).toEqual({ name: 'h', ns: undefined });
  });

  it('leaves the peer unknown when two candidates fit and nothing tells them apart', () => {
    const x = ns('netns', 'x', [veth('x0', 2, 3, 0)]);
    const y = ns('netns', 'y', [veth('y0', 3, 2, 0)]);
    const z = ns('netns', 'z', [veth('z0', 3, 2, 0)]);
    expect(findPeer(x.links[0]!, x, [x, y, z])).toBeUndefined();
  });

  it('finds a same-namespace peer by name, or by index when ip printed no name', () => {
    const byName: PeerLink = { name: 'a', ifindex: 4, type: 'veth', linkName: 'b', linkIndex: undefined, linkNetnsid: undefined };
    const byIndex: PeerLink = { name: 'b', ifindex: 5, type: 'veth', linkName: undefined, linkIndex: 4, linkNetnsid: undefined };
    const host = ns('host', undefined, [byName, byIndex]);
    expect(findPeer(byName, host, [host])).toEqual({ name: 'b', ns: undefined });
    expect(findPeer(byIndex, host, [host])).toEqual({ name: 'a', ns: undefined });
  });

  it('gives links that are not veths no peer', () => {
    const mac: PeerLink = { name: 'mv0', ifindex: 6, type: 'macvlan', linkName: 'eth0', linkIndex: undefined, linkNetnsid: undefined };
    const host = ns('host', undefined, [mac]);
    expect(findPeer(mac, host, [host])).toBeUndefined();
  });
});
