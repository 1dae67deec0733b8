// At most N pieces of work at a time (lesson runs on a shared 2-core machine), the rest queued in order.

/** A function that runs work when one of `n` slots is free and waits for it otherwise. */
export function limit(n: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
