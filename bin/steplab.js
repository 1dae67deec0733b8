#!/usr/bin/env node
// Entry point: runs the JavaScript that `npm run build` put in dist/ (the installed package ships no src/), or
// in a checkout whose sources changed since that build, the TypeScript sources with Node's type stripping
// (a stale dist/ never runs: bin/build-stamp.js). ./setup builds dist/; type stripping costs some 200 ms a start.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { distIsCurrent } from './build-stamp.js';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  // An older node came first on PATH: run again with the one ./setup installs, if it is there.
  const found = ['/usr/local/bin/node', '/opt/node22/bin/node'].find((n) => n !== process.execPath && existsSync(n));
  const r = found && !process.env.STEPLAB_NODE_RETRIED && spawnSync(found, process.argv.slice(1), { stdio: 'inherit', env: { ...process.env, STEPLAB_NODE_RETRIED: '1' } });
  if (r && r.status !== null) process.exit(r.status);
  console.error(`steplab needs Node 22.18 or newer (this is ${process.version}). Install it with ./setup, or: sudo npm i -g --prefix /usr/local node-${process.platform}-${process.arch}@22`);
  process.exit(1);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const fromSource = existsSync(new URL('../src/cli/main.ts', import.meta.url)) && !distIsCurrent(root);
if (fromSource && !process.features.typescript) {
  // Type stripping switched off (e.g. --no-experimental-strip-types): run again with it on.
  const r = spawnSync(process.execPath, ['--experimental-strip-types', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
// Node announces type stripping as experimental on every run; keep every other warning.
process.removeAllListeners('warning');
process.on('warning', (w) => { if (w.name !== 'ExperimentalWarning') console.error(`${w.name}: ${w.message}`); });
// A reader that stops early (`steplab lint | head`) closes the pipe: end quietly, as a process killed by SIGPIPE does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(141);
    throw error;
  });
}
// A bug's stack trace points into the TypeScript sources (dist/ carries source maps).
if (!fromSource) process.setSourceMapsEnabled(true);
const { main } = await import(fromSource ? '../src/cli/main.ts' : '../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
