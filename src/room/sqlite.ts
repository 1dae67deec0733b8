// node:sqlite without its one-time "SQLite is an experimental feature" warning (Node 22 prints it on first load);
// every other warning still shows.

const emitWarning = process.emitWarning;
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  if (String(warning instanceof Error ? warning.message : warning).startsWith('SQLite is an experimental feature')) return;
  return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
}) as typeof process.emitWarning;
const sqlite = await import('node:sqlite').finally(() => {
  process.emitWarning = emitWarning;
});

export const DatabaseSync = sqlite.DatabaseSync;
export type DatabaseSync = import('node:sqlite').DatabaseSync;
export type StatementSync = import('node:sqlite').StatementSync;
