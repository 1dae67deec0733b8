// Evaluate a step's checks against the kernel after the step: probes side by side, state from one snapshot a round.

import { evaluateAll } from '../assert/evaluate.ts';
import { takeSnapshot } from '../kernel/snapshot.ts';
import type { Snapshot } from '../kernel/types.ts';
import type { Check } from '../lesson/types.ts';
import type { Sandbox } from '../sandbox/types.ts';
import type { CheckOutcome } from './events.ts';

/** Evaluate checks (`within` ones retried until they hold or their time is up); outcomes in the checks' order. */
export async function evaluateChecks(
  checks: readonly Check[],
  sandbox: Sandbox,
  step: { readonly output: string; readonly exitCode: number },
  snapshot: () => Promise<Snapshot> = () => takeSnapshot((code) => sandbox.probe(code)),
): Promise<CheckOutcome[]> {
  const ctx = { snapshot, probe: (code: string) => sandbox.probe(code), step };
  const results = await evaluateAll(checks, ctx);
  return checks.map((check, i) => ({ check, result: results[i] ?? { passed: false, message: 'not evaluated' } }));
}
