// The typed model of a lesson, as the parser produces it. Every item keeps its source line.

import type { Assertion } from '../assert/types.ts';
import type { World } from '../lab-types.ts';

export type { World } from '../lab-types.ts';

/** Where something stands in a lesson file; lines and columns count from 1. */
export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A problem found in a lesson file, reported as `file:line:col: message`. */
export interface Problem extends SourcePos {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** The blocks steplab runs: `sh` is shown, the others are hidden; `docker` is shown and runs only against a real engine. */
export type CommandKind = 'sh' | 'solution' | 'setup' | 'cleanup' | 'docker';

/** One fenced block of shell commands with its attributes. */
export interface CommandBlock {
  readonly kind: CommandKind;
  /** The block's text, exactly as written (no trailing newline). */
  readonly code: string;
  /** Line of the opening fence. */
  readonly line: number;
  /** `{timeout=5s}`; undefined means the lesson's default. */
  readonly timeoutMs: number | undefined;
  /** `{background}`: started and left running until the lesson ends. */
  readonly background: boolean;
  /** `{background ready="TEXT"}`: the block counts as started once its output shows TEXT. */
  readonly ready?: string;
  /** `{exit=N}`: the status this block is meant to end with (default 0). */
  readonly exit: number;
  /** docker `{daemon="--icc=false"}`: under the oracle, the engine runs with these dockerd options from this step on. */
  readonly daemon?: readonly string[];
}

/** One line of a `check` block, parsed. */
export interface Check {
  /** The line as written, trimmed. */
  readonly source: string;
  readonly line: number;
  readonly assertion: Assertion;
  /** `… within 5s`: retried until it holds or the time is up; absent: evaluated once. */
  readonly withinMs?: number;
}

export interface Hint {
  readonly markdown: string;
  readonly line: number;
}

/** A step's body in the order written, for display. */
export type StepPart =
  | { readonly kind: 'prose'; readonly markdown: string; readonly line: number }
  | { readonly kind: 'commands'; readonly block: CommandBlock }
  /** A `docker` block: what Docker does for you; run only by `verify --against docker`. */
  | { readonly kind: 'docker'; readonly block: CommandBlock }
  | { readonly kind: 'illustration'; readonly lang: string; readonly code: string; readonly line: number };

/** A level-2 heading and everything up to the next one. */
export interface Step {
  /** Index from 0 in the lesson. */
  readonly index: number;
  /** Kebab-case slug of the title, unique in the lesson. */
  readonly id: string;
  readonly title: string;
  readonly line: number;
  /** Prose, shown commands and illustrations in the order written. */
  readonly body: readonly StepPart[];
  /** `sh` blocks, in order. */
  readonly commands: readonly CommandBlock[];
  readonly checks: readonly Check[];
  readonly hints: readonly Hint[];
  readonly solution: readonly CommandBlock[];
  readonly setup: readonly CommandBlock[];
  readonly cleanup: readonly CommandBlock[];
  /** `docker` blocks: the Docker commands that build the state this step builds by hand. */
  readonly docker: readonly CommandBlock[];
  /** A step with a `solution` and no `sh`: the learner does it; verify runs the solution. */
  readonly challenge: boolean;
}


export interface Lesson {
  readonly file: string;
  readonly format: 1;
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly requires: readonly string[];
  readonly world: World;
  /** Default limit for one step, in milliseconds. */
  readonly timeoutMs: number;
  /** The language it is written in, a canonical BCP 47 tag (`zh-CN`); the parser always sets it, absent means `en`. */
  readonly lang?: string;
  /** A translation's `translated-from:` fingerprint of its original's steps, blocks and checks. */
  readonly translatedFrom?: string;
  /** Markdown before the first step (the H1 title excluded). */
  readonly introduction: string;
  /** Hidden `setup` blocks of the introduction: run before the first step. */
  readonly setup: readonly CommandBlock[];
  /** Hidden `cleanup` blocks of the introduction: run when the lesson ends. */
  readonly cleanup: readonly CommandBlock[];
  /** `docker` blocks of the introduction: under `verify --against docker` they play the part of `setup`. */
  readonly docker: readonly CommandBlock[];
  readonly steps: readonly Step[];
}

/** What parsing a file gives: a lesson when it has no errors, and every problem found. */
export interface ParseResult {
  readonly lesson: Lesson | undefined;
  readonly problems: readonly Problem[];
}
