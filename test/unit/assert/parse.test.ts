import { describe, expect, it } from 'vitest';
import { isAssertionSyntaxError, parseAssertion, parseCheckLine } from '../../../src/assert/parse.ts';
import type { Assertion, AssertionSyntaxError } from '../../../src/assert/types.ts';

/** Parses a line that must be valid. */
function ok(line: string): Assertion {
  const parsed = parseAssertion(line);
  if (isAssertionSyntaxError(parsed)) throw new Error(`expected "${line}" to parse, got ${parsed.column}: ${parsed.message}`);
  return parsed;
}

/** Parses a line that must be rejected. */
function bad(line: string): AssertionSyntaxError {
  const parsed = parseAssertion(line);
  if (!isAssertionSyntaxError(parsed)) throw new Error(`expected "${line}" to be rejected, got ${JSON.stringify(parsed)}`);
  return parsed;
}

describe('parseAssertion: every form of the contract', () => {
  it.each<[string, Assertion]>([
    ['netns red exists', { kind: 'netns', name: 'red', expect: 'exists' }],
    ['netns red is absent', { kind: 'netns', name: 'red', expect: 'absent' }],
    ['link veth0 exists', { kind: 'link', name: 'veth0', ns: undefined, expect: { is: 'exists' } }],
    ['link veth0 in red exists', { kind: 'link', name: 'veth0', ns: 'red', expect: { is: 'exists' } }],
    ['link veth0 in red is absent', { kind: 'link', name: 'veth0', ns: 'red', expect: { is: 'absent' } }],
    ['link veth0 is up', { kind: 'link', name: 'veth0', ns: undefined, expect: { is: 'up' } }],
    ['link veth0 in red is down', { kind: 'link', name: 'veth0', ns: 'red', expect: { is: 'down' } }],
    ['link br0 is a bridge', { kind: 'link', name: 'br0', ns: undefined, expect: { is: 'type', type: 'bridge' } }],
    ['link mv0 in red is a macvlan', { kind: 'link', name: 'mv0', ns: 'red', expect: { is: 'type', type: 'macvlan' } }],
    ['link veth0 is a veth', { kind: 'link', name: 'veth0', ns: undefined, expect: { is: 'type', type: 'veth' } }],
    ['link veth0 has master br0', { kind: 'link', name: 'veth0', ns: undefined, expect: { is: 'master', master: 'br0' } }],
    ['link veth0 has peer veth1', { kind: 'link', name: 'veth0', ns: undefined, expect: { is: 'peer', peer: 'veth1', peerNs: undefined } }],
    ['link veth-red in red has peer veth-blue in blue', { kind: 'link', name: 'veth-red', ns: 'red', expect: { is: 'peer', peer: 'veth-blue', peerNs: 'blue' } }],
    ['addr 10.0.0.1/24 on veth0', { kind: 'addr', cidr: '10.0.0.1/24', dev: 'veth0', ns: undefined, present: true }],
    ['addr 10.0.0.1/24 on veth0 in red', { kind: 'addr', cidr: '10.0.0.1/24', dev: 'veth0', ns: 'red', present: true }],
    ['addr fd00::1/64 on veth0', { kind: 'addr', cidr: 'fd00::1/64', dev: 'veth0', ns: undefined, present: true }],
    ['no addr 10.0.0.1/24 on veth0 in red', { kind: 'addr', cidr: '10.0.0.1/24', dev: 'veth0', ns: 'red', present: false }],
    ['route default', { kind: 'route', dest: 'default', via: undefined, dev: undefined, ns: undefined }],
    ['route default via 203.0.113.1', { kind: 'route', dest: 'default', via: '203.0.113.1', dev: undefined, ns: undefined }],
    ['route 10.0.0.0/24 dev veth0 in red', { kind: 'route', dest: '10.0.0.0/24', via: undefined, dev: 'veth0', ns: 'red' }],
    ['route default via 10.0.0.1 dev veth0 in red', { kind: 'route', dest: 'default', via: '10.0.0.1', dev: 'veth0', ns: 'red' }],
    ['route default in red via 10.0.0.1', { kind: 'route', dest: 'default', via: '10.0.0.1', dev: undefined, ns: 'red' }],
    ['route fd00::/64 via fd00::1', { kind: 'route', dest: 'fd00::/64', via: 'fd00::1', dev: undefined, ns: undefined }],
    ['route 10.0.0.5/32 dev veth0', { kind: 'route', dest: '10.0.0.5/32', via: undefined, dev: 'veth0', ns: undefined }],
    ['ping 10.0.0.2 succeeds', { kind: 'ping', addr: '10.0.0.2', from: undefined, expect: 'succeeds' }],
    ['ping 10.0.0.2 from red fails', { kind: 'ping', addr: '10.0.0.2', from: 'red', expect: 'fails' }],
    ['ping 203.0.113.2 from world succeeds', { kind: 'ping', addr: '203.0.113.2', from: 'world', expect: 'succeeds' }],
    ['ping fd00::2 succeeds', { kind: 'ping', addr: 'fd00::2', from: undefined, expect: 'succeeds' }],
    ['tcp 198.51.100.10:80 is open', { kind: 'tcp', addr: '198.51.100.10', port: 80, from: undefined, expect: 'open' }],
    ['tcp 10.0.0.2:8080 from red is closed', { kind: 'tcp', addr: '10.0.0.2', port: 8080, from: 'red', expect: 'closed' }],
    ['tcp [fd00::1]:443 is open', { kind: 'tcp', addr: 'fd00::1', port: 443, from: undefined, expect: 'open' }],
    ['tcp 10.0.0.2:65535 is open', { kind: 'tcp', addr: '10.0.0.2', port: 65535, from: undefined, expect: 'open' }],
    ['http http://198.51.100.10/ contains "203.0.113.2"', { kind: 'http', url: 'http://198.51.100.10/', from: undefined, text: '203.0.113.2' }],
    ['http http://198.51.100.10/ from red contains "you came from"', { kind: 'http', url: 'http://198.51.100.10/', from: 'red', text: 'you came from' }],
    ['iptables nat POSTROUTING has "-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE"', { kind: 'iptables-rule', table: 'nat', chain: 'POSTROUTING', rule: '-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE', present: true }],
    ['iptables filter FORWARD lacks "-i br0 -j ACCEPT"', { kind: 'iptables-rule', table: 'filter', chain: 'FORWARD', rule: '-i br0 -j ACCEPT', present: false }],
    ['iptables filter FORWARD policy is DROP', { kind: 'iptables-policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' }],
    ['iptables mangle PREROUTING policy is ACCEPT', { kind: 'iptables-policy', table: 'mangle', chain: 'PREROUTING', policy: 'ACCEPT' }],
    ['sysctl net.ipv4.ip_forward is 1', { kind: 'sysctl', key: 'net.ipv4.ip_forward', ns: undefined, value: '1' }],
    ['sysctl net.ipv4.conf.veth-red.forwarding in red is 0', { kind: 'sysctl', key: 'net.ipv4.conf.veth-red.forwarding', ns: 'red', value: '0' }],
    ['sysctl net.ipv4.ping_group_range is "0 2147483647"', { kind: 'sysctl', key: 'net.ipv4.ping_group_range', ns: undefined, value: '0 2147483647' }],
    ['output contains "made red"', { kind: 'output-contains', text: 'made red' }],
    ['output contains "say \\"hi\\" and \\\\ back"', { kind: 'output-contains', text: 'say "hi" and \\ back' }],
    ['output matches /inet 10\\.0\\.0\\.\\d+/', { kind: 'output-matches', pattern: 'inet 10\\.0\\.0\\.\\d+', flags: '' }],
    ['output matches /state (up|unknown)/i', { kind: 'output-matches', pattern: 'state (up|unknown)', flags: 'i' }],
    ['output matches /a\\/b [/] c/m', { kind: 'output-matches', pattern: 'a\\/b [/] c', flags: 'm' }],
    ['exit status is 0', { kind: 'exit-status', status: 0 }],
    ['exit status is 255', { kind: 'exit-status', status: 255 }],
    ['sh "ip netns list | grep -q red" succeeds', { kind: 'sh', command: 'ip netns list | grep -q red', ns: undefined, expect: 'succeeds' }],
    ['sh "test -e /proc/net/dev" in red fails', { kind: 'sh', command: 'test -e /proc/net/dev', ns: 'red', expect: 'fails' }],
  ])('%s', (line, expected) => {
    expect(ok(line)).toEqual(expected);
  });

  it('ignores surrounding space and a trailing # comment', () => {
    expect(ok('   netns red exists   # made in step 1')).toEqual({ kind: 'netns', name: 'red', expect: 'exists' });
  });

  it('keeps a # inside quotes and regexes', () => {
    expect(ok('output contains "#1"')).toEqual({ kind: 'output-contains', text: '#1' });
    expect(ok('output matches /#\\d/')).toEqual({ kind: 'output-matches', pattern: '#\\d', flags: '' });
  });

  it('accepts "is an TYPE" as well as "is a TYPE"', () => {
    expect(ok('link ipvl0 is an ipvlan')).toEqual({ kind: 'link', name: 'ipvl0', ns: undefined, expect: { is: 'type', type: 'ipvlan' } });
  });
});

describe('parseAssertion: syntax errors say what was expected, at which column', () => {
  it.each<[string, number, string]>([
    ['', 1, 'expected an assertion, e.g. "netns red exists"'],
    ['lnk veth0 exists', 1, 'unknown assertion "lnk" (did you mean "link"?); a check line starts with "netns", "link", "addr", "no", "route", "ping", "tcp", "http", "iptables", "sysctl", "output", "exit" or "sh"'],
    ['netns', 6, 'expected a namespace name after "netns"'],
    ['netns red', 10, 'expected "exists" or "is absent" after "netns red"'],
    ['netns red is here', 14, 'expected "absent" after "netns red is", found "here"'],
    ['netns red/blue exists', 7, '"red/blue" is not a namespace name; use letters, digits, ".", "_" and "-" (or a lesson variable, e.g. $pid)'],
    ['netns $1 exists', 7, '"$1" is not a namespace name; use letters, digits, ".", "_" and "-" (or a lesson variable, e.g. $pid)'],
    ['link veth0', 11, 'expected "exists", "is absent", "is up", "is down", "is a TYPE", "has master BRIDGE" or "has peer PEER" after "link veth0"'],
    ['link veth0 in red sideways', 19, 'expected "exists", "is absent", "is up", "is down", "is a TYPE", "has master BRIDGE" or "has peer PEER" after "link veth0 in red", found "sideways"'],
    ['link veth0 is sideways', 15, 'expected "absent", "up", "down" or "a TYPE" after "link veth0 is", found "sideways"'],
    ['link veth0 is a vethh', 17, 'unknown link type "vethh" (did you mean "veth"?); known types are veth, bridge, dummy, macvlan, macvtap, ipvlan, ipvtap, vlan, vxlan, geneve, bond, team, tun, tap, loopback, gre, gretap, ip6gre, ipip, sit, ip6tnl, wireguard, vrf, ifb, netkit, nlmon'],
    ['link veth0 has brother veth1', 16, 'expected "master" or "peer" after "link veth0 has", found "brother"'],
    ['link veth0 has peer', 20, 'expected the peer link name after "link veth0 has peer"'],
    ['link a-very-long-name0 exists', 6, '"a-very-long-name0" is not a link name; link names have at most 15 characters and no "/" or ":"'],
    ['link veth0 in', 14, 'expected a namespace name after "link veth0 in"'],
    ['addr 10.0.0.1 on veth0', 14, '10.0.0.1 needs a prefix length, e.g. 10.0.0.1/24 (addr names an address with its prefix length)'],
    ['addr 10.0.0.300/24 on veth0', 6, '"10.0.0.300" is not an IPv4 or IPv6 address (addr names an address with its prefix length)'],
    ['addr 10.0.0.1/33 on veth0', 14, '"/33" is not a prefix length; an IPv4 prefix runs from /0 to /32 (addr names an address with its prefix length)'],
    ['addr fd00::1/129 on veth0', 13, '"/129" is not a prefix length; an IPv6 prefix runs from /0 to /128 (addr names an address with its prefix length)'],
    ['addr 10.0.0.1/24 at veth0', 18, 'expected "on" after "addr 10.0.0.1/24", found "at"'],
    ['addr 10.0.0.1/24 on veth0 in red extra', 34, 'unexpected "extra" after "addr 10.0.0.1/24 on veth0 in red"; the assertion ends there (start a comment with #)'],
    ['no route default', 4, 'expected "addr" after "no", found "route"'],
    ['route', 6, 'expected "default" or a network, e.g. 10.0.0.0/24 after "route"'],
    ['route 10.0.0.0 dev veth0', 15, '10.0.0.0 needs a prefix length, e.g. 10.0.0.0/24 (a route\'s destination is "default" or a network with its prefix length, e.g. 10.0.0.0/24; for one host write /32)'],
    ['route 10.0.0.1/24', 7, '10.0.0.1/24 has host bits set, so no route has it as destination; write the network, 10.0.0.0/24'],
    ['route default via gateway', 19, '"gateway" is not an IPv4 or IPv6 address; via names the gateway, e.g. via 10.0.0.1'],
    ['route default via 10.0.0.1 via 10.0.0.2', 28, 'expected "dev NAME" or "in NS" after "route default via 10.0.0.1", found "via"'],
    ['route default through 10.0.0.1', 15, 'expected "via GW", "dev NAME" or "in NS" after "route default", found "through"'],
    ['ping red succeeds', 6, '"red" is not an IPv4 or IPv6 address; ping needs one, e.g. ping 10.0.0.2 succeeds'],
    ['ping 10.0.0.2', 14, 'expected "from NS", "succeeds" or "fails" after "ping 10.0.0.2"'],
    ['ping 10.0.0.2 in red succeeds', 15, 'expected "from NS", "succeeds" or "fails" after "ping 10.0.0.2", found "in"'],
    ['ping 10.0.0.2 from red works', 24, 'expected "succeeds" or "fails" after "ping 10.0.0.2 from red", found "works"'],
    ['tcp 10.0.0.2 is open', 13, '10.0.0.2 needs a port, e.g. 10.0.0.2:80'],
    ['tcp 10.0.0.2:0 is open', 14, 'port "0" is out of range; ports run from 1 to 65535'],
    ['tcp 10.0.0.2:65536 is open', 14, 'port "65536" is out of range; ports run from 1 to 65535'],
    ['tcp 10.0.0.2:http is open', 14, 'port "http" is out of range; ports run from 1 to 65535'],
    ['tcp [fd00::1]:99999 is open', 15, 'port "99999" is out of range; ports run from 1 to 65535'],
    ['tcp fd00::1:80 is open', 15, 'fd00::1:80 needs a port; write it in brackets with the port, e.g. [fd00::1:80]:80'],
    ['tcp fd00::1 is open', 12, 'fd00::1 needs a port; write it in brackets with the port, e.g. [fd00::1]:80'],
    ['tcp fd00::zz:80 is open', 5, 'write an IPv6 address in brackets before the port, e.g. [fd00::zz]:80'],
    ['tcp host:80 is open', 5, '"host" is not an IPv4 or IPv6 address'],
    ['tcp 10.0.0.2:80 open', 17, 'expected "from NS", "is open" or "is closed" after "tcp 10.0.0.2:80", found "open"'],
    ['tcp 10.0.0.2:80 is ajar', 20, 'expected "open" or "closed" after "tcp 10.0.0.2:80 is", found "ajar"'],
    ['http 198.51.100.10 contains "x"', 6, '"198.51.100.10" is not an http:// or https:// URL; write e.g. http://198.51.100.10/'],
    ['http http://198.51.100.10/ contains x', 37, 'expected a quoted "TEXT" after "http http://198.51.100.10/ contains", found "x"'],
    ['http http://198.51.100.10/ says "x"', 28, 'expected "from NS" or "contains "TEXT"" after "http http://198.51.100.10/", found "says"'],
    ['iptables nats POSTROUTING has "x"', 10, 'unknown iptables table "nats" (did you mean "nat"?); the tables are "filter", "nat", "mangle", "raw" or "security"'],
    ['iptables nat POSTROUTING holds "x"', 26, 'expected "has", "lacks" or "policy" after "iptables nat POSTROUTING", found "holds"'],
    ['iptables nat POSTROUTING has -j MASQUERADE', 30, 'expected a quoted "RULE" as iptables-save prints it after "-A CHAIN ", e.g. "-i br0 -j ACCEPT" after "iptables nat POSTROUTING has", found "-j"'],
    ['iptables filter FORWARD policy is drop', 35, '"drop" is not a chain policy (did you mean "DROP"?); a built-in chain\'s policy is ACCEPT or DROP'],
    ['iptables filter FORWARD policy DROP', 32, 'expected "is" after "iptables filter FORWARD policy", found "DROP"'],
    ['sysctl ip_forward is 1', 8, '"ip_forward" is not a sysctl key; write it with dots, e.g. net.ipv4.ip_forward'],
    ['sysctl net.ipv4.ip_forward = 1', 28, 'expected "in NS" or "is VALUE" after "sysctl net.ipv4.ip_forward", found "="'],
    ['sysctl net.ipv4.ip_forward is', 30, 'expected a VALUE (a word or a quoted "text") after "sysctl net.ipv4.ip_forward is"'],
    ['output contains made', 17, 'expected a quoted "TEXT" after "output contains", found "made"'],
    ['output contains "made', 17, 'unclosed quote: end the text with " (write \\" for a quote inside it)'],
    ['output contains "a"b', 20, 'expected a space after "a", found "b"'],
    ['output has "x"', 8, 'expected "contains "TEXT"" or "matches /REGEX/" after "output", found "has"'],
    ['output matches "x"', 16, 'expected a /REGEX/, e.g. /inet 10\\.0\\.0\\.\\d+/ after "output matches", found ""x""'],
    ['output matches /a(/', 16, '/a(/ is not a valid regular expression: Unterminated group'],
    ['output matches /abc', 16, 'unclosed regular expression: end it with / (write \\/ for a slash inside it)'],
    ['output matches /abc/q', 21, '"q" is not a regular-expression flag here; use d, g, i, m, s, u or y, each once'],
    ['output matches /abc/ii', 22, '"i" is not a regular-expression flag here; use d, g, i, m, s, u or y, each once'],
    ['exit status 1', 13, 'expected "is" after "exit status", found "1"'],
    ['exit code is 1', 6, 'expected "status" after "exit", found "code"'],
    ['exit status is 256', 16, '"256" is not an exit status; give a whole number from 0 to 255'],
    ['exit status is -1', 16, '"-1" is not an exit status; give a whole number from 0 to 255'],
    ['sh ip netns list succeeds', 4, 'expected a quoted "COMMAND", e.g. sh "ip netns list" succeeds after "sh", found "ip"'],
    ['sh "  " succeeds', 4, 'the quotes hold no command; write one, e.g. sh "ip netns list" succeeds'],
    ['sh "true" in red', 17, 'expected "succeeds" or "fails" after "sh "true" in red"'],
    ['sh "true" works', 11, 'expected "in NS", "succeeds" or "fails" after "sh "true"", found "works"'],
  ])('%s → column %i', (line, column, message) => {
    expect(bad(line)).toEqual({ column, message });
  });
});

describe('parseCheckLine: within and waiting', () => {
  it('reads "within DURATION" after any assertion that can change, and leaves it off the assertion', () => {
    expect(parseCheckLine('tcp 127.0.0.1:80 is open within 5s')).toEqual({
      assertion: { kind: 'tcp', addr: '127.0.0.1', port: 80, from: undefined, expect: 'open' }, withinMs: 5000,
    });
    expect(parseCheckLine('netns red exists within 500ms')).toEqual({ assertion: { kind: 'netns', name: 'red', expect: 'exists' }, withinMs: 500 });
    expect(parseCheckLine('sh "test -s /tmp/x" succeeds within 2s # a comment')).toMatchObject({ withinMs: 2000 });
    expect(parseCheckLine('link lo is up')).toEqual({ assertion: { kind: 'link', name: 'lo', ns: undefined, expect: { is: 'up' } }, withinMs: undefined });
  });

  it('reads "waiting DURATION" on ping, tcp and http, in either order with within', () => {
    expect(parseCheckLine('ping 10.0.0.2 from blue fails waiting 2s')).toEqual({
      assertion: { kind: 'ping', addr: '10.0.0.2', from: 'blue', expect: 'fails', waitMs: 2000 }, withinMs: undefined,
    });
    expect(parseCheckLine('tcp 10.0.0.2:80 is closed waiting 300ms within 3s')).toMatchObject({ assertion: { waitMs: 300 }, withinMs: 3000 });
    expect(parseCheckLine('http http://10.0.0.2/ contains "x" within 3s waiting 1s')).toMatchObject({ assertion: { waitMs: 1000 }, withinMs: 3000 });
  });

  it.each<[string, number, string]>([
    ['output contains "x" within 5s', 21, 'the step\'s output and exit status no longer change once it has run, so within cannot help; drop "within …"'],
    ['exit status is 1 within 1s', 18, 'the step\'s output and exit status no longer change once it has run, so within cannot help; drop "within …"'],
    ['link lo is up waiting 1s', 15, 'waiting sets how long a ping, tcp or http check waits for an answer; other checks take no waiting'],
    ['netns red exists within 5', 25, 'within: "5" is not a duration; write a number and a unit, e.g. 500ms, 5s or 2m'],
    ['netns red exists within 1s within 2s', 18, '"within" is given twice; keep one'],
    ['netns red exists within', 18, 'unexpected "within" after "netns red exists"; the assertion ends there (start a comment with #)'],
  ])('%s → column %i', (line, column, message) => {
    expect(parseCheckLine(line)).toEqual({ column, message });
  });
});
