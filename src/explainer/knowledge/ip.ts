// iproute2's `ip`: interfaces, addresses, routes, namespaces, neighbours and policy rules.

import type { CommandNode, KeywordSpec, OptionSpec, Tool } from '../types.ts';

const LINK_TYPES = {
  veth: 'a virtual Ethernet pair: two interfaces joined like the ends of a cable',
  bridge: 'a software switch that forwards frames between the interfaces attached to it',
  macvlan: 'a child of a real interface with its own MAC address, reachable on the same wire',
  ipvlan: 'a child of a real interface sharing its MAC address',
  vlan: 'an 802.1Q VLAN interface on top of another interface',
  vxlan: 'a tunnel carrying Ethernet frames over UDP',
  dummy: 'an interface that drops everything sent to it',
  bond: 'several interfaces bonded into one',
  vrf: 'a separate routing domain',
  ipip: 'an IP-in-IP tunnel',
  gre: 'a GRE tunnel',
  wireguard: 'a WireGuard VPN interface',
  bridge_slave: 'settings of a port attached to a bridge',
};

const ON_OFF = { on: 'turned on', off: 'turned off' };
const ZERO_ONE = { '0': 'off', '1': 'on' };

const DEV: KeywordSpec = { words: ['dev'], meaning: 'the interface {value}', value: { name: 'DEV', bind: 'dev' } };
const DEV_ARG = { meaning: 'the interface {value}', value: { name: 'DEV', bind: 'dev', pattern: '^[^-]' } };

const LINK_SETTINGS: readonly KeywordSpec[] = [
  { words: ['up'], meaning: 'brings the interface up (administratively on)', effect: 'brings {dev} up' },
  { words: ['down'], meaning: 'takes the interface down', effect: 'takes {dev} down' },
  { words: ['master'], meaning: 'attaches it as a port of bridge {value}', value: { name: 'BRIDGE', bind: 'master' }, effect: 'attaches {dev} to bridge {value}' },
  { words: ['nomaster'], meaning: 'detaches it from its bridge', effect: 'detaches {dev} from its bridge' },
  { words: ['netns'], meaning: 'moves it into network namespace {value} (a name or a process id)', value: { name: 'NETNS', bind: 'netns' }, effect: 'moves {dev} into namespace {value}' },
  { words: ['name'], meaning: 'renames it to {value}', value: { name: 'NAME', bind: 'newname' }, effect: 'renames {dev} to {value}' },
  { words: ['address', 'addr', 'lladdr'], meaning: 'sets its MAC address to {value}', value: { name: 'MAC' }, effect: 'sets the MAC address of {dev} to {value}' },
  { words: ['mtu'], meaning: 'sets its largest packet size (MTU) to {value:byte}', value: { name: 'N', pattern: '^\\d+$' }, effect: 'sets the MTU of {dev} to {value}' },
  { words: ['promisc'], meaning: 'promiscuous mode (receive frames for any MAC)', value: { name: 'on|off', values: ON_OFF, closed: true } },
  { words: ['arp'], meaning: 'ARP on the interface', value: { name: 'on|off', values: ON_OFF, closed: true } },
  { words: ['multicast'], meaning: 'multicast on the interface', value: { name: 'on|off', values: ON_OFF, closed: true } },
  { words: ['allmulticast'], meaning: 'receiving all multicast frames', value: { name: 'on|off', values: ON_OFF, closed: true } },
  { words: ['txqueuelen', 'qlen'], meaning: 'sets its transmit queue length to {value}', value: { name: 'N' } },
  { words: ['alias'], meaning: 'gives it the description {value}', value: { name: 'TEXT' } },
  { words: ['group'], meaning: 'puts it in interface group {value}', value: { name: 'GROUP' } },
  { words: ['type'], meaning: 'type-specific settings follow: {value}', value: { name: 'TYPE', values: LINK_TYPES, closed: true } },
  { words: ['hairpin'], meaning: 'hairpin mode: the bridge may send a frame back out the port it came in on', value: { name: 'on|off', values: ON_OFF, closed: true } },
  { words: ['isolated'], meaning: 'port isolation: isolated bridge ports cannot talk to each other', value: { name: 'on|off', values: ON_OFF, closed: true } },
  { words: ['learning'], meaning: 'MAC address learning on this bridge port', value: { name: 'on|off', values: ON_OFF, closed: true } },
  { words: ['stp_state'], meaning: 'the spanning tree protocol on the bridge', value: { name: '0|1', values: ZERO_ONE, closed: true } },
  { words: ['vlan_filtering'], meaning: 'VLAN filtering on the bridge', value: { name: '0|1', values: ZERO_ONE, closed: true } },
  { words: ['forward_delay'], meaning: 'the bridge\'s forwarding delay, in hundredths of a second: {value}', value: { name: 'N' } },
  { words: ['ageing_time'], meaning: 'how long the bridge remembers a MAC address, in hundredths of a second: {value}', value: { name: 'N' } },
];

const LINK_ADD_EXTRA: readonly KeywordSpec[] = [
  { words: ['name'], meaning: 'the new interface\'s name: {value}', value: { name: 'NAME', bind: 'name' } },
  { words: ['type'], meaning: 'of type {value}', value: { name: 'TYPE', bind: 'type', values: LINK_TYPES, closed: true } },
  { words: ['peer name', 'peer'], meaning: 'names the other end of the pair {value}', value: { name: 'PEER', bind: 'peer' } },
  { words: ['link'], meaning: 'on top of the parent interface {value}', value: { name: 'DEV', bind: 'parent' } },
  { words: ['mode'], meaning: 'mode {value}', value: {
    name: 'MODE', closed: true, values: {
      bridge: 'children of the same parent can talk to each other directly',
      private: 'children of the same parent cannot talk to each other',
      vepa: 'traffic between children goes out to the external switch and back',
      passthru: 'one child takes over the parent',
      source: 'only frames from listed source MACs are accepted',
      l2: 'ipvlan at layer 2 (switching)', l3: 'ipvlan at layer 3 (routing)', l3s: 'ipvlan at layer 3, with netfilter',
    },
  } },
  { words: ['id'], meaning: 'VLAN id (or VXLAN network id) {value}', value: { name: 'ID', pattern: '^\\d+$' } },
  { words: ['vni'], meaning: 'VXLAN network id {value}', value: { name: 'VNI' } },
  { words: ['dstport'], meaning: 'the UDP port of the tunnel: {value}', value: { name: 'PORT' } },
  { words: ['remote'], meaning: 'the far end of the tunnel: {value}', value: { name: 'ADDR' } },
  { words: ['local'], meaning: 'the near end of the tunnel: {value}', value: { name: 'ADDR' } },
  { words: ['dev'], meaning: 'the interface the tunnel goes out of: {value}', value: { name: 'DEV' } },
];

/** What `ip link add` understands: the new link's own words, then the settings of `ip link set`. */
const LINK_ADD_KEYWORDS: readonly KeywordSpec[] = [
  ...LINK_ADD_EXTRA,
  ...LINK_SETTINGS.filter((k) => !LINK_ADD_EXTRA.some((extra) => extra.words.some((w) => k.words.includes(w)))),
];

const ADDR_KEYWORDS: readonly KeywordSpec[] = [
  DEV,
  { words: ['brd', 'broadcast'], meaning: 'the broadcast address: {value}', value: { name: 'ADDR', values: { '+': 'computed from the prefix (host bits set to 1)' } } },
  { words: ['scope'], meaning: 'valid in scope {value}', value: { name: 'SCOPE', values: { global: 'everywhere', link: 'only on this link', host: 'only inside this host' } } },
  { words: ['label'], meaning: 'labels the address {value}', value: { name: 'LABEL' } },
  { words: ['peer'], meaning: 'the other end of a point-to-point link: {value}', value: { name: 'ADDR' } },
  { words: ['local'], meaning: 'the address {value}', value: { name: 'ADDR', bind: 'addr' } },
  { words: ['valid_lft', 'preferred_lft'], meaning: 'how long the address stays valid: {value}', value: { name: 'TIME' } },
  { words: ['noprefixroute'], meaning: 'do not add the route for the address\'s prefix' },
  { words: ['up'], meaning: 'only interfaces that are up' },
  { words: ['to'], meaning: 'only addresses matching {value}', value: { name: 'PREFIX' } },
  { words: ['primary', 'secondary'], meaning: 'only primary (or secondary) addresses' },
];

const ROUTE_PREFIX = {
  default: 'the default route: for any destination no more specific route matches',
  '0.0.0.0/0': 'every IPv4 destination (the default route)',
  '/.*\\/\\d+/': 'the destinations in {value}',
  '*': 'the single destination {value}',
};

const ROUTE_KEYWORDS: readonly KeywordSpec[] = [
  { words: ['via'], meaning: 'sends packets to the next-hop router {value}', value: { name: 'GATEWAY', bind: 'via' } },
  { ...DEV, meaning: 'out of interface {value}' },
  { words: ['src'], meaning: 'prefers source address {value} for packets it originates', value: { name: 'ADDR' } },
  { words: ['proto'], meaning: 'marks who made the route: {value}', value: { name: 'PROTO', values: { kernel: 'the kernel', static: 'an administrator', boot: 'set up at boot', dhcp: 'DHCP' } } },
  { words: ['scope'], meaning: 'the route\'s scope: {value}', value: { name: 'SCOPE', values: { link: 'the destination is directly on the link', global: 'reached through gateways', host: 'this host' } } },
  { words: ['table', 'lookup'], meaning: 'in routing table {value}', value: { name: 'TABLE', bind: 'table', values: { main: 'the usual table', local: 'the kernel\'s table of local and broadcast addresses', all: 'every table' } } },
  { words: ['metric', 'preference', 'priority'], meaning: 'with cost {value} (lower wins)', value: { name: 'N' } },
  { words: ['onlink'], meaning: 'treats the gateway as directly on the link even if no prefix says so' },
  { words: ['from'], meaning: 'as if the packet came from {value}', value: { name: 'ADDR' } },
  { words: ['iif'], meaning: 'as if the packet came in on interface {value}', value: { name: 'DEV' } },
  { words: ['oif'], meaning: 'as if the packet left through interface {value}', value: { name: 'DEV' } },
  { words: ['mark'], meaning: 'with firewall mark {value}', value: { name: 'MARK' } },
  { words: ['blackhole'], meaning: 'a route that silently discards packets' },
  { words: ['unreachable'], meaning: 'a route that rejects packets with "host unreachable"' },
  { words: ['prohibit'], meaning: 'a route that rejects packets with "administratively prohibited"' },
  { words: ['nexthop'], meaning: 'one of several next hops', value: { name: 'NH' } },
];

const ROUTE_DEST = { meaning: 'the destination {value}', value: { name: 'PREFIX', bind: 'prefix', values: ROUTE_PREFIX } };

const LINK: CommandNode = {
  names: ['link'],
  meaning: 'works on network interfaces (lists them when nothing follows)',
  summary: ['lists network interfaces'],
  abbreviate: true,
  commands: [
    {
      names: ['add'],
      meaning: 'creates a network interface',
      summary: [
        'creates a veth pair: {name} ⇄ {peer}',
        'creates a {type} interface named {name} on top of {parent}',
        'creates a {type} interface named {name}',
        'creates a network interface named {name}',
      ],
      keywords: LINK_ADD_KEYWORDS,
      positionals: [{ meaning: 'the new interface\'s name: {value}', value: { name: 'NAME', bind: 'name' } }],
    },
    {
      names: ['set', 'change'],
      meaning: 'changes an interface\'s settings',
      summary: ['{effects}', 'changes the settings of {dev}'],
      keywords: [DEV, ...LINK_SETTINGS],
      positionals: [DEV_ARG],
    },
    { names: ['replace'], meaning: 'creates an interface or changes the existing one', keywords: LINK_ADD_KEYWORDS, positionals: [DEV_ARG] },
    {
      names: ['delete', 'del'],
      meaning: 'deletes an interface (deleting one end of a veth pair deletes both)',
      summary: ['deletes the interface {dev}'],
      keywords: [DEV, { words: ['type'], meaning: 'of type {value}', value: { name: 'TYPE', values: LINK_TYPES, closed: true } }],
      positionals: [DEV_ARG],
    },
    {
      names: ['show', 'list', 'lst'],
      meaning: 'lists interfaces',
      summary: ['shows the interface {dev}', 'lists the interfaces attached to {master}', 'lists network interfaces'],
      keywords: [
        DEV,
        { words: ['up'], meaning: 'only interfaces that are up' },
        { words: ['type'], meaning: 'only interfaces of type {value}', value: { name: 'TYPE', values: LINK_TYPES, closed: true } },
        { words: ['master'], meaning: 'only ports of bridge {value}', value: { name: 'BRIDGE', bind: 'master' } },
        { words: ['group'], meaning: 'only interfaces in group {value}', value: { name: 'GROUP' } },
      ],
      positionals: [DEV_ARG],
    },
  ],
};

const ADDR: CommandNode = {
  names: ['address', 'addr'],
  meaning: 'works on IP addresses of interfaces (lists them when nothing follows)',
  summary: ['lists every interface with its addresses'],
  abbreviate: true,
  commands: [
    { names: ['add'], meaning: 'adds an IP address to an interface', summary: ['gives {dev} the address {addr}'], keywords: ADDR_KEYWORDS, positionals: [{ meaning: 'the address and prefix length: {value}', value: { name: 'CIDR', bind: 'addr' } }] },
    { names: ['change', 'chg'], meaning: 'changes an address\'s settings', keywords: ADDR_KEYWORDS, positionals: [{ meaning: 'the address {value}', value: { name: 'CIDR', bind: 'addr' } }] },
    { names: ['replace'], meaning: 'adds an address or changes it if present', summary: ['gives {dev} the address {addr}'], keywords: ADDR_KEYWORDS, positionals: [{ meaning: 'the address {value}', value: { name: 'CIDR', bind: 'addr' } }] },
    { names: ['delete', 'del'], meaning: 'removes an IP address from an interface', summary: ['removes the address {addr} from {dev}'], keywords: ADDR_KEYWORDS, positionals: [{ meaning: 'the address {value}', value: { name: 'CIDR', bind: 'addr' } }] },
    { names: ['show', 'list', 'lst'], meaning: 'lists addresses', summary: ['shows the addresses of {dev}', 'lists every interface with its addresses'], keywords: ADDR_KEYWORDS, positionals: [DEV_ARG] },
    { names: ['flush'], meaning: 'removes all addresses (of the interface given)', summary: ['removes every address from {dev}'], keywords: ADDR_KEYWORDS, positionals: [DEV_ARG] },
  ],
};

const ROUTE: CommandNode = {
  names: ['route'],
  meaning: 'works on the routing table (shows it when nothing follows)',
  summary: ['shows the routing table'],
  abbreviate: true,
  commands: [
    { names: ['add'], meaning: 'adds a route', summary: ['adds a route to {prefix} via {via}', 'adds a route to {prefix} out of {dev}', 'adds a route to {prefix}'], keywords: ROUTE_KEYWORDS, positionals: [ROUTE_DEST] },
    { names: ['change'], meaning: 'changes a route', keywords: ROUTE_KEYWORDS, positionals: [ROUTE_DEST] },
    { names: ['replace'], meaning: 'adds a route or replaces the one to the same destination', summary: ['sets the route to {prefix} via {via}', 'sets the route to {prefix} out of {dev}', 'sets the route to {prefix}'], keywords: ROUTE_KEYWORDS, positionals: [ROUTE_DEST] },
    { names: ['append'], meaning: 'adds a route even if one to the same destination exists', keywords: ROUTE_KEYWORDS, positionals: [ROUTE_DEST] },
    { names: ['delete', 'del'], meaning: 'removes a route', summary: ['removes the route to {prefix}'], keywords: ROUTE_KEYWORDS, positionals: [ROUTE_DEST] },
    { names: ['show', 'list', 'lst'], meaning: 'shows routes', summary: ['shows the routes of table {table}', 'shows the routing table'], keywords: ROUTE_KEYWORDS, positionals: [ROUTE_DEST] },
    { names: ['flush'], meaning: 'removes the matching routes', keywords: ROUTE_KEYWORDS, positionals: [ROUTE_DEST] },
    { names: ['get'], meaning: 'asks the kernel which route a packet to an address would take', summary: ['shows the route the kernel picks for {prefix}'], keywords: ROUTE_KEYWORDS, positionals: [{ meaning: 'the destination address {value}', value: { name: 'ADDR', bind: 'prefix' } }] },
  ],
};

const RULE_KEYWORDS: readonly KeywordSpec[] = [
  { words: ['from'], meaning: 'packets from {value}', value: { name: 'PREFIX' } },
  { words: ['to'], meaning: 'packets to {value}', value: { name: 'PREFIX' } },
  { words: ['table', 'lookup'], meaning: 'look the route up in table {value}', value: { name: 'TABLE', bind: 'table' } },
  { words: ['priority', 'pref', 'order'], meaning: 'rule priority {value} (lower is tried first)', value: { name: 'N' } },
  { words: ['fwmark'], meaning: 'packets carrying firewall mark {value}', value: { name: 'MARK' } },
  { words: ['iif', 'iifname'], meaning: 'packets arriving on {value}', value: { name: 'DEV' } },
  { words: ['oif', 'oifname'], meaning: 'packets leaving through {value}', value: { name: 'DEV' } },
  { words: ['not'], meaning: 'inverts the match' },
  { words: ['unreachable', 'prohibit', 'blackhole'], meaning: 'rejects or drops matching packets instead of routing them' },
];

const NETNS_NAME = { meaning: 'the namespace {value}', value: { name: 'NAME', bind: 'ns' } };

const NETNS: CommandNode = {
  names: ['netns'],
  meaning: 'works on named network namespaces (lists them when nothing follows)',
  summary: ['lists the named network namespaces'],
  abbreviate: true,
  commands: [
    { names: ['add'], meaning: 'creates a named network namespace (its own interfaces, routes and firewall)', summary: ['creates the network namespace {ns}'], positionals: [{ ...NETNS_NAME, meaning: 'the new namespace\'s name: {value}' }] },
    { names: ['delete', 'del'], meaning: 'deletes a named network namespace', summary: ['deletes the network namespace {ns}'], positionals: [{ ...NETNS_NAME, repeat: true }] },
    { names: ['list', 'show', 'lst'], meaning: 'lists the named network namespaces', summary: ['lists the named network namespaces'] },
    {
      names: ['exec'],
      meaning: 'runs a command inside a namespace',
      summary: ['inside namespace {ns}: {command}'],
      positionals: [{ meaning: 'the namespace to run in: {value}', value: { name: 'NAME', bind: 'ns' } }],
      rest: { kind: 'command', meaning: 'the command to run there' },
    },
    { names: ['identify'], meaning: 'names the namespace a process is in', positionals: [{ meaning: 'the process id {value}', value: { name: 'PID' } }] },
    { names: ['pids'], meaning: 'lists the processes inside a namespace', summary: ['lists the processes in namespace {ns}'], positionals: [NETNS_NAME] },
    { names: ['set'], meaning: 'gives a namespace an id', positionals: [NETNS_NAME, { meaning: 'the id {value}', value: { name: 'NSID' } }] },
    { names: ['attach'], meaning: 'gives a name to the network namespace of a running process', summary: ['names the network namespace of process {pid} {ns}'], positionals: [NETNS_NAME, { meaning: 'the process whose namespace it names: {value}', value: { name: 'PID', bind: 'pid' } }] },
    { names: ['monitor'], meaning: 'prints namespaces as they are added and deleted' },
  ],
};

const NEIGH_KEYWORDS: readonly KeywordSpec[] = [
  DEV,
  { words: ['lladdr'], meaning: 'the MAC address {value}', value: { name: 'MAC' } },
  { words: ['nud'], meaning: 'the entry\'s state: {value}', value: { name: 'STATE', values: { permanent: 'fixed until removed', noarp: 'valid, never checked', reachable: 'recently confirmed', stale: 'may need checking', failed: 'unanswered', delay: 'waiting to check', probe: 'being checked', incomplete: 'being resolved', all: 'any state' } } },
  { words: ['proxy'], meaning: 'answer ARP for {value} on behalf of another host', value: { name: 'ADDR' } },
  { words: ['router'], meaning: 'the neighbour is a router' },
  { words: ['to'], meaning: 'entries for {value}', value: { name: 'PREFIX' } },
];
const NEIGH_ADDR = { meaning: 'the neighbour\'s IP address {value}', value: { name: 'ADDR', bind: 'addr' } };

const NEIGH: CommandNode = {
  names: ['neighbour', 'neighbor', 'neigh'],
  meaning: 'works on the neighbour (ARP) table: which MAC answers for which IP (shows it when nothing follows)',
  summary: ['shows the neighbour (ARP) table'],
  abbreviate: true,
  commands: [
    { names: ['add'], meaning: 'adds a neighbour entry', summary: ['adds the neighbour entry for {addr}'], keywords: NEIGH_KEYWORDS, positionals: [NEIGH_ADDR] },
    { names: ['change', 'chg'], meaning: 'changes a neighbour entry', keywords: NEIGH_KEYWORDS, positionals: [NEIGH_ADDR] },
    { names: ['replace'], meaning: 'adds or changes a neighbour entry', keywords: NEIGH_KEYWORDS, positionals: [NEIGH_ADDR] },
    { names: ['delete', 'del'], meaning: 'removes a neighbour entry', keywords: NEIGH_KEYWORDS, positionals: [NEIGH_ADDR] },
    { names: ['show', 'list', 'lst'], meaning: 'shows neighbour entries', summary: ['shows the neighbours seen on {dev}', 'shows the neighbour (ARP) table'], keywords: NEIGH_KEYWORDS, positionals: [NEIGH_ADDR] },
    { names: ['flush'], meaning: 'removes the matching neighbour entries', summary: ['forgets the neighbours seen on {dev}'], keywords: NEIGH_KEYWORDS, positionals: [NEIGH_ADDR] },
    { names: ['get'], meaning: 'looks up one neighbour entry', keywords: NEIGH_KEYWORDS, positionals: [NEIGH_ADDR] },
  ],
};

const RULE: CommandNode = {
  names: ['rule'],
  meaning: 'works on policy routing rules: which routing table a packet uses (lists them when nothing follows)',
  summary: ['lists the policy routing rules'],
  abbreviate: true,
  commands: [
    { names: ['add'], meaning: 'adds a policy routing rule', summary: ['adds a rule sending matching packets to table {table}', 'adds a policy routing rule'], keywords: RULE_KEYWORDS },
    { names: ['delete', 'del'], meaning: 'removes a policy routing rule', keywords: RULE_KEYWORDS },
    { names: ['list', 'show', 'lst'], meaning: 'lists the policy routing rules', keywords: RULE_KEYWORDS },
    { names: ['flush'], meaning: 'removes every policy rule but the defaults', keywords: RULE_KEYWORDS },
  ],
};

const OPTIONS: readonly OptionSpec[] = [
  { names: ['-j', '-json', '--json'], meaning: 'prints JSON' },
  { names: ['-p', '-pretty', '--pretty'], meaning: 'indents the JSON for people' },
  { names: ['-d', '-details', '--details'], meaning: 'shows details (link type, bridge and veth settings)' },
  { names: ['-br', '-brief', '--brief'], meaning: 'brief output: one line per interface' },
  { names: ['-s', '-stats', '-statistics', '--stats'], meaning: 'shows packet and byte counters' },
  { names: ['-c', '-color', '--color'], meaning: 'colours the output' },
  { names: ['-o', '-oneline', '--oneline'], meaning: 'one line per record' },
  { names: ['-4'], meaning: 'IPv4 only' },
  { names: ['-6'], meaning: 'IPv6 only' },
  { names: ['-a', '-all'], meaning: 'in every namespace' },
  { names: ['-h', '-human', '-human-readable'], meaning: 'prints counters with units' },
  { names: ['-r', '-resolve'], meaning: 'prints host names instead of addresses' },
  { names: ['-t', '-timestamp'], meaning: 'prints a timestamp on each line' },
  { names: ['-f', '-family'], meaning: 'address family {value}', value: { name: 'FAMILY', values: { inet: 'IPv4', inet6: 'IPv6', link: 'link layer', bridge: 'bridge' } } },
  { names: ['-n', '-netns', '--netns'], meaning: 'works inside network namespace {value}', value: { name: 'NETNS', bind: 'ns' }, context: 'in namespace {value}' },
  { names: ['-V', '-Version'], meaning: 'prints the version' },
];

export const IP: Tool = {
  names: ['ip'],
  meaning: 'iproute2\'s network configuration tool',
  abbreviate: true,
  options: OPTIONS,
  commands: [
    ADDR,
    ROUTE,
    RULE,
    NEIGH,
    LINK,
    NETNS,
    { names: ['monitor'], meaning: 'prints changes to interfaces, addresses and routes as they happen' },
  ],
};
