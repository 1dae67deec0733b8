// Under STEPLAB_REQUIRE_TARGETS (CI), a skipped test fails the run: there every test must exercise what it names,
// whatever made it skip (a missing tool, a kernel that cannot hold the sandbox, a test run as the wrong user).

import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** The skipped tests of a finished run, as `file › test`. */
export function skippedTests(modules: ReadonlyArray<TestModule>, root = process.cwd()): string[] {
  return modules.flatMap((m) => [...m.children.allTests('skipped')].map((t) => `${relative(root, m.moduleId)} › ${t.fullName}`));
}

export default class NoSkipsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped = skippedTests(modules);
    if (skipped.length === 0) return;
    console.error(`\n${skipped.length} skipped under STEPLAB_REQUIRE_TARGETS, where every test must run (run the rest without -t or .skip):\n  ${skipped.join('\n  ')}\n`);
    process.exitCode = 1;
  }
}
