// Types of bin/build-stamp.js (plain JavaScript, so bin/steplab.js loads it without type stripping).

/** One source: its path from the checkout, its mtime in ms, its size (-1 for a folder). */
export type StampEntry = readonly [path: string, mtimeMs: number, size: number];

/** What a build saw of its sources before compiling, and the build's id. */
export interface BuildStamp {
  readonly id: string;
  readonly sources: readonly StampEntry[];
}

export const STAMP: string;
export function stampSources(root: string, id: string): BuildStamp;
export function readStamp(root: string): BuildStamp | undefined;
export function distIsCurrent(root: string): boolean;
