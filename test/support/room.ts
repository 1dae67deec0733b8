// Helpers for the room's end-to-end tests and bench: the real `steplab room` as a process, and headless Chromium.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess } from '../../src/process/spawn.ts';
import type { StartedProcess } from '../../src/process/started.ts';

export const BIN = join(import.meta.dirname, '../../bin/steplab.js');
export const CHROMIUM = '/usr/bin/chromium';
/** Debian's chromium, headless, quiet, without its own sandbox (tests run as root). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'];

export interface RoomProcess {
  readonly url: string;
  readonly process: StartedProcess;
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM, and wait for it to end; safe twice. */
  stop(): Promise<number | undefined>;
}

/** Start `steplab room ARGS…` and wait until it says where it listens. */
export async function startRoomProcess(args: readonly string[], env: Record<string, string> = {}): Promise<RoomProcess> {
  const child = startProcess(process.execPath, [BIN, 'room', ...args], { env });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += String(c)));
  child.stderr.on('data', (c: Buffer) => (out += String(c)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`steplab room did not start in 60 s:\n${out}`)), 60_000);
    const look = () => {
      const m = /listening on ([\d.]+):(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://${m[1] === '0.0.0.0' ? '127.0.0.1' : m[1]}:${m[2]}`);
      }
    };
    child.stdout.on('data', look);
    void Promise.resolve(child).then((exit) => {
      clearTimeout(timer);
      reject(new Error(`steplab room exited (${exit.exitCode ?? exit.signal}):\n${out}`));
    });
  });
  let stopped: Promise<number | undefined> | undefined;
  return {
    url,
    process: child,
    output: () => out,
    stop: () => (stopped ??= (async () => {
      child.kill('SIGTERM');
      return (await child).exitCode;
    })()),
  };
}

/** Why the browser tests cannot run here, or undefined; under STEPLAB_REQUIRE_TARGETS a missing chromium fails instead. */
export function chromiumUnavailable(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `${CHROMIUM} is missing (sudo apt-get install chromium)`;
  if (process.env.STEPLAB_REQUIRE_TARGETS) throw new Error(`the dashboard's browser tests must run here (STEPLAB_REQUIRE_TARGETS is set), but ${reason}`);
  console.warn(`skipping the dashboard's browser tests: ${reason}`);
  return reason;
}

/** Run work over items, at most `jobs` at once. */
export async function pool<T, R>(items: readonly T[], jobs: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  }));
  return results;
}
