// tcpdump and its capture filter language (pcap-filter), glossed phrase by phrase.

import type { Tool, Vocabulary } from '../types.ts';

/** Filter phrases; a filter is described by the glosses of its phrases in order. */
export const PCAP_FILTER: Vocabulary = {
  'src host': 'from host', 'dst host': 'to host', 'src net': 'from network', 'dst net': 'to network',
  'src port': 'from port', 'dst port': 'to port', 'tcp port': 'TCP port', 'udp port': 'UDP port',
  'tcp src port': 'TCP from port', 'tcp dst port': 'TCP to port', 'udp dst port': 'UDP to port', 'udp src port': 'UDP from port',
  'ether host': 'Ethernet address', 'ether src': 'from Ethernet address', 'ether dst': 'to Ethernet address',
  'icmp[icmptype]': 'the ICMP type', 'tcp[tcpflags]': 'the TCP flags', 'tcp-syn': 'SYN (opening a connection)',
  'tcp-ack': 'ACK', 'tcp-fin': 'FIN (closing)', 'tcp-rst': 'RST (reset)', 'tcp-push': 'PUSH', '&': 'masked with', '!=': 'is not', 'icmp-echo': 'echo request (ping)', 'icmp-echoreply': 'echo reply',
  host: 'host', net: 'network', port: 'port', portrange: 'ports', src: 'from', dst: 'to',
  icmp: 'ICMP (ping)', icmp6: 'ICMPv6', arp: 'ARP', rarp: 'RARP', ip: 'IPv4', ip6: 'IPv6', tcp: 'TCP', udp: 'UDP', ether: 'Ethernet', vlan: 'VLAN-tagged',
  and: 'and', '&&': 'and', or: 'or', '||': 'or', not: 'not', '!': 'not', '(': '(', ')': ')', '=': 'is', '==': 'is',
  broadcast: 'broadcast', multicast: 'multicast', greater: 'longer than', less: 'shorter than', proto: 'protocol',
  '/\\d+(\\.\\d+){3}(\\/\\d+)?/': '{value}',
  '/\\d+(-\\d+)?/': '{value}',
  '/([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}/': '{value}',
  '/[0-9a-fA-F:]*:[0-9a-fA-F:]*(\\/\\d+)?/': '{value}',
  '/\\$.*/': 'the value of {value}',
};

export const TCPDUMP: Tool = {
  names: ['tcpdump'],
  meaning: 'captures packets on an interface and prints them',
  summary: ['captures packets on {iface}', 'captures packets on the first interface'],
  options: [
    { names: ['-i', '--interface'], meaning: 'on interface {value}', value: { name: 'IFACE', bind: 'iface', values: { any: 'every interface at once' } } },
    { names: ['-n'], meaning: 'prints addresses as numbers (no name lookups)' },
    { names: ['-nn'], meaning: 'prints addresses and ports as numbers' },
    { names: ['-c'], meaning: 'stops after {value:packet}', value: { name: 'N' } },
    { names: ['-e'], meaning: 'prints the Ethernet header too (MAC addresses)' },
    { names: ['-l'], meaning: 'flushes each line at once (for piping)' },
    { names: ['-w'], meaning: 'writes raw packets to the file {value} instead of printing them', value: { name: 'FILE' } },
    { names: ['-r'], meaning: 'reads packets from the file {value}', value: { name: 'FILE' } },
    { names: ['-v'], meaning: 'more detail' },
    { names: ['-vv'], meaning: 'even more detail' },
    { names: ['-vvv'], meaning: 'the most detail' },
    { names: ['-q'], meaning: 'less detail' },
    { names: ['-t'], meaning: 'no timestamps' },
    { names: ['-A'], meaning: 'prints each packet\'s payload as text' },
    { names: ['-X'], meaning: 'prints each packet\'s payload in hex and text' },
    { names: ['-p', '--no-promiscuous-mode'], meaning: 'does not put the interface in promiscuous mode' },
    { names: ['-s', '--snapshot-length'], meaning: 'keeps at most {value:byte} of each packet', value: { name: 'BYTES' } },
    { names: ['-U', '--packet-buffered'], meaning: 'writes each packet at once' },
    { names: ['-Q', '--direction'], meaning: 'only packets going {value}', value: { name: 'DIR', values: { in: 'in', out: 'out', inout: 'either way' }, closed: true } },
    { names: ['--immediate-mode'], meaning: 'delivers packets at once instead of buffering' },
  ],
  rest: { kind: 'words', meaning: 'shows only packets matching the filter "{value}"', values: PCAP_FILTER, closed: true },
};
