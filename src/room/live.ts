// Who watches the dashboard live, and a nudge to each when the room changes: at most one update per `everyMs`.

export type Listener = () => void;

export class LiveHub {
  readonly #listeners = new Set<Listener>();
  readonly #everyMs: number;
  #timer: NodeJS.Timeout | undefined;
  #last = 0;

  constructor(everyMs = 100) {
    this.#everyMs = everyMs;
  }

  /** Listen for changes; returns how to stop. */
  listen(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get size(): number {
    return this.#listeners.size;
  }

  /** Something changed: tell everyone now, or once the current interval is over (many changes, one update). */
  changed(): void {
    if (this.#timer !== undefined) return;
    const wait = Math.max(0, this.#last + this.#everyMs - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#last = Date.now();
      for (const l of this.#listeners) l();
    }, wait);
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#listeners.clear();
  }
}
