// A change while it is being found: it may be kernel noise, told only when nothing else changed.

import type { Change } from './types.ts';

export interface Found extends Change {
  /** IPv6 link-local addresses, multicast and kernel-made routes: dropped unless they are all that changed. */
  readonly noise?: boolean;
  /** For an address: the label of the link it is on (`lo in red`). */
  readonly on?: string;
}
