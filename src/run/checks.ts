// Evaluate a step's checks against the kernel after the step: probes side by side, state from one snapshot a round.

import { evaluateAll } from '../assert/evaluate.ts';
import { parseVariables, readVariablesCode } from '../assert/variables.ts';
import { takeSnapshot } from '../kernel/snapshot.ts';
import type { Snapshot } from '../kernel/types.ts';
import type { Check } from '../lesson/types.ts';
import type { Sandbox } from '../sandbox/types.ts';
import type { CheckOutcome } from './events.ts';
import type { Translate } from '../i18n/index.ts';

/** Evaluate checks (`within` ones retried until they hold or their time is up); outcomes in the checks' order. */
export async function evaluateChecks(
  checks: readonly Check[],
  sandbox: Sandbox,
  step: { readonly output: string; readonly exitCode: number },
  snapshot: () => Promise<Snapshot> = () => takeSnapshot((code) => sandbox.probe(code)),
  t?: Translate,
): Promise<CheckOutcome[]> {
  const ctx = { snapshot, probe: (code: string) => sandbox.probe(code), variables: lessonVariables(sandbox), step, ...(t ? { t } : {}) };
  const results = await evaluateAll(checks, ctx);
  return checks.map((check, i) => ({ check, result: results[i] ?? { passed: false, message: 'not evaluated' } }));
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
