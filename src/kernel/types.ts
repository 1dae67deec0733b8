// A typed picture of the sandbox's network state, read from `ip -j`, `bridge -j`, `iptables-save -c`, sysctl and ss.

/** Which namespace: the lab host, the simulated internet, or one made with `ip netns add`. */
export type NamespaceKind = 'host' | 'world' | 'netns';

export interface AddressState {
  /** `172.17.0.2/16`, `fe80::1/64`. */
  readonly cidr: string;
  readonly family: 'inet' | 'inet6';
  readonly scope: string;
}

export interface LinkState {
  readonly name: string;
  readonly ifindex: number;
  /** `veth`, `bridge`, `macvlan`, `loopback`, `tun`, …; `device` for a plain NIC. */
  readonly type: string;
  /** Administratively up (the UP flag). */
  readonly up: boolean;
  /** The kernel's operstate: UP, DOWN, LOWERLAYERDOWN, UNKNOWN. */
  readonly operstate: string;
  readonly mac: string;
  readonly mtu: number;
  /** The bridge (or bond) this link is a port of. */
  readonly master: string | undefined;
  /** For a veth: the other end, once resolved across namespaces (ns undefined = lab host). */
  readonly peer: { readonly name: string; readonly ns: string | undefined } | undefined;
  /** For a macvlan/vlan: the parent link's name when it is in the same namespace. */
  readonly parent: string | undefined;
  /** Raw `link_index` / `link_netnsid` from `ip -j -d link`, kept for peer resolution. */
  readonly linkIndex: number | undefined;
  readonly linkNetnsid: number | undefined;
  readonly addresses: readonly AddressState[];
}

export interface RouteState {
  /** `default` or a CIDR (`172.17.0.0/16`); a host route keeps its /32. */
  readonly dst: string;
  readonly gateway: string | undefined;
  readonly dev: string | undefined;
  readonly protocol: string | undefined;
  readonly scope: string | undefined;
  readonly prefsrc: string | undefined;
  /** `main`, `local`, … */
  readonly table: string;
}

export interface IptablesRule {
  /** The rule as iptables-save prints it after `-A CHAIN `. */
  readonly spec: string;
  readonly packets: number;
  readonly bytes: number;
}

export interface IptablesChain {
  readonly name: string;
  /** ACCEPT/DROP for a built-in chain; undefined for a user-defined one. */
  readonly policy: string | undefined;
  readonly packets: number;
  readonly bytes: number;
  readonly rules: readonly IptablesRule[];
}

/** table name → chain name → chain. Tables the namespace never used are absent. */
export type IptablesState = Readonly<Record<string, Readonly<Record<string, IptablesChain>>>>;

export interface FdbEntry {
  readonly mac: string;
  /** The port the MAC was learned on. */
  readonly dev: string;
  readonly master: string | undefined;
  /** `permanent` for the bridge's own addresses, otherwise learned (`` or `dynamic`). */
  readonly state: string;
}

export interface ListeningSocket {
  readonly proto: 'tcp' | 'udp';
  /** `0.0.0.0:80`, `[::]:80`, `127.0.0.1:8080`. */
  readonly local: string;
  readonly process: string | undefined;
}

export interface NamespaceState {
  /** undefined for the lab host; `world` for the simulated internet; else the `ip netns` name. */
  readonly name: string | undefined;
  readonly kind: NamespaceKind;
  readonly links: readonly LinkState[];
  readonly routes: readonly RouteState[];
  readonly iptables: IptablesState;
  /** Only the keys that matter to the course (SNAPSHOT_SYSCTLS), as the kernel prints them. */
  readonly sysctls: Readonly<Record<string, string>>;
  readonly fdb: readonly FdbEntry[];
  readonly listening: readonly ListeningSocket[];
}

export interface Snapshot {
  /** The lab host first, then named namespaces in `ip netns list` order, the world last. */
  readonly namespaces: readonly NamespaceState[];
}

/** The sysctls a snapshot records in every namespace. */
export const SNAPSHOT_SYSCTLS = [
  'net.ipv4.ip_forward',
  'net.ipv4.conf.all.route_localnet',
  'net.ipv4.ip_local_port_range',
  'net.bridge.bridge-nf-call-iptables',
  'net.bridge.bridge-nf-call-ip6tables',
] as const;
