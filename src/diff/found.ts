// A change while it is being found: it may be kernel noise, told only when nothing else changed.

import type { Change } from './types.ts';

export interface Found extends Change {
  /** IPv6 link-local addresses, multicast and kernel-made routes: dropped unless they are all that changed. */
  readonly noise?: boolean;
  /** For an address: the label of the link it is on (`lo in red`), and the address. */
  readonly on?: string;
  readonly cidr?: string;
  /** For a link that came up: its label, so the addresses the kernel gave it can be told on its line. */
  readonly upLink?: string;
}
