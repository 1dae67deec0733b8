// Evaluate a step's checks against one snapshot of the kernel taken after the step.

import { evaluate } from '../assert/evaluate.ts';
import { parseVariables, readVariablesCode } from '../assert/variables.ts';
import { takeSnapshot } from '../kernel/snapshot.ts';
import type { Snapshot } from '../kernel/types.ts';
import type { Check } from '../lesson/types.ts';
import type { Sandbox } from '../sandbox/types.ts';
import type { CheckOutcome } from './events.ts';

/** Evaluate checks in order; the snapshot is read at most once and shared by them, and so is each variable. */
export async function evaluateChecks(
  checks: readonly Check[],
  sandbox: Sandbox,
  step: { readonly output: string; readonly exitCode: number },
): Promise<CheckOutcome[]> {
  let snapshot: Promise<Snapshot> | undefined;
  const known = new Map<string, string | undefined>();
  const ctx = {
    snapshot: () => (snapshot ??= takeSnapshot((code) => sandbox.probe(code))),
    probe: (code: string) => sandbox.probe(code),
    // The lesson shell's variables as it left them after its last block, read by the probe shell.
    variables: async (names: readonly string[]) => {
      const missing = names.filter((n) => !known.has(n));
      if (missing.length > 0) {
        const read = parseVariables((await sandbox.probe(readVariablesCode(missing))).output);
        for (const n of missing) known.set(n, read.get(n));
      }
      return new Map(names.flatMap((n) => (known.get(n) === undefined ? [] : [[n, known.get(n) as string] as const])));
    },
    step,
  };
  const outcomes: CheckOutcome[] = [];
  for (const check of checks) outcomes.push({ check, result: await evaluate(check.assertion, ctx) });
  return outcomes;
}
