// The bridge tool (iproute2) and the older brctl: ports, forwarding database, VLANs.

import type { CommandNode, KeywordSpec, Tool } from '../types.ts';

const ON_OFF = { on: 'turned on', off: 'turned off' };
const DEV: KeywordSpec = { words: ['dev'], meaning: 'the port {value}', value: { name: 'DEV', bind: 'dev' } };

const FDB_KEYWORDS: readonly KeywordSpec[] = [
  DEV,
  { words: ['br'], meaning: 'of bridge {value}', value: { name: 'BRIDGE', bind: 'bridge' } },
  { words: ['master'], meaning: 'in the bridge\'s own table' },
  { words: ['self'], meaning: 'in the port device\'s own table' },
  { words: ['static'], meaning: 'a static entry: never ages out' },
  { words: ['permanent', 'local'], meaning: 'a permanent entry: the address belongs to this host' },
  { words: ['dynamic'], meaning: 'a learned entry that ages out' },
  { words: ['vlan'], meaning: 'on VLAN {value}', value: { name: 'VID' } },
  { words: ['dst'], meaning: 'the tunnel endpoint {value}', value: { name: 'ADDR' } },
];

const FDB: CommandNode = {
  names: ['fdb'],
  meaning: 'works on the forwarding database: which MAC address lives behind which port (shows it when nothing follows)',
  summary: ['shows which MAC addresses the bridges learned behind which ports'],
  abbreviate: true,
  commands: [
    { names: ['show', 'list', 'lst'], meaning: 'shows forwarding database entries', summary: ['shows the MAC addresses bridge {bridge} has learned', 'shows the MAC addresses learned behind {dev}', 'shows the forwarding database'], keywords: FDB_KEYWORDS },
    { names: ['add'], meaning: 'adds a forwarding database entry', summary: ['adds the MAC address {mac} behind port {dev}'], keywords: FDB_KEYWORDS, positionals: [{ meaning: 'the MAC address {value}', value: { name: 'MAC', bind: 'mac' } }] },
    { names: ['append'], meaning: 'adds another entry for the same MAC address', keywords: FDB_KEYWORDS, positionals: [{ meaning: 'the MAC address {value}', value: { name: 'MAC' } }] },
    { names: ['replace'], meaning: 'adds or replaces a forwarding database entry', keywords: FDB_KEYWORDS, positionals: [{ meaning: 'the MAC address {value}', value: { name: 'MAC' } }] },
    { names: ['delete', 'del'], meaning: 'removes a forwarding database entry', keywords: FDB_KEYWORDS, positionals: [{ meaning: 'the MAC address {value}', value: { name: 'MAC' } }] },
    { names: ['flush'], meaning: 'removes the learned entries', keywords: FDB_KEYWORDS },
  ],
};

const LINK_KEYWORDS: readonly KeywordSpec[] = [
  DEV,
  { words: ['isolated'], meaning: 'port isolation: isolated ports cannot talk to each other', value: { name: 'on|off', values: ON_OFF, closed: true }, effect: 'sets isolation of port {dev}' },
  { words: ['hairpin'], meaning: 'hairpin mode: frames may go back out the port they came in on', value: { name: 'on|off', values: ON_OFF, closed: true } },
  { words: ['learning'], meaning: 'learning MAC addresses on this port', value: { name: 'on|off', values: ON_OFF, closed: true } },
  { words: ['flood'], meaning: 'flooding unknown-destination frames to this port', value: { name: 'on|off', values: ON_OFF, closed: true } },
  { words: ['state'], meaning: 'the port\'s STP state {value}', value: { name: 'STATE', values: { '0': 'disabled', '1': 'listening', '2': 'learning', '3': 'forwarding', '4': 'blocking' } } },
  { words: ['cost'], meaning: 'the port\'s STP cost {value}', value: { name: 'N' } },
  { words: ['master'], meaning: 'on the bridge' },
  { words: ['self'], meaning: 'on the port device' },
];

const VLAN_KEYWORDS: readonly KeywordSpec[] = [
  DEV,
  { words: ['vid'], meaning: 'VLAN {value}', value: { name: 'VID', bind: 'vid' } },
  { words: ['pvid'], meaning: 'untagged frames arriving on the port join this VLAN' },
  { words: ['untagged'], meaning: 'frames of this VLAN leave the port without a tag' },
  { words: ['master'], meaning: 'on the bridge' },
  { words: ['self'], meaning: 'on the bridge device itself' },
];

export const BRIDGE: Tool = {
  names: ['bridge'],
  meaning: 'iproute2\'s tool for Linux bridges',
  abbreviate: true,
  options: [
    { names: ['-d', '-details'], meaning: 'shows details' },
    { names: ['-s', '-stats', '-statistics'], meaning: 'shows counters' },
    { names: ['-j', '-json'], meaning: 'prints JSON' },
    { names: ['-p', '-pretty'], meaning: 'indents the JSON' },
    { names: ['-c', '-compressvlans'], meaning: 'shows VLAN ranges compactly' },
    { names: ['-n', '-netns'], meaning: 'works inside network namespace {value}', value: { name: 'NETNS' }, context: 'in namespace {value}' },
  ],
  commands: [
    {
      names: ['link'],
      meaning: 'works on bridge ports (lists them when nothing follows)',
      summary: ['lists the bridge ports and their states'],
      abbreviate: true,
      commands: [
        { names: ['set'], meaning: 'changes a bridge port\'s settings', summary: ['changes the bridge settings of port {dev}'], keywords: LINK_KEYWORDS },
        { names: ['show', 'list', 'lst'], meaning: 'lists bridge ports', keywords: LINK_KEYWORDS },
      ],
    },
    FDB,
    {
      names: ['vlan'],
      meaning: 'works on the VLANs of bridge ports (lists them when nothing follows)',
      summary: ['lists the VLANs of each bridge port'],
      abbreviate: true,
      commands: [
        { names: ['add'], meaning: 'lets a port carry a VLAN', summary: ['lets port {dev} carry VLAN {vid}'], keywords: VLAN_KEYWORDS },
        { names: ['delete', 'del'], meaning: 'removes a VLAN from a port', summary: ['removes VLAN {vid} from port {dev}'], keywords: VLAN_KEYWORDS },
        { names: ['show', 'list', 'lst'], meaning: 'lists the VLANs of each port', keywords: VLAN_KEYWORDS },
      ],
    },
    { names: ['monitor'], meaning: 'prints bridge changes as they happen' },
  ],
};

const BRIDGE_ARG = { meaning: 'the bridge {value}', value: { name: 'BRIDGE', bind: 'bridge' } };
const PORT_ARG = { meaning: 'the interface {value}', value: { name: 'IFACE', bind: 'port' } };

export const BRCTL: Tool = {
  names: ['brctl'],
  meaning: 'the older tool for Linux bridges (bridge-utils)',
  commands: [
    { names: ['addbr'], meaning: 'creates a bridge', summary: ['creates the bridge {bridge}'], positionals: [BRIDGE_ARG] },
    { names: ['delbr'], meaning: 'deletes a bridge (it must be down)', summary: ['deletes the bridge {bridge}'], positionals: [BRIDGE_ARG] },
    { names: ['addif'], meaning: 'attaches an interface to a bridge as a port', summary: ['attaches {port} to bridge {bridge}'], positionals: [BRIDGE_ARG, PORT_ARG] },
    { names: ['delif'], meaning: 'detaches an interface from a bridge', summary: ['detaches {port} from bridge {bridge}'], positionals: [BRIDGE_ARG, PORT_ARG] },
    { names: ['show'], meaning: 'lists bridges and their ports', summary: ['lists bridges and their ports'], positionals: [BRIDGE_ARG] },
    { names: ['showmacs'], meaning: 'lists the MAC addresses a bridge has learned', summary: ['lists the MAC addresses bridge {bridge} has learned'], positionals: [BRIDGE_ARG] },
    { names: ['stp'], meaning: 'turns the spanning tree protocol on or off', positionals: [BRIDGE_ARG, { meaning: '{value}', value: { name: 'on|off', values: ON_OFF, closed: true } }] },
    { names: ['setageing'], meaning: 'sets how long learned MAC addresses are kept', positionals: [BRIDGE_ARG, { meaning: '{value:second}', value: { name: 'SECONDS' } }] },
  ],
};
