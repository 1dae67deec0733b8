// Join attempts per address in a sliding minute: a few wrong codes, more joins; the clock is passed in for tests.

export interface Limits {
  /** Wrong join codes an address may send a minute. */
  readonly failures: number;
  /** Joins (right or wrong) an address may send a minute: a classroom behind one NAT shares an address. */
  readonly attempts: number;
}

export const DEFAULT_LIMITS: Limits = { failures: 10, attempts: 120 };

export class JoinLimiter {
  readonly #limits: Limits;
  readonly #now: () => number;
  readonly #attempts = new Map<string, number[]>();
  readonly #failures = new Map<string, number[]>();

  constructor(limits: Limits = DEFAULT_LIMITS, now: () => number = Date.now) {
    this.#limits = limits;
    this.#now = now;
  }

  /** Seconds to wait before the address may try again, or 0 when it may now (the try is counted). */
  attempt(address: string): number {
    const wait = Math.max(this.#wait(this.#failures, address, this.#limits.failures), this.#wait(this.#attempts, address, this.#limits.attempts));
    if (wait === 0) this.#push(this.#attempts, address);
    return wait;
  }

  /** The address sent a wrong code. */
  failed(address: string): void {
    this.#push(this.#failures, address);
  }

  #recent(map: Map<string, number[]>, address: string): number[] {
    const since = this.#now() - 60_000;
    const times = (map.get(address) ?? []).filter((t) => t > since);
    if (times.length === 0) map.delete(address);
    else map.set(address, times);
    return times;
  }

  #wait(map: Map<string, number[]>, address: string, limit: number): number {
    const times = this.#recent(map, address);
    if (times.length < limit) return 0;
    return Math.max(1, Math.ceil(((times[0] ?? 0) + 60_000 - this.#now()) / 1000));
  }

  #push(map: Map<string, number[]>, address: string): void {
    map.set(address, [...this.#recent(map, address), this.#now()]);
  }
}
