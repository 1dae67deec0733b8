// Evaluate one assertion: state checks against a snapshot, live probes in steplab's shells, the rest from the step.

import type { SnapshotPart } from '../kernel/collect.ts';
import type { Snapshot } from '../kernel/types.ts';
import type { ShellResult } from '../lab-types.ts';
import { batchProbes, outputTail, probeHttp, probePing, probeSh, probeSysctl, probeTcp } from './probes.ts';
import { checkState, isSnapshotSysctl, isStateAssertion, namespaceProblem, sysctlResult } from './state.ts';
import type { Assertion, CheckResult } from './types.ts';
import { fillVariables, noteUnsetVariables, type VariablesContext } from './evaluate-variables.ts';
import { english, type Translate } from '../i18n/index.ts';
import { tidyCjkSpaces } from '../util/cjk-spaces.ts';

export interface EvaluateContext extends VariablesContext {
  /** The kernel's state after the step (evaluate takes it once and shares it between checks; evaluateAll once a round). */
  snapshot(): Promise<Snapshot>;
  /** Run bash code in the sandbox's probe shell (`sh` checks, which see the lesson's variables). */
  probe(code: string): Promise<ShellResult>;
  /** Run POSIX sh code in the sandbox's reader shell (ping, tcp, http and sysctl probes). */
  read(code: string): Promise<ShellResult>;
  /** What the step's commands printed and how they ended. */
  readonly step: { readonly output: string; readonly exitCode: number };
  /** The language of the messages (English when absent). */
  readonly t?: Translate;
}

/** `(output ends: "…")` or `(no output)`, for messages about the step's output. */
function outputNote(output: string, t: Translate): string {
  const tail = outputTail(output);
  return tail === '' ? t('assert.output.none') : t('assert.output.ends', { tail });
}

/** `output contains "TEXT"`. */
function checkOutputContains(text: string, output: string, t: Translate): CheckResult {
  return output.includes(text)
    ? { passed: true, message: t('assert.output.contains', { text }) }
    : { passed: false, message: t('assert.output.lacks', { text, note: outputNote(output, t) }) };
}

/** `output matches /REGEX/flags`; a pattern JavaScript cannot compile is a failed check that says so. */
function checkOutputMatches(pattern: string, flags: string, output: string, t: Translate): CheckResult {
  const shown = `/${pattern}/${flags}`;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags);
  } catch (error) {
    return { passed: false, message: t('assert.output.bad-regex', { regex: shown, error: (error as Error).message }) };
  }
  const match = regex.exec(output);
  return match
    ? { passed: true, message: t('assert.output.matches', { regex: shown, match: match[0] }) }
    : { passed: false, message: t('assert.output.no-match', { regex: shown, note: outputNote(output, t) }) };
}

/** `exit status is N`, for the step's commands. */
function checkExitStatus(expected: number, actual: number, t: Translate): CheckResult {
  return actual === expected
    ? { passed: true, message: t('assert.exit.is', { status: actual }) }
    : { passed: false, message: t('assert.exit.expected', { status: actual, expected }) };
}

/** A sysctl that snapshots do not record: check the namespace in the snapshot, then read the key live. */
async function checkLiveSysctl(a: Extract<Assertion, { kind: 'sysctl' }>, ctx: EvaluateContext, t: Translate): Promise<CheckResult> {
  const problem = namespaceProblem(await ctx.snapshot(), a.ns, t);
  if (problem !== undefined) return problem;
  return sysctlResult(a, await probeSysctl(a.key, a.ns, ctx.read), t);
}

/** Evaluate one assertion after a step; a failed check is a result, never an exception. */
export async function evaluate(assertion: Assertion, ctx: EvaluateContext): Promise<CheckResult> {
  const result = await verdict(assertion, ctx);
  return { ...result, message: tidyCjkSpaces(result.message) };
}

/** The verdict on one assertion, its words as the catalogue glued them. */
async function verdict(assertion: Assertion, ctx: EvaluateContext): Promise<CheckResult> {
  // `$NAME` in an argument is the lesson shell's variable at this moment.
  const t = ctx.t ?? english.t;
  const filled = await fillVariables(assertion, ctx, t);
  if ('passed' in filled) return filled;
  assertion = filled;
  if (assertion.kind === 'sysctl' && !isSnapshotSysctl(assertion.key)) return checkLiveSysctl(assertion, ctx, t);
  if (isStateAssertion(assertion)) return checkState(assertion, await ctx.snapshot(), t);
  switch (assertion.kind) {
    case 'ping': return probePing(assertion, ctx.read, t);
    case 'tcp': return probeTcp(assertion, ctx.read, t);
    case 'http': return probeHttp(assertion, ctx.read, t);
    case 'sh': return noteUnsetVariables(await probeSh(assertion, ctx.probe, t), assertion, ctx, t);
    case 'output-contains': return checkOutputContains(assertion.text, ctx.step.output, t);
    case 'output-matches': return checkOutputMatches(assertion.pattern, assertion.flags, ctx.step.output, t);
    case 'exit-status': return checkExitStatus(assertion.status, ctx.step.exitCode, t);
  }
}

/** A check to evaluate: its assertion and, with `within`, how long it may take to hold. */
export interface TimedAssertion {
  readonly assertion: Assertion;
  readonly withinMs?: number;
}

/** Time, injected so that retries are tested in milliseconds. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: Clock = { now: () => performance.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** The pause before each retry of a `within` check: short at first (a server that is nearly up), then steady. */
export const RETRY_PAUSES_MS = [20, 40, 80, 150] as const;

/** Whether an assertion sends traffic or runs a command (as opposed to reading a snapshot or the step). */
export const isLive = (a: Assertion): boolean => a.kind === 'ping' || a.kind === 'tcp' || a.kind === 'http' || a.kind === 'sh';

/** Whether a probe waits out its time when its check holds: an answer that must not come. */
const waitsWhenHolding = (a: Assertion): boolean => (a.kind === 'ping' && a.expect === 'fails') || (a.kind === 'tcp' && a.expect === 'closed');

/**
 * Evaluate a check block. Each round runs the live probes, then answers the state checks from one
 * snapshot (taken after the probes, so it also holds what they did). The probes run side by side (one
 * batch) when one of them waits out its time to hold (`ping … fails`, `tcp … is closed`), so the block
 * waits once; otherwise one after another, which is cheaper than a batch's background shells on a busy
 * machine. A check with `within` that failed is evaluated again, with a fresh snapshot, until it holds
 * or its time is up.
 */
export async function evaluateAll(checks: readonly TimedAssertion[], ctx: EvaluateContext, clock: Clock = realClock): Promise<CheckResult[]> {
  const started = clock.now();
  const results: CheckResult[] = [];
  let pending = checks.map((_, i) => i);
  for (let round = 0; ; round++) {
    let snapshot: Promise<Snapshot> | undefined;
    const live = pending.filter((i) => isLive((checks[i] as TimedAssertion).assertion));
    const sideBySide = live.length > 1 && live.some((i) => waitsWhenHolding((checks[i] as TimedAssertion).assertion));
    // In a batch, the reader's probes run side by side; an `sh` check runs meanwhile in the probe shell.
    const roundCtx: EvaluateContext = { snapshot: () => (snapshot ??= ctx.snapshot()), probe: ctx.probe, read: sideBySide ? batchProbes(ctx.read) : ctx.read, step: ctx.step, variables: ctx.variables, t: ctx.t };
    const rest = pending.filter((i) => !live.includes(i));
    const evaluateSome = async (indices: number[]): Promise<void> => {
      const got = await Promise.all(indices.map((i) => evaluate((checks[i] as TimedAssertion).assertion, roundCtx)));
      indices.forEach((i, k) => (results[i] = got[k] as CheckResult));
    };
    await evaluateSome(live);
    await evaluateSome(rest);
    const elapsed = clock.now() - started;
    pending = pending.filter((i) => !(results[i] as CheckResult).passed && ((checks[i] as TimedAssertion).withinMs ?? 0) > elapsed);
    if (pending.length === 0) break;
    const pause = RETRY_PAUSES_MS[Math.min(round, RETRY_PAUSES_MS.length - 1)] as number;
    const left = Math.min(...pending.map((i) => ((checks[i] as TimedAssertion).withinMs ?? 0) - elapsed));
    await clock.sleep(Math.max(1, Math.min(pause, left)));
  }
  return checks.map((check, i) => {
    const result = results[i] as CheckResult;
    if (result.passed || check.withinMs === undefined) return result;
    return { ...result, message: (ctx.t ?? english.t)('assert.still-after', { message: result.message, seconds: check.withinMs / 1000 }) };
  });
}

/** The parts of a snapshot these assertions read (none: they need no more than the namespace names, or nothing). */
export function snapshotPartsFor(assertions: readonly Assertion[]): SnapshotPart[] {
  const parts = new Set<SnapshotPart>();
  for (const a of assertions) {
    if (a.kind === 'link' || a.kind === 'addr' || a.kind === 'route') parts.add('ip');
    else if (a.kind === 'iptables-rule' || a.kind === 'iptables-policy') parts.add('iptables');
    else if (a.kind === 'sysctl' && isSnapshotSysctl(a.key)) parts.add('sysctl');
  }
  return [...parts];
}

/**
 * The namespaces whose state these assertions read, as `host:` (the lab host), `netns:NAME` or
 * `world:world`, or undefined for every namespace (a name that is a lesson variable, known only once
 * filled in). A link's peer is resolved in the namespace the check names for it, so that one is read
 * too; iptables checks read the lab host's rules.
 */
export function snapshotNamespacesFor(assertions: readonly Assertion[]): string[] | undefined {
  const names = new Set<string>();
  const add = (ns: string | undefined): boolean => {
    if (ns === undefined) names.add('host:');
    else if (ns.includes('$')) return false;
    else names.add(ns === 'world' ? 'world:world' : `netns:${ns}`);
    return true;
  };
  for (const a of assertions) {
    if (a.kind === 'iptables-rule' || a.kind === 'iptables-policy') add(undefined);
    if (a.kind !== 'link' && a.kind !== 'addr' && a.kind !== 'route' && a.kind !== 'sysctl') continue;
    if (!add(a.ns)) return undefined;
    if (a.kind === 'link' && a.expect.is === 'peer' && !add(a.expect.peerNs)) return undefined;
  }
  return [...names];
}
