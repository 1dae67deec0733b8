// Evaluate a step's checks against one snapshot of the kernel taken after the step.

import { evaluate } from '../assert/evaluate.ts';
import { takeSnapshot } from '../kernel/snapshot.ts';
import type { Snapshot } from '../kernel/types.ts';
import type { Check } from '../lesson/types.ts';
import type { Sandbox } from '../sandbox/types.ts';
import type { CheckOutcome } from './events.ts';

/** Evaluate checks in order; the snapshot is read at most once and shared by them. */
export async function evaluateChecks(
  checks: readonly Check[],
  sandbox: Sandbox,
  step: { readonly output: string; readonly exitCode: number },
): Promise<CheckOutcome[]> {
  let snapshot: Promise<Snapshot> | undefined;
  const ctx = {
    snapshot: () => (snapshot ??= takeSnapshot((code) => sandbox.probe(code))),
    probe: (code: string) => sandbox.probe(code),
    step,
  };
  const outcomes: CheckOutcome[] = [];
  for (const check of checks) outcomes.push({ check, result: await evaluate(check.assertion, ctx) });
  return outcomes;
}
