// Evaluate a step's checks against the kernel after the step: probes side by side, state from one snapshot a round.

import { evaluateAll, isLive } from '../assert/evaluate.ts';
import type { Assertion } from '../assert/types.ts';
import { parseVariables, readVariablesCode } from '../assert/variables.ts';
import { takeSnapshot } from '../kernel/snapshot.ts';
import type { Snapshot } from '../kernel/types.ts';
import type { Check } from '../lesson/types.ts';
import type { Sandbox } from '../sandbox/types.ts';
import type { CheckOutcome } from './events.ts';
import { english, type Translate } from '../i18n/index.ts';

/** Evaluate checks (`within` ones retried until they hold or their time is up); outcomes in the checks' order. */
export async function evaluateChecks(
  checks: readonly Check[],
  sandbox: Sandbox,
  step: { readonly output: string; readonly exitCode: number },
  snapshot: () => Promise<Snapshot> = () => takeSnapshot((code) => sandbox.read(code)),
  t?: Translate,
): Promise<CheckOutcome[]> {
  const ctx = { snapshot, probe: (code: string) => sandbox.probe(code), read: (code: string) => sandbox.read(code), variables: lessonVariables(sandbox), step, ...(t ? { t } : {}) };
  const results = await evaluateAll(checks, ctx);
  return checks.map((check, i) => ({ check, result: results[i] ?? { passed: false, message: 'not evaluated' } }));
}

/** How long a probe waits before a challenge's solution runs: nothing is on its way, and an answer that comes takes under a millisecond. */
export const BEFORE_SOLUTION_WAIT_MS = 500;

/** A live check with the wait it has before the solution: its own `waiting`, else a lab-sized one. */
function quickWait(a: Assertion): Assertion {
  if ((a.kind === 'ping' || a.kind === 'tcp' || a.kind === 'http') && a.waitMs === undefined) return { ...a, waitMs: BEFORE_SOLUTION_WAIT_MS };
  return a;
}

/**
 * The checks before a challenge's solution runs, which verify evaluates to prove the challenge starts
 * unsolved: one failing check proves it. The checks that read the kernel's state or the step go first;
 * when one of them fails, the probes (pings, connections, commands: the slow ones) are not run. `within`
 * is dropped (it would only wait for a failure) and probes wait a lab-sized time.
 */
export async function evaluateBeforeSolution(
  checks: readonly Check[],
  sandbox: Sandbox,
  snapshot: () => Promise<Snapshot>,
  t: Translate = english.t,
): Promise<CheckOutcome[]> {
  const quick = checks.map(({ withinMs: _, ...check }) => ({ ...check, assertion: quickWait(check.assertion) }));
  const step = { output: '', exitCode: 0 };
  const still = quick.filter((c) => !isLive(c.assertion));
  const live = quick.filter((c) => isLive(c.assertion));
  const first = still.length > 0 ? await evaluateChecks(still, sandbox, step, snapshot, t) : [];
  const unsolved = first.some((c) => !c.result.passed);
  const rest = unsolved || live.length === 0
    ? live.map((check) => ({ check, result: { passed: false, message: t('assert.not-run-unsolved') } }))
    : await evaluateChecks(live, sandbox, step, snapshot, t);
  const byCheck = new Map([...first, ...rest].map((o) => [o.check, o]));
  return quick.map((check, i) => {
    const outcome = byCheck.get(check) as CheckOutcome;
    return { ...outcome, check: checks[i] as Check };
  });
}

/**
 * The lesson shell's variables as it left them after its last block, read through the probe shell once
 * a name for all of a step's checks (they ask side by side, so a name's read is shared while under way).
 */
function lessonVariables(sandbox: Sandbox): (names: readonly string[]) => Promise<ReadonlyMap<string, string>> {
  const reads = new Map<string, Promise<string | undefined>>();
  return async (names) => {
    const missing = names.filter((n) => !reads.has(n));
    if (missing.length > 0) {
      // Not through the probe batcher: the answer is NUL-separated, which its framing would cut.
      const read = sandbox.probe(readVariablesCode(missing)).then((r) => parseVariables(r.output));
      for (const n of missing) reads.set(n, read.then((vars) => vars.get(n)));
    }
    const values = await Promise.all(names.map(async (n) => [n, await reads.get(n)] as const));
    return new Map(values.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
  };
}
