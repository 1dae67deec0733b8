// iptables, ip6tables and iptables-save: tables, chains, matches and targets of the packet filter.

import type { OptionSpec, Tool, Vocabulary } from '../types.ts';

export const TABLES: Vocabulary = {
  filter: 'the default table: decides whether packets pass',
  nat: 'address translation, consulted for the first packet of each connection',
  mangle: 'alters packet headers and marks',
  raw: 'runs before connection tracking (e.g. to exempt packets from it)',
  security: 'mandatory access control marks',
};

export const CHAINS: Vocabulary = {
  PREROUTING: 'sees every packet as it arrives, before the routing decision (where DNAT happens)',
  INPUT: 'sees packets addressed to this host itself',
  FORWARD: 'sees packets routed through this host, from one interface to another (container traffic)',
  OUTPUT: 'sees packets sent by processes on this host (DNAT here covers connections from the host itself)',
  POSTROUTING: 'sees every packet about to leave, after routing (where MASQUERADE and SNAT happen)',
  DOCKER: 'Docker\'s chain for published ports (DNAT in nat, accepts in filter)',
  'DOCKER-USER': 'the chain Docker leaves to you: jumped to first from FORWARD, for your own rules',
  'DOCKER-ISOLATION-STAGE-1': 'Docker\'s first isolation stage: traffic leaving a Docker bridge for another interface',
  'DOCKER-ISOLATION-STAGE-2': 'Docker\'s second isolation stage: drops traffic arriving on a different Docker bridge',
  'DOCKER-FORWARD': 'Docker\'s forwarding rules for its bridges',
  '*': 'a user-defined chain',
};

const TARGETS: Vocabulary = {
  ACCEPT: 'lets the packet through',
  DROP: 'silently discards the packet',
  REJECT: 'discards the packet and tells the sender (ICMP unreachable or TCP reset)',
  RETURN: 'goes back to the calling chain and continues after the jump',
  MASQUERADE: 'rewrites the source address to the outgoing interface\'s address (source NAT for a changing address)',
  SNAT: 'rewrites the source address to the one given with --to-source',
  DNAT: 'rewrites the destination address (and port) to the one given with --to-destination',
  REDIRECT: 'rewrites the destination to this host itself, on the port given with --to-ports',
  LOG: 'writes the packet to the kernel log and goes on to the next rule',
  MARK: 'sets a firewall mark on the packet',
  CONNMARK: 'sets a mark on the connection',
  NOTRACK: 'exempts the packet from connection tracking',
  CT: 'sets connection tracking options',
  TCPMSS: 'clamps the TCP maximum segment size',
  ...CHAINS,
  '*': 'jumps to the user-defined chain {value}, whose rules are tried next',
};

const CTSTATES: Vocabulary = {
  NEW: 'the first packet of a connection',
  ESTABLISHED: 'a packet of a connection already seen both ways',
  RELATED: 'a packet that belongs to a known connection, like an ICMP error about it',
  INVALID: 'a packet that fits no known connection',
  UNTRACKED: 'a packet exempted from tracking',
  SNAT: 'a connection whose source was rewritten',
  DNAT: 'a connection whose destination was rewritten',
};

const ADDRTYPES: Vocabulary = {
  LOCAL: 'an address of this host',
  UNICAST: 'an ordinary unicast address',
  BROADCAST: 'a broadcast address',
  MULTICAST: 'a multicast address',
  BLACKHOLE: 'an address routed to a blackhole',
  UNREACHABLE: 'an unreachable address',
};

const MODULES: Vocabulary = {
  conntrack: 'connection tracking state (--ctstate)',
  state: 'connection tracking state, the older name (--state)',
  addrtype: 'the kind of address (--src-type, --dst-type)',
  comment: 'a comment stored with the rule (--comment)',
  tcp: 'TCP ports and flags',
  udp: 'UDP ports',
  icmp: 'ICMP types',
  multiport: 'several ports at once (--dports, --sports)',
  mac: 'the source MAC address (--mac-source)',
  physdev: 'the bridge port a bridged packet used (--physdev-in, --physdev-out)',
  mark: 'the firewall mark (--mark)',
  limit: 'a rate limit (--limit)',
  iprange: 'a range of addresses (--src-range, --dst-range)',
  set: 'an ipset',
  pkttype: 'unicast, broadcast or multicast',
};

const CHAIN = { name: 'CHAIN', bind: 'chain', values: CHAINS };

const COMMANDS: readonly OptionSpec[] = [
  { names: ['-A', '--append'], meaning: 'appends a rule to the end of chain {value}', value: CHAIN, effect: 'appends a rule to chain {chain} of table {table}' },
  { names: ['-I', '--insert'], meaning: 'inserts a rule at the top of chain {value} (or at the position given)', value: CHAIN, effect: ['inserts a rule at position {arg} of chain {chain} of table {table}', 'inserts a rule at the top of chain {chain} of table {table}'] },
  { names: ['-D', '--delete'], meaning: 'deletes the matching rule (or the numbered one) from chain {value}', value: CHAIN, effect: ['deletes rule {arg} from chain {chain} of table {table}', 'deletes a rule from chain {chain} of table {table}'] },
  { names: ['-R', '--replace'], meaning: 'replaces the numbered rule of chain {value}', value: CHAIN, effect: 'replaces a rule of chain {chain} of table {table}' },
  { names: ['-C', '--check'], meaning: 'checks whether the rule exists in chain {value} (exit status 0 if so)', value: CHAIN, effect: 'checks whether chain {chain} of table {table} has this rule' },
  { names: ['-P', '--policy'], meaning: 'sets the default verdict of built-in chain {value}: what happens to packets no rule decided', value: CHAIN, effect: ['sets the policy of chain {chain} (table {table}) to {arg}', 'sets the policy of chain {chain} of table {table}'] },
  { names: ['-N', '--new-chain'], meaning: 'creates the user-defined chain {value}', value: CHAIN, effect: 'creates chain {chain} in table {table}' },
  { names: ['-X', '--delete-chain'], meaning: 'deletes the empty user-defined chains (only {value})', value: { ...CHAIN, optional: true, pattern: '^[^-]' }, effect: ['deletes chain {chain} from table {table}', 'deletes the empty user-defined chains of table {table}'] },
  { names: ['-F', '--flush'], meaning: 'removes every rule (of chain {value} only)', value: { ...CHAIN, optional: true, pattern: '^[^-]' }, effect: ['removes every rule of chain {chain} in table {table}', 'removes every rule of table {table}'] },
  { names: ['-Z', '--zero'], meaning: 'resets the packet and byte counters (of chain {value} only)', value: { ...CHAIN, optional: true, pattern: '^[^-]' }, effect: ['resets the counters of chain {chain} in table {table}', 'resets the counters of table {table}'] },
  { names: ['-L', '--list'], meaning: 'lists the rules as a table (of chain {value} only)', value: { ...CHAIN, optional: true, pattern: '^[^-]' }, effect: ['lists the rules of chain {chain} in table {table}', 'lists every chain of table {table}'] },
  { names: ['-S', '--list-rules'], meaning: 'prints the rules as the commands that make them (of chain {value} only)', value: { ...CHAIN, optional: true, pattern: '^[^-]' }, effect: ['prints the rules of chain {chain} in table {table}', 'prints every rule of table {table}'] },
  { names: ['-E', '--rename-chain'], meaning: 'renames the user-defined chain {value}', value: CHAIN },
];

const MATCHES: readonly OptionSpec[] = [
  { names: ['-s', '--source', '--src'], meaning: 'matches packets from {value}', value: { name: 'ADDR' } },
  { names: ['-d', '--destination', '--dst'], meaning: 'matches packets to {value}', value: { name: 'ADDR' } },
  { names: ['-i', '--in-interface'], meaning: 'matches packets that came in on interface {value}', value: { name: 'IFACE', values: { '*+': 'any interface whose name starts with {1}' } } },
  { names: ['-o', '--out-interface'], meaning: 'matches packets leaving through interface {value}', value: { name: 'IFACE', values: { '*+': 'any interface whose name starts with {1}' } } },
  { names: ['-p', '--protocol'], meaning: 'matches protocol {value}', value: { name: 'PROTO', values: { tcp: 'TCP', udp: 'UDP', icmp: 'ICMP (ping)', all: 'every protocol' } } },
  { names: ['--dport', '--destination-port'], meaning: 'matches destination port {value}', value: { name: 'PORT' } },
  { names: ['--sport', '--source-port'], meaning: 'matches source port {value}', value: { name: 'PORT' } },
  { names: ['--dports'], meaning: 'matches destination ports {value}', value: { name: 'PORTS' } },
  { names: ['--sports'], meaning: 'matches source ports {value}', value: { name: 'PORTS' } },
  { names: ['-m', '--match'], meaning: 'loads the match module {value}', value: { name: 'MODULE', values: MODULES } },
  { names: ['--ctstate', '--state'], meaning: 'matches packets whose connection is {value}', value: { name: 'STATES', list: ',', values: CTSTATES, closed: true } },
  { names: ['--dst-type'], meaning: 'matches packets whose destination address is of type {value}', value: { name: 'TYPE', values: ADDRTYPES, closed: true } },
  { names: ['--src-type'], meaning: 'matches packets whose source address is of type {value}', value: { name: 'TYPE', values: ADDRTYPES, closed: true } },
  { names: ['--limit-iface-in'], meaning: 'checks the address type only on the incoming interface' },
  { names: ['--limit-iface-out'], meaning: 'checks the address type only on the outgoing interface' },
  { names: ['--comment'], meaning: 'stores the comment "{value}" with the rule', value: { name: 'TEXT' } },
  { names: ['--icmp-type'], meaning: 'matches ICMP type {value}', value: { name: 'TYPE', values: { 'echo-request': 'a ping', 'echo-reply': 'a ping\'s answer' } } },
  { names: ['--mac-source'], meaning: 'matches frames from MAC address {value}', value: { name: 'MAC' } },
  { names: ['--physdev-in'], meaning: 'matches bridged packets that came in on bridge port {value}', value: { name: 'IFACE' } },
  { names: ['--physdev-out'], meaning: 'matches bridged packets leaving through bridge port {value}', value: { name: 'IFACE' } },
  { names: ['--physdev-is-bridged'], meaning: 'matches packets being bridged (not routed)' },
  { names: ['--mark'], meaning: 'matches firewall mark {value}', value: { name: 'MARK' } },
  { names: ['--limit'], meaning: 'matches at most {value}', value: { name: 'RATE' } },
  { names: ['--tcp-flags'], meaning: 'matches TCP flags {value}', value: { name: 'MASK' } },
  { names: ['--syn'], meaning: 'matches TCP packets that open a connection' },
  { names: ['--src-range'], meaning: 'matches sources in {value}', value: { name: 'RANGE' } },
  { names: ['--dst-range'], meaning: 'matches destinations in {value}', value: { name: 'RANGE' } },
];

const TARGET_OPTIONS: readonly OptionSpec[] = [
  { names: ['-j', '--jump'], meaning: 'sends matching packets to {value}', value: { name: 'TARGET', bind: 'target', values: TARGETS }, effect: 'with target {value}' },
  { names: ['-g', '--goto'], meaning: 'continues in chain {value} without coming back', value: { name: 'CHAIN', values: CHAINS } },
  { names: ['--to-source'], meaning: 'the new source address (and ports): {value}', value: { name: 'ADDR[:PORT]' }, effect: 'rewriting the source to {value}' },
  { names: ['--to-destination'], meaning: 'the new destination address (and port): {value}', value: { name: 'ADDR[:PORT]' }, effect: 'rewriting the destination to {value}' },
  { names: ['--to-ports', '--to-port'], meaning: 'the new port(s): {value}', value: { name: 'PORTS' } },
  { names: ['--to'], meaning: 'the new address: {value}', value: { name: 'ADDR' } },
  { names: ['--random'], meaning: 'picks the new port at random' },
  { names: ['--reject-with'], meaning: 'answers with {value}', value: { name: 'TYPE', values: { 'icmp-port-unreachable': 'ICMP port unreachable (the default)', 'icmp-host-unreachable': 'ICMP host unreachable', 'tcp-reset': 'a TCP reset', 'icmp-admin-prohibited': 'ICMP administratively prohibited' } } },
  { names: ['--log-prefix'], meaning: 'starts each log line with "{value}"', value: { name: 'TEXT' } },
  { names: ['--set-mark', '--set-xmark'], meaning: 'sets mark {value}', value: { name: 'MARK' } },
  { names: ['--set-mss'], meaning: 'sets the maximum segment size to {value}', value: { name: 'N' } },
  { names: ['--clamp-mss-to-pmtu'], meaning: 'clamps the segment size to the path MTU' },
];

const GENERAL: readonly OptionSpec[] = [
  { names: ['-t', '--table'], meaning: 'works on table {value}', value: { name: 'TABLE', bind: 'table', values: TABLES, closed: true } },
  { names: ['-n', '--numeric'], meaning: 'prints addresses and ports as numbers (no name lookups)' },
  { names: ['-v', '--verbose'], meaning: 'verbose: shows packet and byte counters and interfaces' },
  { names: ['-x', '--exact'], meaning: 'prints exact counter values' },
  { names: ['--line-numbers'], meaning: 'numbers the rules (for -I and -D by number)' },
  { names: ['-w', '--wait'], meaning: 'waits for the xtables lock instead of failing', value: { name: 'SECONDS', optional: true, pattern: '^\\d+$' } },
  { names: ['-4', '--ipv4'], meaning: 'IPv4 only' },
  { names: ['-6', '--ipv6'], meaning: 'IPv6 only' },
];

export const IPTABLES: Tool = {
  names: ['iptables', 'ip6tables', 'iptables-legacy', 'iptables-nft', 'ip6tables-legacy', 'ip6tables-nft'],
  meaning: 'the kernel\'s packet filter and NAT rules (netfilter), one table and chain at a time',
  summary: ['{effects}', 'lists the rules of table {table}'],
  defaults: { table: 'filter' },
  options: [...GENERAL, ...COMMANDS, ...MATCHES, ...TARGET_OPTIONS],
  keywords: [{ words: ['!'], meaning: 'negates the match that follows: matches when it does not hold' }],
  positionals: [
    {
      meaning: '{gloss}',
      value: {
        name: 'N|POLICY',
        bind: 'arg',
        pattern: '^(\\d+|ACCEPT|DROP)$',
        values: { ACCEPT: 'the policy ACCEPT: packets pass unless a rule drops them', DROP: 'the policy DROP: packets are dropped unless a rule accepts them', '/\\d+/': 'rule number {value}, counting from 1 at the top of the chain' },
      },
    },
  ],
};

export const IPTABLES_SAVE: Tool = {
  names: ['iptables-save', 'ip6tables-save', 'iptables-legacy-save', 'iptables-nft-save'],
  meaning: 'prints every rule in the form iptables-restore reads (the way check lines quote rules)',
  summary: ['prints the rules of table {table}', 'prints every firewall rule'],
  options: [
    { names: ['-t', '--table'], meaning: 'only table {value}', value: { name: 'TABLE', bind: 'table', values: TABLES, closed: true } },
    { names: ['-c', '--counters'], meaning: 'includes packet and byte counters' },
  ],
};

export const IPTABLES_RESTORE: Tool = {
  names: ['iptables-restore', 'ip6tables-restore'],
  meaning: 'loads rules in the form iptables-save prints, read from its input',
  options: [
    { names: ['-n', '--noflush'], meaning: 'keeps the rules already there' },
    { names: ['-T', '--table'], meaning: 'only table {value}', value: { name: 'TABLE', values: TABLES, closed: true } },
  ],
};
