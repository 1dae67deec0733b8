// Assertions of a `check` block, parsed once into typed values (the contract's list, one variant each).

/** A namespace made with `ip netns add`; undefined means the lab host. `world` is the simulated internet. */
export type Ns = string | undefined;

export type LinkExpectation =
  | { readonly is: 'exists' }
  | { readonly is: 'absent' }
  | { readonly is: 'up' }
  | { readonly is: 'down' }
  | { readonly is: 'type'; readonly type: string }
  | { readonly is: 'master'; readonly master: string }
  | { readonly is: 'peer'; readonly peer: string; readonly peerNs: Ns };

export type Assertion =
  | { readonly kind: 'netns'; readonly name: string; readonly expect: 'exists' | 'absent' }
  | { readonly kind: 'link'; readonly name: string; readonly ns: Ns; readonly expect: LinkExpectation }
  | { readonly kind: 'addr'; readonly cidr: string; readonly dev: string; readonly ns: Ns; readonly present: boolean }
  | { readonly kind: 'route'; readonly dest: string; readonly via: string | undefined; readonly dev: string | undefined; readonly ns: Ns }
  | { readonly kind: 'ping'; readonly addr: string; readonly from: Ns; readonly expect: 'succeeds' | 'fails'; readonly waitMs?: number }
  | { readonly kind: 'tcp'; readonly addr: string; readonly port: number; readonly from: Ns; readonly expect: 'open' | 'closed'; readonly waitMs?: number }
  | { readonly kind: 'http'; readonly url: string; readonly from: Ns; readonly text: string; readonly waitMs?: number }
  | { readonly kind: 'iptables-rule'; readonly table: string; readonly chain: string; readonly rule: string; readonly present: boolean }
  | { readonly kind: 'iptables-policy'; readonly table: string; readonly chain: string; readonly policy: string }
  | { readonly kind: 'sysctl'; readonly key: string; readonly ns: Ns; readonly value: string }
  | { readonly kind: 'output-contains'; readonly text: string }
  | { readonly kind: 'output-matches'; readonly pattern: string; readonly flags: string }
  | { readonly kind: 'exit-status'; readonly status: number }
  | { readonly kind: 'sh'; readonly command: string; readonly ns: Ns; readonly expect: 'succeeds' | 'fails' };

export type AssertionKind = Assertion['kind'];

/** A check line parsed: the assertion and `within DURATION` (retried until it holds or the time is up). */
export interface ParsedCheckLine {
  readonly assertion: Assertion;
  /** `within 5s`; undefined: evaluated once. */
  readonly withinMs: number | undefined;
}

/** An assertion line that could not be parsed: what was expected at which column. */
export interface AssertionSyntaxError {
  readonly column: number;
  readonly message: string;
}

/** The verdict on one check: data, never an exception. */
export interface CheckResult {
  readonly passed: boolean;
  /** For a failure: what was expected and what the kernel holds instead. For a pass: what was seen. */
  readonly message: string;
  /** For a failed `iptables … has` check: the rules its chain holds, or which of table and chain does not exist (the learner's form words these). */
  readonly chain?: { readonly rules: readonly string[] } | { readonly missing: 'table' | 'chain'; readonly name: string };
}
