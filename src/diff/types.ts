// What changed in the kernel during a step, in plain words (computed from two snapshots).

export type ChangeKind =
  | 'netns'
  | 'link'
  | 'addr'
  | 'route'
  | 'bridge'
  | 'fdb'
  | 'iptables'
  | 'counter'
  | 'sysctl'
  | 'socket';

export interface Change {
  /** undefined for the lab host; `world` for the simulated internet; else the `ip netns` name. */
  readonly ns: string | undefined;
  readonly kind: ChangeKind;
  /** `+` added, `-` removed, `~` modified. */
  readonly op: '+' | '-' | '~';
  /** One line of plain words, e.g. `veth pair veth-red ⇄ eth0 (in red)`. */
  readonly text: string;
}
