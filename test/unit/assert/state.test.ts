import { describe, expect, it } from 'vitest';
import { checkState, isStateAssertion, type StateAssertion } from '../../../src/assert/state.ts';
import { fixtureSnapshot, type FixtureName } from '../kernel/fixtures.ts';

type Case = readonly [FixtureName, StateAssertion, boolean, string];

/** Run each case: the assertion against the fixture must pass or fail with exactly this message. */
function table(cases: readonly Case[]): void {
  it.each(cases.map(([fixture, assertion, passed, message]) => ({ fixture, assertion, passed, message })))(
    '$message',
    ({ fixture, assertion, passed, message }) => {
      // `chain` (what a failed iptables check found, for the learner's form) is tested in learner.test.ts.
      const { chain: _, ...result } = checkState(assertion, fixtureSnapshot(fixture));
      expect(result).toEqual({ passed, message });
    },
  );
}

describe('checkState: netns', () => {
  table([
    ['veth-pair', { kind: 'netns', name: 'red', expect: 'exists' }, true, 'netns red exists'],
    ['veth-pair', { kind: 'netns', name: 'green', expect: 'exists' }, false, 'netns green does not exist (namespaces: blue, red)'],
    ['empty-host', { kind: 'netns', name: 'blue', expect: 'exists' }, false, 'netns blue does not exist (namespaces: none)'],
    ['veth-pair', { kind: 'netns', name: 'green', expect: 'absent' }, true, 'netns green is absent'],
    ['veth-pair', { kind: 'netns', name: 'red', expect: 'absent' }, false, 'netns red exists; expected it to be absent'],
    ['veth-pair', { kind: 'netns', name: 'world', expect: 'exists' }, false, 'netns world does not exist (namespaces: blue, red)'],
  ]);
});

describe('checkState: link', () => {
  table([
    ['veth-pair', { kind: 'link', name: 'veth-red', ns: 'red', expect: { is: 'exists' } }, true, 'link veth-red in red exists (veth, state UP)'],
    ['veth-pair', { kind: 'link', name: 'eth0', ns: 'red', expect: { is: 'exists' } }, false, 'no link eth0 in red (links there: lo, veth-red)'],
    ['veth-pair', { kind: 'link', name: 'veth-red', ns: undefined, expect: { is: 'exists' } }, false, 'no link veth-red (links there: lo, v-right, v-left, mv0)'],
    ['veth-pair', { kind: 'link', name: 'veth-red', ns: 'green', expect: { is: 'exists' } }, false, 'netns green does not exist (namespaces: blue, red)'],
    ['veth-pair', { kind: 'link', name: 'veth-red', ns: undefined, expect: { is: 'absent' } }, true, 'no link veth-red'],
    ['veth-pair', { kind: 'link', name: 'veth-red', ns: 'green', expect: { is: 'absent' } }, true, 'no link veth-red in green: netns green does not exist (namespaces: blue, red)'],
    ['veth-pair', { kind: 'link', name: 'veth-red', ns: 'red', expect: { is: 'absent' } }, false, 'link veth-red in red exists (veth, state UP); expected it to be absent'],
    ['veth-pair', { kind: 'link', name: 'veth-red', ns: 'red', expect: { is: 'up' } }, true, 'link veth-red in red is up (state UP)'],
    ['veth-pair', { kind: 'link', name: 'v-left', ns: undefined, expect: { is: 'up' } }, true, 'link v-left is up (state LOWERLAYERDOWN)'],
    ['veth-pair', { kind: 'link', name: 'lo', ns: 'blue', expect: { is: 'up' } }, false, 'link lo in blue is down (state DOWN); expected up'],
    ['veth-pair', { kind: 'link', name: 'lo', ns: 'blue', expect: { is: 'down' } }, true, 'link lo in blue is down (state DOWN)'],
    ['veth-pair', { kind: 'link', name: 'lo', ns: 'red', expect: { is: 'down' } }, false, 'link lo in red is up (state UNKNOWN); expected down'],
    ['docker-bridge', { kind: 'link', name: 'docker0', ns: undefined, expect: { is: 'type', type: 'bridge' } }, true, 'link docker0 is a bridge'],
    ['docker-bridge', { kind: 'link', name: 'docker0', ns: undefined, expect: { is: 'type', type: 'veth' } }, false, 'link docker0 is a bridge; expected a veth'],
    ['veth-pair', { kind: 'link', name: 'mv0', ns: undefined, expect: { is: 'type', type: 'macvlan' } }, true, 'link mv0 is a macvlan'],
    ['docker-bridge', { kind: 'link', name: 'veth-c1', ns: undefined, expect: { is: 'master', master: 'docker0' } }, true, 'link veth-c1 has master docker0'],
    ['docker-bridge', { kind: 'link', name: 'veth-c1', ns: undefined, expect: { is: 'master', master: 'br0' } }, false, 'link veth-c1 has master docker0; expected master br0'],
    ['docker-bridge', { kind: 'link', name: 'eth0', ns: undefined, expect: { is: 'master', master: 'docker0' } }, false, 'link eth0 has no master; expected master docker0'],
    ['veth-pair', { kind: 'link', name: 'veth-red', ns: 'red', expect: { is: 'peer', peer: 'veth-blue', peerNs: 'blue' } }, true, 'link veth-red in red has peer veth-blue in blue'],
    ['veth-pair', { kind: 'link', name: 'veth-red', ns: 'red', expect: { is: 'peer', peer: 'veth-blue', peerNs: undefined } }, false, 'link veth-red in red has peer veth-blue in blue; expected peer veth-blue'],
    ['docker-bridge', { kind: 'link', name: 'eth0', ns: 'c1', expect: { is: 'peer', peer: 'veth-c1', peerNs: undefined } }, true, 'link eth0 in c1 has peer veth-c1'],
    ['docker-bridge', { kind: 'link', name: 'eth0', ns: undefined, expect: { is: 'peer', peer: 'uplink', peerNs: 'world' } }, true, 'link eth0 has peer uplink in world'],
    ['docker-bridge', { kind: 'link', name: 'docker0', ns: undefined, expect: { is: 'peer', peer: 'x', peerNs: undefined } }, false, 'link docker0 is a bridge, not a veth, so it has no peer; expected peer x'],
    ['docker-bridge', { kind: 'link', name: 'uplink', ns: 'world', expect: { is: 'up' } }, true, 'link uplink in world is up (state UP)'],
    ['empty-host', { kind: 'link', name: 'lo', ns: 'world', expect: { is: 'up' } }, false, 'the world namespace does not exist (this lesson runs with world: none)'],
  ]);
});

describe('checkState: addr', () => {
  table([
    ['veth-pair', { kind: 'addr', cidr: '10.0.0.1/24', dev: 'veth-red', ns: 'red', present: true }, true, 'addr 10.0.0.1/24 on veth-red in red'],
    ['veth-pair', { kind: 'addr', cidr: '10.0.0.9/24', dev: 'veth-red', ns: 'red', present: true }, false,
      'addr 10.0.0.9/24 on veth-red in red is missing (addresses there: 10.0.0.1/24, fe80::5851:72ff:fe09:3af/64)'],
    ['docker-bridge', { kind: 'addr', cidr: '172.17.0.1/16', dev: 'eth0', ns: undefined, present: true }, false,
      'addr 172.17.0.1/16 on eth0 is missing (addresses there: 203.0.113.2/24, fe80::78c8:51ff:fe55:2131/64; 172.17.0.1/16 is on docker0)'],
    ['veth-pair', { kind: 'addr', cidr: '10.0.0.1/24', dev: 'lo', ns: 'blue', present: true }, false, 'addr 10.0.0.1/24 on lo in blue is missing (addresses there: none)'],
    ['veth-pair', { kind: 'addr', cidr: '10.0.0.1/24', dev: 'eth0', ns: 'red', present: true }, false,
      'addr 10.0.0.1/24 on eth0 in red is missing: no link eth0 in red (links there: lo, veth-red)'],
    ['veth-pair', { kind: 'addr', cidr: '10.0.0.1/24', dev: 'eth0', ns: 'red', present: false }, true,
      'no addr 10.0.0.1/24 on eth0 in red: no link eth0 in red (links there: lo, veth-red)'],
    ['veth-pair', { kind: 'addr', cidr: '10.0.0.5/24', dev: 'veth-red', ns: 'red', present: false }, true, 'no addr 10.0.0.5/24 on veth-red in red'],
    ['veth-pair', { kind: 'addr', cidr: '10.0.0.1/24', dev: 'veth-red', ns: 'red', present: false }, false, 'addr 10.0.0.1/24 on veth-red in red is present; expected it to be absent'],
    ['veth-pair', { kind: 'addr', cidr: '10.0.0.1/24', dev: 'veth-red', ns: 'pink', present: true }, false, 'netns pink does not exist (namespaces: blue, red)'],
  ]);
});

describe('checkState: route', () => {
  table([
    ['docker-bridge', { kind: 'route', dest: 'default', via: '172.17.0.1', dev: undefined, ns: 'c1' }, true, 'route default via 172.17.0.1 dev eth0 in c1'],
    ['docker-bridge', { kind: 'route', dest: 'default', via: undefined, dev: undefined, ns: undefined }, true, 'route default via 203.0.113.1 dev eth0'],
    ['docker-bridge', { kind: 'route', dest: 'default', via: '172.17.0.9', dev: undefined, ns: 'c1' }, false,
      'route default via 172.17.0.9 in c1 is missing (routes there: default via 172.17.0.1 dev eth0; 172.17.0.0/16 dev eth0)'],
    ['docker-bridge', { kind: 'route', dest: '172.17.0.0/16', via: undefined, dev: 'docker0', ns: undefined }, true, 'route 172.17.0.0/16 dev docker0'],
    ['docker-bridge', { kind: 'route', dest: '172.17.0.0/16', via: undefined, dev: 'eth0', ns: undefined }, false,
      'route 172.17.0.0/16 dev eth0 is missing (routes there: default via 203.0.113.1 dev eth0; 172.17.0.0/16 dev docker0; 203.0.113.0/24 dev eth0)'],
    ['docker-bridge', { kind: 'route', dest: '10.99.0.0/16', via: undefined, dev: undefined, ns: undefined }, false,
      'route 10.99.0.0/16 is missing (routes there: default via 203.0.113.1 dev eth0; 172.17.0.0/16 dev docker0; 203.0.113.0/24 dev eth0)'],
    ['veth-pair', { kind: 'route', dest: 'default', via: undefined, dev: undefined, ns: 'blue' }, false, 'route default in blue is missing (routes there: 10.0.0.0/24 dev veth-blue)'],
    ['veth-pair', { kind: 'route', dest: '0.0.0.0/0', via: undefined, dev: undefined, ns: 'world' }, false, 'route default in world is missing (routes there: none)'],
    ['veth-pair', { kind: 'route', dest: 'default', via: undefined, dev: undefined, ns: 'c1' }, false, 'netns c1 does not exist (namespaces: blue, red)'],
  ]);
});

describe('checkState: iptables', () => {
  const masq = '-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE';
  table([
    ['docker-bridge', { kind: 'iptables-rule', table: 'nat', chain: 'POSTROUTING', rule: masq, present: true }, true, `nat POSTROUTING has rule "${masq}" (1 packets matched)`],
    ['docker-bridge', { kind: 'iptables-rule', table: 'nat', chain: 'POSTROUTING', rule: ` -s 172.17.0.0/16  !  -o docker0 -j MASQUERADE `, present: true }, true,
      `nat POSTROUTING has rule "${masq}" (1 packets matched)`],
    ['docker-bridge', { kind: 'iptables-rule', table: 'nat', chain: 'POSTROUTING', rule: '-s 172.18.0.0/16 ! -o br-1 -j MASQUERADE', present: true }, false,
      `nat POSTROUTING has no rule "-s 172.18.0.0/16 ! -o br-1 -j MASQUERADE" (rules there: ${masq})`],
    ['docker-bridge', { kind: 'iptables-rule', table: 'nat', chain: 'DOCKER', rule: '-j RETURN', present: true }, false,
      'nat DOCKER has no rule "-j RETURN" (rules there: -i docker0 -j RETURN; ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80)'],
    ['docker-bridge', { kind: 'iptables-rule', table: 'filter', chain: 'INPUT', rule: '-j DROP', present: true }, false, 'filter INPUT has no rule "-j DROP" (rules there: none)'],
    ['docker-bridge', { kind: 'iptables-rule', table: 'mangle', chain: 'PREROUTING', rule: '-j MARK --set-mark 1', present: true }, false,
      'mangle PREROUTING has no rule "-j MARK --set-mark 1" (table mangle does not exist; tables there: filter, nat)'],
    ['docker-bridge', { kind: 'iptables-rule', table: 'filter', chain: 'DOCKER-USER', rule: '-j RETURN', present: true }, false,
      'filter DOCKER-USER has no rule "-j RETURN" (chain DOCKER-USER does not exist in filter; chains there: INPUT, FORWARD, OUTPUT)'],
    ['empty-host', { kind: 'iptables-rule', table: 'nat', chain: 'POSTROUTING', rule: masq, present: true }, false,
      `nat POSTROUTING has no rule "${masq}" (table nat does not exist; tables there: none)`],
    ['empty-host', { kind: 'iptables-rule', table: 'nat', chain: 'POSTROUTING', rule: masq, present: false }, true,
      `nat POSTROUTING has no rule "${masq}" (table nat does not exist; tables there: none)`],
    ['docker-bridge', { kind: 'iptables-rule', table: 'filter', chain: 'FORWARD', rule: '-j DROP', present: false }, true, 'filter FORWARD has no rule "-j DROP"'],
    ['docker-bridge', { kind: 'iptables-rule', table: 'nat', chain: 'POSTROUTING', rule: masq, present: false }, false, `nat POSTROUTING has rule "${masq}"; expected it to be absent`],
    ['docker-bridge', { kind: 'iptables-policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' }, true, 'filter FORWARD policy is DROP'],
    ['docker-bridge', { kind: 'iptables-policy', table: 'filter', chain: 'INPUT', policy: 'DROP' }, false, 'filter INPUT policy is ACCEPT; expected DROP'],
    ['docker-bridge', { kind: 'iptables-policy', table: 'nat', chain: 'DOCKER', policy: 'ACCEPT' }, false, 'nat DOCKER is a user-defined chain and has no policy; expected ACCEPT'],
    ['empty-host', { kind: 'iptables-policy', table: 'filter', chain: 'FORWARD', policy: 'ACCEPT' }, true,
      'filter FORWARD policy is ACCEPT (table filter is not loaded, so nothing is filtered)'],
    ['empty-host', { kind: 'iptables-policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' }, false,
      'filter FORWARD policy is ACCEPT (table filter is not loaded, so nothing is filtered); expected DROP'],
    ['docker-bridge', { kind: 'iptables-policy', table: 'filter', chain: 'CUSTOM', policy: 'DROP' }, false,
      'filter CUSTOM policy is unknown (chain CUSTOM does not exist in filter; chains there: INPUT, FORWARD, OUTPUT); expected DROP'],
  ]);
});

describe('checkState: sysctl', () => {
  table([
    ['docker-bridge', { kind: 'sysctl', key: 'net.ipv4.ip_forward', ns: undefined, value: '1' }, true, 'sysctl net.ipv4.ip_forward is 1'],
    ['docker-bridge', { kind: 'sysctl', key: 'net.ipv4.ip_forward', ns: 'c1', value: '1' }, false, 'sysctl net.ipv4.ip_forward in c1 is 0; expected 1'],
    ['veth-pair', { kind: 'sysctl', key: 'net.ipv4.ip_local_port_range', ns: 'red', value: '32768 60999' }, true, 'sysctl net.ipv4.ip_local_port_range in red is 32768 60999'],
    ['veth-pair', { kind: 'sysctl', key: 'net.ipv4.ip_forward', ns: 'green', value: '1' }, false, 'netns green does not exist (namespaces: blue, red)'],
    ['veth-pair', { kind: 'sysctl', key: 'net.ipv4.tcp_syncookies', ns: undefined, value: '1' }, false,
      'sysctl net.ipv4.tcp_syncookies is not read by snapshots (they read net.ipv4.ip_forward, net.ipv4.conf.all.route_localnet, net.ipv4.ip_local_port_range, net.bridge.bridge-nf-call-iptables, net.bridge.bridge-nf-call-ip6tables)'],
  ]);

  it('says a recorded key the kernel lacks does not exist (br_netfilter not loaded)', () => {
    const snapshot = fixtureSnapshot('empty-host');
    const host = snapshot.namespaces[0]!;
    const { 'net.bridge.bridge-nf-call-iptables': _dropped, ...sysctls } = host.sysctls;
    const without = { namespaces: [{ ...host, sysctls }] };
    expect(checkState({ kind: 'sysctl', key: 'net.bridge.bridge-nf-call-iptables', ns: undefined, value: '1' }, without)).toEqual({
      passed: false, message: 'sysctl net.bridge.bridge-nf-call-iptables does not exist; expected 1',
    });
  });
});

describe('isStateAssertion', () => {
  it('tells snapshot checks from live probes and output checks', () => {
    expect(isStateAssertion({ kind: 'netns', name: 'red', expect: 'exists' })).toBe(true);
    expect(isStateAssertion({ kind: 'iptables-policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' })).toBe(true);
    expect(isStateAssertion({ kind: 'ping', addr: '10.0.0.1', from: undefined, expect: 'succeeds' })).toBe(false);
    expect(isStateAssertion({ kind: 'exit-status', status: 0 })).toBe(false);
  });
});
