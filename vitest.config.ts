import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // `npm test` runs once, also in a terminal (`vitest` alone would watch there); `npm test -- --version` only says which vitest.
    watch: false,
    pool: 'forks',
    // Integration tests compare the host's network state before and after; a docker test starting a
    // container in parallel would change it under them. Files run one after another.
    fileParallelism: false,
    // In CI (STEPLAB_REQUIRE_TARGETS) a skipped test fails the run.
    reporters: process.env.STEPLAB_REQUIRE_TARGETS ? ['default', './test/support/no-skips-reporter.ts'] : ['default'],
    // A folder where the first course test of a run saves its one run of the course for the others (test/support/course-run.ts).
    globalSetup: ['test/support/course-run-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
