import { describe, expect, it } from 'vitest';
import { SECTION_MARKER } from '../../../src/kernel/collect.ts';
import { parseSnapshot } from '../../../src/kernel/parse.ts';
import { fixtureSnapshot, fixtureText, linkOf, nsOf } from './fixtures.ts';

const PORT_RANGE = '32768\t60999';

describe('parseSnapshot on an empty host', () => {
  const snapshot = fixtureSnapshot('empty-host');

  it('holds only the lab host, with lo down and nothing else', () => {
    expect(snapshot.namespaces).toHaveLength(1);
    const host = nsOf(snapshot, undefined);
    expect(host.kind).toBe('host');
    expect(host.links).toEqual([{
      name: 'lo', ifindex: 1, type: 'loopback', up: false, operstate: 'DOWN', mac: '00:00:00:00:00:00', mtu: 65536,
      master: undefined, peer: undefined, parent: undefined, linkIndex: undefined, linkNetnsid: undefined, addresses: [],
    }]);
    expect(host.routes).toEqual([]);
    expect(host.iptables).toEqual({});
    expect(host.fdb).toEqual([]);
    expect(host.listening).toEqual([]);
  });

  it('reads every snapshot sysctl as the kernel prints it', () => {
    expect(nsOf(snapshot, undefined).sysctls).toEqual({
      'net.ipv4.ip_forward': '0',
      'net.ipv4.conf.all.route_localnet': '0',
      'net.ipv4.ip_local_port_range': PORT_RANGE,
      'net.bridge.bridge-nf-call-iptables': '1',
      'net.bridge.bridge-nf-call-ip6tables': '1',
    });
  });
});

describe('parseSnapshot on two namespaces joined by a veth pair', () => {
  const snapshot = fixtureSnapshot('veth-pair');

  it('orders the host first, named namespaces as ip netns list printed them, the world last', () => {
    expect(snapshot.namespaces.map((ns) => [ns.kind, ns.name])).toEqual([['host', undefined], ['netns', 'blue'], ['netns', 'red'], ['world', 'world']]);
  });

  it('reads a moved veth end with its address, state and cross-namespace peer', () => {
    const red = nsOf(snapshot, 'red');
    expect(linkOf(red, 'veth-red')).toEqual({
      name: 'veth-red', ifindex: 3, type: 'veth', up: true, operstate: 'UP', mac: '5a:51:72:09:03:af', mtu: 1500,
      master: undefined, peer: { name: 'veth-blue', ns: 'blue' }, parent: undefined, linkIndex: 2, linkNetnsid: 1,
      addresses: [
        { cidr: '10.0.0.1/24', family: 'inet', scope: 'global' },
        { cidr: 'fe80::5851:72ff:fe09:3af/64', family: 'inet6', scope: 'link' },
      ],
    });
    expect(linkOf(nsOf(snapshot, 'blue'), 'veth-blue').peer).toEqual({ name: 'veth-red', ns: 'red' });
  });

  it('reads lo up with its addresses, and lo down without', () => {
    expect(linkOf(nsOf(snapshot, 'red'), 'lo')).toMatchObject({ up: true, operstate: 'UNKNOWN', addresses: [
      { cidr: '127.0.0.1/8', family: 'inet', scope: 'host' }, { cidr: '::1/128', family: 'inet6', scope: 'host' },
    ] });
    expect(linkOf(nsOf(snapshot, 'blue'), 'lo')).toMatchObject({ up: false, operstate: 'DOWN', addresses: [] });
  });

  it('pairs veth ends in the same namespace by name', () => {
    const host = nsOf(snapshot, undefined);
    expect(linkOf(host, 'v-left')).toMatchObject({ peer: { name: 'v-right', ns: undefined }, up: true, operstate: 'LOWERLAYERDOWN', linkNetnsid: undefined });
    expect(linkOf(host, 'v-right')).toMatchObject({ peer: { name: 'v-left', ns: undefined }, up: false, operstate: 'DOWN' });
  });

  it('gives a macvlan its parent and no peer', () => {
    expect(linkOf(nsOf(snapshot, undefined), 'mv0')).toMatchObject({ type: 'macvlan', parent: 'v-right', peer: undefined });
  });

  it('reads connected routes into the main table and host routes with /32 into local', () => {
    const red = nsOf(snapshot, 'red');
    expect(red.routes.filter((r) => r.table === 'main')).toEqual([
      { dst: '10.0.0.0/24', gateway: undefined, dev: 'veth-red', protocol: 'kernel', scope: 'link', prefsrc: '10.0.0.1', table: 'main' },
    ]);
    expect(red.routes).toContainEqual({ dst: '10.0.0.1/32', gateway: undefined, dev: 'veth-red', protocol: 'kernel', scope: 'host', prefsrc: '10.0.0.1', table: 'local' });
    expect(red.routes.every((r) => !r.dst.includes(':'))).toBe(true);
  });

  it('keeps each namespace its own sysctls', () => {
    expect(nsOf(snapshot, 'red').sysctls['net.ipv4.ip_forward']).toBe('1');
    expect(nsOf(snapshot, 'blue').sysctls['net.ipv4.ip_forward']).toBe('0');
  });

  it('reads the world, which here holds only lo', () => {
    expect(nsOf(snapshot, 'world').links.map((l) => l.name)).toEqual(['lo']);
  });
});

describe('parseSnapshot on a Docker-like bridge lab with NAT', () => {
  const snapshot = fixtureSnapshot('docker-bridge');
  const host = nsOf(snapshot, undefined);

  it('reads the bridge and its ports with their masters and peers in the containers', () => {
    expect(linkOf(host, 'docker0')).toMatchObject({ type: 'bridge', up: true, operstate: 'UP', master: undefined, peer: undefined,
      addresses: [{ cidr: '172.17.0.1/16', family: 'inet', scope: 'global' }, { cidr: 'fe80::340a:75ff:fead:f618/64', family: 'inet6', scope: 'link' }] });
    expect(linkOf(host, 'veth-c1')).toMatchObject({ type: 'veth', master: 'docker0', peer: { name: 'eth0', ns: 'c1' }, linkIndex: 2, linkNetnsid: 1 });
    expect(linkOf(host, 'veth-c2')).toMatchObject({ type: 'veth', master: 'docker0', peer: { name: 'eth0', ns: 'c2' }, linkIndex: 2, linkNetnsid: 2 });
    expect(linkOf(nsOf(snapshot, 'c1'), 'eth0').peer).toEqual({ name: 'veth-c1', ns: undefined });
    expect(linkOf(nsOf(snapshot, 'c2'), 'eth0').peer).toEqual({ name: 'veth-c2', ns: undefined });
  });

  it('resolves the uplink peer in the world namespace, which ip netns list does not show', () => {
    expect(linkOf(host, 'eth0')).toMatchObject({ peer: { name: 'uplink', ns: 'world' }, mac: '7a:c8:51:55:21:31' });
    expect(linkOf(nsOf(snapshot, 'world'), 'uplink').peer).toEqual({ name: 'eth0', ns: undefined });
  });

  it('reads the default route, connected routes and a route in a numbered table', () => {
    expect(host.routes.filter((r) => r.table !== 'local')).toEqual([
      { dst: '10.99.0.0/16', gateway: undefined, dev: 'eth0', protocol: 'boot', scope: 'link', prefsrc: undefined, table: '100' },
      { dst: 'default', gateway: '203.0.113.1', dev: 'eth0', protocol: 'boot', scope: 'global', prefsrc: undefined, table: 'main' },
      { dst: '172.17.0.0/16', gateway: undefined, dev: 'docker0', protocol: 'kernel', scope: 'link', prefsrc: '172.17.0.1', table: 'main' },
      { dst: '203.0.113.0/24', gateway: undefined, dev: 'eth0', protocol: 'kernel', scope: 'link', prefsrc: '203.0.113.2', table: 'main' },
    ]);
  });

  it('reads iptables tables, policies, user chains and rule counters', () => {
    expect(Object.keys(host.iptables)).toEqual(['filter', 'nat']);
    expect(host.iptables['filter']?.['FORWARD']).toEqual({ name: 'FORWARD', policy: 'DROP', packets: 0, bytes: 0, rules: [
      { spec: '-o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT', packets: 3, bytes: 252 },
      { spec: '-i docker0 ! -o docker0 -j ACCEPT', packets: 2, bytes: 168 },
      { spec: '-i docker0 -o docker0 -j ACCEPT', packets: 1, bytes: 84 },
    ] });
    expect(host.iptables['nat']?.['POSTROUTING']?.rules).toEqual([{ spec: '-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE', packets: 1, bytes: 84 }]);
    expect(host.iptables['nat']?.['DOCKER']).toMatchObject({ policy: undefined, rules: [
      { spec: '-i docker0 -j RETURN', packets: 0, bytes: 0 },
      { spec: '! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80', packets: 0, bytes: 0 },
    ] });
    expect(nsOf(snapshot, 'c1').iptables).toEqual({});
  });

  it('reads the learned MACs of the bridge, leaving out its multicast entries', () => {
    expect(host.fdb).toEqual([
      { mac: '36:30:70:cd:e0:3b', dev: 'veth-c1', master: 'docker0', state: '' },
      { mac: '9a:d2:24:fa:fe:b4', dev: 'veth-c1', master: 'docker0', state: 'permanent' },
      { mac: 'ee:79:b5:70:41:45', dev: 'veth-c2', master: 'docker0', state: '' },
      { mac: '0e:65:92:b0:c9:c9', dev: 'veth-c2', master: 'docker0', state: 'permanent' },
    ]);
    expect(linkOf(nsOf(snapshot, 'c1'), 'eth0').mac).toBe('36:30:70:cd:e0:3b');
  });

  it('reads listening sockets with their process, per namespace', () => {
    expect(host.listening).toEqual([{ proto: 'udp', local: '0.0.0.0:5353', process: 'nc' }]);
    expect(nsOf(snapshot, 'c1').listening).toEqual([{ proto: 'tcp', local: '0.0.0.0:80', process: 'nc' }]);
    expect(nsOf(snapshot, 'c2').listening).toEqual([]);
  });

  it('reads the host sysctls after ip_forward was turned on', () => {
    expect(host.sysctls['net.ipv4.ip_forward']).toBe('1');
    expect(host.sysctls['net.ipv4.ip_local_port_range']).toBe(PORT_RANGE);
  });
});

describe('parseSnapshot on damaged output', () => {
  it('returns no namespaces for text without markers', () => {
    expect(parseSnapshot('sh: 1: ip: not found\n').namespaces).toEqual([]);
  });

  it('keeps the namespaces that came through when the output was cut short', () => {
    const text = fixtureText('veth-pair');
    const cut = text.slice(0, text.indexOf(`${SECTION_MARKER} ns netns red`) + 40);
    const snapshot = parseSnapshot(cut);
    expect(snapshot.namespaces.map((ns) => ns.name)).toEqual([undefined, 'blue', 'red']);
    expect(nsOf(snapshot, 'red').links).toEqual([]);
    expect(linkOf(nsOf(snapshot, 'blue'), 'veth-blue').peer).toBeUndefined();
  });

  it('skips stray error lines and a cut JSON line, and lists a namespace it could not enter', () => {
    const text = [
      `${SECTION_MARKER} ns host `,
      `${SECTION_MARKER} ip host `,
      'Error: something odd',
      '[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP"],"mtu":65536,"operstate":"UNKNOWN","link_type":"loopback","address":"00:00:00:00:00:00"}]',
      '[{"type":"unicast","dst":"10.0.0.0/8","dev":"lo","table":"main"',
      `${SECTION_MARKER} sysctl host `,
      'sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables',
      'net.ipv4.ip_forward = 1',
      `${SECTION_MARKER} ns netns broken name`,
      `${SECTION_MARKER} done`,
    ].join('\n');
    const snapshot = parseSnapshot(text);
    expect(snapshot.namespaces.map((ns) => [ns.kind, ns.name])).toEqual([['host', undefined], ['netns', 'broken name']]);
    const host = nsOf(snapshot, undefined);
    expect(host.links.map((l) => [l.name, l.up])).toEqual([['lo', true]]);
    expect(host.routes).toEqual([]);
    expect(host.sysctls).toEqual({ 'net.ipv4.ip_forward': '1' });
  });
});
