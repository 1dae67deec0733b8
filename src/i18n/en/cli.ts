// English: what the command line itself says (src/cli/main.ts, lint, summaries of run and verify).

export const cli = {
  'cli.unknown-command': 'steplab: unknown command "{command}" (and no such file or folder)',
  'cli.bug': 'steplab hit a bug it did not expect: {stack}\nPlease report it with the command you ran.',
  'lint.name-lessons': 'steplab lint: name the lessons to check, e.g. "steplab lint lessons/" or "steplab lint lessons/01-namespaces.md"',
  'lint.could-not-check': 'steplab lint: could not check the lessons: {reason}',
  'lint.no-problems': 'no problems found',
  'lint.errors': { one: '{count} error', other: '{count} errors' },
  'lint.warnings': { one: '{count} warning', other: '{count} warnings' },
  'lint.summary': '{errors}, {warnings}',
} as const;
