// diffSnapshots and renderChanges over states captured from a real kernel (test/fixtures/topology/states).

import { describe, expect, it } from 'vitest';
import type { LinkState, NamespaceState, Snapshot } from '../../../src/kernel/types.ts';
import { diffSnapshots, NOTHING_CHANGED, nothingChanged, renderChanges } from '../../../src/diff/index.ts';
import { glossRule } from '../../../src/diff/gloss.ts';
import { loadState } from '../../fixtures/topology/snapshot-from-capture.ts';

/** The changes between two captured states as `ns op text` lines. */
function lines(before: string, after: string): string[] {
  return diffSnapshots(loadState(before), loadState(after)).map((c) => `${c.ns ?? 'host'} ${c.op} ${c.text}`);
}

/** A hand-made link for small edge cases. */
function link(name: string, extra: Partial<LinkState> = {}): LinkState {
  return {
    name, ifindex: 2, type: 'veth', up: false, operstate: 'DOWN', mac: '02:00:00:00:00:02', mtu: 1500, master: undefined,
    peer: undefined, parent: undefined, linkIndex: undefined, linkNetnsid: undefined, addresses: [], ...extra,
  };
}

/** A snapshot with only a lab host holding these links (and optional routes). */
function host(links: LinkState[], extra: Partial<NamespaceState> = {}): Snapshot {
  return { namespaces: [{ name: undefined, kind: 'host', links, routes: [], iptables: {}, sysctls: {}, fdb: [], listening: [], ...extra }] };
}

describe('diffSnapshots on captured states', () => {
  it('(a) tells two new namespaces, and nothing about their loopbacks', () => {
    expect(lines('netns-empty', 'netns-two')).toEqual(['blue + namespace blue', 'red + namespace red']);
  });

  it('(b) tells a veth pair as one change, then its move into c1 with the rename', () => {
    expect(lines('veth-start', 'veth-pair')).toEqual(['host + veth pair veth0 ⇄ veth1']);
    expect(lines('veth-pair', 'veth-moved')).toEqual(['host ~ veth1 moved to namespace c1 and renamed eth0', 'c1 ~ eth0 in c1 is up']);
  });

  it('(c) tells a bridge, its ports, addresses and default routes, then what it learned from a ping', () => {
    const wired = lines('bridge-start', 'bridge-wired');
    expect(wired.slice(0, 5)).toEqual([
      'host + bridge docker0, up',
      'host ~ veth-a is up',
      'host ~ veth-b is up',
      'host + veth-a joined bridge docker0',
      'host + veth-b joined bridge docker0',
    ]);
    expect(wired).toContain('host + 172.17.0.1/16 on docker0');
    expect(wired).toContain('c1 + 172.17.0.2/16 on eth0 in c1');
    expect(wired).toContain('c2 + default via 172.17.0.1 dev eth0');
    expect(wired.some((l) => /fe80|ff00/.test(l))).toBe(false);
    // 127.0.0.1 comes with lo: told on the line that brings lo up, not as an address of its own.
    expect(wired).toContain('c1 ~ lo in c1 is up, which gives it 127.0.0.1/8');
    expect(wired.some((l) => /^\S+ \+ 127\.0\.0\.1/.test(l))).toBe(false);
    const pinged = lines('bridge-wired', 'bridge-pinged');
    expect(pinged).toHaveLength(2);
    expect(pinged[0]).toMatch(/^host \+ bridge docker0 learned ([0-9a-f]{2}:){5}[0-9a-f]{2} on veth-a \(eth0 in c1\)$/);
    expect(pinged[1]).toMatch(/^host \+ bridge docker0 learned .* on veth-b \(eth0 in c2\)$/);
  });

  it('(d) tells MASQUERADE with its gloss, ip_forward, then the counter a ping moved', () => {
    expect(lines('nat-start', 'nat-masq')).toEqual([
      'host + nat POSTROUTING: -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE — masquerade 172.17.0.0/16 unless it leaves by docker0',
      'host ~ ip_forward 0 → 1',
    ]);
    expect(lines('nat-masq', 'nat-pinged')).toEqual(['host ~ nat POSTROUTING rule 1 matched 1 more packet']);
  });

  it('tells chains, policies, DNAT and a new listening socket', () => {
    expect(lines('nat-pinged', 'nat-served')).toEqual([
      'host ~ filter FORWARD policy ACCEPT → DROP',
      'host + filter FORWARD: -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT — accept traffic leaving by docker0, in related or established connections',
      'host + filter FORWARD: -i docker0 -j ACCEPT — accept traffic coming in by docker0',
      'host + chain nat DOCKER',
      'host + nat PREROUTING: -m addrtype --dst-type LOCAL -j DOCKER — go on to chain DOCKER for traffic addressed to this host',
      'host + nat DOCKER: -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80 — forward tcp traffic to port 8080 on to 172.17.0.2:80',
      'c1 + listening tcp *:80',
    ]);
  });

  it('tells rules and chains going away when their table vanished', () => {
    const back = lines('nat-served', 'nat-start');
    expect(back).toContain('host ~ filter FORWARD policy DROP → ACCEPT');
    expect(back).toContain('host - nat POSTROUTING: -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    expect(back).toContain('host - chain nat DOCKER');
    expect(back).toContain('c1 - listening tcp *:80');
  });

  it('(e) gives [] for a step that changed nothing', () => {
    expect(diffSnapshots(loadState('idle-before'), loadState('idle-after'))).toEqual([]);
  });

  it('tells a deleted veth pair once, under the lab host, and deleted namespaces', () => {
    expect(lines('bridge-pinged', 'bridge-start').filter((l) => l.includes('namespace'))).toEqual([]);
    const gone = lines('veth-moved', 'veth-start');
    expect(gone).toEqual(['host - veth pair veth0 ⇄ eth0 (in c1)']);
    expect(lines('netns-two', 'netns-empty')).toEqual(['blue - namespace blue', 'red - namespace red']);
  });
});

describe('diffSnapshots on hand-made states', () => {
  it('tells a rename, MTU, MAC and leaving a bridge, and keeps routes through the rename quiet', () => {
    const route = { dst: '10.0.0.0/8', gateway: undefined, protocol: 'static', scope: undefined, prefsrc: undefined, table: 'main' };
    const before = host([link('veth1', { master: 'br0' })], { routes: [{ ...route, dev: 'veth1' }] });
    const after = host([link('eth9', { mtu: 9000, mac: '02:00:00:00:00:09' })], { routes: [{ ...route, dev: 'eth9' }] });
    expect(diffSnapshots(before, after).map((c) => `${c.op} ${c.text}`)).toEqual([
      '~ veth1 renamed eth9', '~ eth9 MAC 02:00:00:00:00:02 → 02:00:00:00:00:09', '~ eth9 MTU 1500 → 9000', '- eth9 left bridge br0',
    ]);
  });

  it('tells a changed default route as one change', () => {
    const route = { dst: 'default', dev: 'eth0', protocol: undefined, scope: undefined, prefsrc: undefined, table: 'main' };
    const before = host([link('eth0')], { routes: [{ ...route, gateway: '203.0.113.1' }] });
    const after = host([link('eth0')], { routes: [{ ...route, gateway: '203.0.113.9' }] });
    expect(diffSnapshots(before, after).map((c) => c.text)).toEqual(['default via 203.0.113.1 dev eth0 → via 203.0.113.9 dev eth0']);
  });

  it('tells IPv6 link-local noise only when nothing else changed', () => {
    const ll = { cidr: 'fe80::1/64', family: 'inet6' as const, scope: 'link' };
    const v4 = { cidr: '10.1.0.1/24', family: 'inet' as const, scope: 'global' };
    expect(diffSnapshots(host([link('eth0')]), host([link('eth0', { addresses: [ll] })])).map((c) => c.text)).toEqual(['fe80::1/64 on eth0']);
    expect(diffSnapshots(host([link('eth0')]), host([link('eth0', { addresses: [ll, v4] })])).map((c) => c.text)).toEqual(['10.1.0.1/24 on eth0']);
  });
});

describe('nothingChanged', () => {
  it('never says "nothing changed" after a step flushed or edited the neighbour table, which snapshots do not hold', () => {
    for (const code of ['ip neigh flush all', 'ip -n red neigh flush dev veth0', 'ip netns exec c1 ip n del 10.0.0.2 dev eth0', 'arp -d 10.0.0.2']) {
      expect(nothingChanged(code), code).not.toBe(NOTHING_CHANGED);
      expect(nothingChanged(code)).toContain('does not watch the neighbour (ARP) table');
    }
    for (const code of ['ip neigh show', 'ip link', '', 'ip -n red neigh']) expect(nothingChanged(code), code).toBe(NOTHING_CHANGED);
  });
});

describe('glossRule', () => {
  it('puts where DNAT sends packets before the `unless` condition, not in the middle of it', () => {
    expect(glossRule('! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80', new Set())).toBe(
      'forward tcp traffic to port 8080 on to 172.17.0.2:80, unless it came in by docker0',
    );
    expect(glossRule('-d 203.0.113.2/32 ! -i docker0 -p tcp -m tcp --dport 9090 -j DNAT --to-destination 172.17.0.3:80', new Set())).toBe(
      'forward tcp traffic to 203.0.113.2/32, to port 9090 on to 172.17.0.3:80, unless it came in by docker0',
    );
    expect(glossRule('-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE', new Set())).toBe('masquerade 172.17.0.0/16 unless it leaves by docker0');
  });
});

describe('renderChanges', () => {
  it('groups under namespace headings with marks, and wraps long lines within the width', () => {
    const text = renderChanges(diffSnapshots(loadState('nat-pinged'), loadState('nat-served')), 60);
    expect(text.split('\n')[0]).toBe('lab host');
    expect(text).toContain('\nnamespace c1\n  + listening tcp *:80');
    expect(text).toContain('  ~ filter FORWARD policy ACCEPT → DROP');
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it('says so when nothing changed', () => {
    expect(renderChanges([], 80)).toBe(NOTHING_CHANGED);
  });

  it('heads the world as the simulated internet', () => {
    expect(renderChanges([{ ns: 'world', kind: 'sysctl', op: '~', text: 'ip_forward 1 → 0' }], 80)).toBe('simulated internet\n  ~ ip_forward 1 → 0');
  });
});
