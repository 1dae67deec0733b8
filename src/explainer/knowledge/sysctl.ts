// sysctl and the kernel settings a networking lesson touches.

import type { Tool, Vocabulary } from '../types.ts';

/** Kernel settings by key; `*` in a key stands for an interface name (or `all`/`default`). */
export const SYSCTL_KEYS: Vocabulary = {
  'net.ipv4.ip_forward': 'whether the host routes packets between its interfaces (1 = it does; needed for containers to reach out)',
  'net.ipv6.conf.*.forwarding': 'whether IPv6 packets are routed between interfaces ({1})',
  'net.ipv4.conf.*.route_localnet': 'whether packets to 127.0.0.0/8 may be routed on {1} (1 lets DNAT send localhost traffic to a container)',
  'net.ipv4.conf.*.rp_filter': 'reverse-path filtering on {1}: 0 off, 1 strict (drop packets whose source would not be routed back the same way), 2 loose',
  'net.ipv4.conf.*.proxy_arp': 'whether {1} answers ARP requests for addresses it can route to (proxy ARP)',
  'net.ipv4.conf.*.forwarding': 'whether IPv4 packets arriving on {1} are routed',
  'net.ipv4.conf.*.accept_local': 'whether {1} accepts packets with a local source address',
  'net.ipv4.conf.*.arp_ignore': 'when {1} answers ARP requests',
  'net.ipv4.conf.*.arp_announce': 'which source address ARP requests from {1} use',
  'net.ipv4.conf.*.send_redirects': 'whether {1} sends ICMP redirects',
  'net.ipv4.ip_local_port_range': 'the range of ports the kernel picks for outgoing connections',
  'net.ipv4.ip_unprivileged_port_start': 'the lowest port an unprivileged process may listen on',
  'net.ipv4.ping_group_range': 'which groups may send pings without raw sockets',
  'net.ipv4.icmp_echo_ignore_all': 'whether the host ignores pings',
  'net.bridge.bridge-nf-call-iptables': 'whether bridged IPv4 frames pass through iptables (1 = they do; needs br_netfilter)',
  'net.bridge.bridge-nf-call-ip6tables': 'whether bridged IPv6 frames pass through ip6tables',
  'net.bridge.bridge-nf-call-arptables': 'whether bridged ARP frames pass through arptables',
  'net.netfilter.nf_conntrack_max': 'how many connections the kernel tracks at most',
  'net.core.somaxconn': 'the longest queue of connections waiting to be accepted',
  'net.ipv6.conf.*.disable_ipv6': 'whether IPv6 is off on {1}',
};

const SETTING: Vocabulary = {
  ...Object.fromEntries(Object.entries(SYSCTL_KEYS).map(([key, gloss]) => [`${key}=*`, `sets ${key.replaceAll('*', '{1}')} to {${key.split('*').length}}: ${gloss}`])),
  ...SYSCTL_KEYS,
};

export const SYSCTL: Tool = {
  names: ['sysctl'],
  meaning: 'reads or changes kernel settings (the files under /proc/sys)',
  summary: ['sets kernel setting {setting} to {setting-value}', 'shows kernel setting {setting}', 'shows kernel settings'],
  options: [
    { names: ['-w', '--write'], meaning: 'writes the settings given' },
    { names: ['-n', '--values'], meaning: 'prints only the value, without the key' },
    { names: ['-q', '--quiet'], meaning: 'does not print the values it sets' },
    { names: ['-a', '-A', '--all'], meaning: 'shows every setting' },
    { names: ['-e', '--ignore'], meaning: 'ignores unknown keys' },
    { names: ['-p', '--load'], meaning: 'loads settings from a file ({value}, default /etc/sysctl.conf)', value: { name: 'FILE', optional: true, pattern: '^[^-]' } },
    { names: ['--system'], meaning: 'loads settings from every system configuration file' },
  ],
  positionals: [{ meaning: '{gloss}', value: { name: 'KEY[=VALUE]', bind: 'setting', split: '=', values: SETTING, closed: true }, repeat: true }],
};
