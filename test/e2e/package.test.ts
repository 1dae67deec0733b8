// The package as npm ships it: packed, installed into a fresh prefix, and used from a folder that is no checkout.
// Slow (a pack, an install, the whole shipped course in two shards), like lessons.test.ts.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/process/spawn.ts';
import { sandboxUnavailable } from '../integration/host-state.ts';

const repo = join(import.meta.dirname, '../..');
const SYSTEM_CAS = '/etc/ssl/certs/ca-certificates.crt';
const skip = await sandboxUnavailable();
if (skip) console.warn(`skipping the installed package's verify runs: ${skip}`);

/** The version of the distribution's node when it is older than steplab needs (Debian 12's is 18), else undefined. */
const olderNode = await (async (): Promise<string | undefined> => {
  if (!existsSync('/usr/bin/node')) return undefined;
  const version = (await runCommand('/usr/bin/node', ['--version'])).stdout.trim();
  const [major = 0, minor = 0] = version.slice(1).split('.').map(Number);
  return major < 22 || (major === 22 && minor < 18) ? version : undefined;
})();
if (olderNode === undefined) console.warn('skipping the older-node test of the installed package: /usr/bin/node is missing or new enough');

/** The ids of the shipped course's lessons, read from their front matter. */
const shippedIds = readdirSync(join(repo, 'lessons'))
  .filter((f) => /^\d+-.*\.md$/.test(f))
  .map((f) => /^id: *(\S+)/m.exec(readFileSync(join(repo, 'lessons', f), 'utf8'))?.[1]);

let tmp: string;
let prefix: string;
let work: string;

/** steplab as a user with the package installed runs it: from PATH, in a folder of their own. */
const steplab = (args: string[], timeoutMs = 120_000) =>
  runCommand('steplab', args, { cwd: work, timeoutMs, env: { CI: 'true', PATH: [join(prefix, 'bin'), dirname(process.execPath), process.env.PATH].join(delimiter) } });

/** The testsuite names of a JUnit file, in order. */
const suites = async (file: string): Promise<string[]> => [...(await readFile(file, 'utf8')).matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1] as string);

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'steplab-package-'));
  prefix = join(tmp, 'prefix');
  work = join(tmp, 'elsewhere');
  await mkdir(work);
  // Node's own builds trust only their compiled-in CAs; a TLS-inspecting proxy's CA is in the system's store
  // (scripts/install-lab.sh sets the same for ./setup, but a new shell does not have it).
  const ca: Record<string, string> = process.env.NODE_EXTRA_CA_CERTS === undefined && existsSync(SYSTEM_CAS) ? { NODE_EXTRA_CA_CERTS: SYSTEM_CAS } : {};
  const packed = await runCommand('npm', ['pack', '--pack-destination', tmp], { cwd: repo, timeoutMs: 180_000, env: ca });
  expect(packed.exitCode, packed.stderr).toBe(0);
  const tarball = join(tmp, packed.stdout.trim().split('\n').at(-1) as string);
  const installed = await runCommand('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: tmp, timeoutMs: 420_000, env: ca });
  expect(installed.exitCode, installed.stderr).toBe(0);
}, 600_000);

describe('the installed package', () => {
  it('ships JavaScript with source maps and the files the code reads beside it, and no TypeScript', () => {
    const pkg = join(prefix, 'lib/node_modules/steplab');
    expect(existsSync(join(pkg, 'src'))).toBe(false);
    for (const file of ['dist/cli/main.js', 'dist/cli/main.js.map', 'dist/sandbox/scripts/init.sh', 'dist/sandbox/scripts/shell.sh', 'dist/init/template/github-workflow.yml', 'docker/Dockerfile', 'vagrant/Vagrantfile', 'docs/lesson-format.md', 'lessons/01-network-namespaces.md']) {
      expect(existsSync(join(pkg, file)), file).toBe(true);
    }
  });

  it('answers --help from an unrelated folder', async () => {
    const r = await steplab(['--help']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('steplab init [DIR]');
    expect(r.exitCode).toBe(0);
  });

  it.skipIf(olderNode === undefined)('says clearly which Node it needs when started by an older one', async () => {
    const version = olderNode as string;
    // With no newer node to hand over to (or that one already tried), it says what it needs.
    const r = await runCommand('/usr/bin/node', [join(prefix, 'bin/steplab'), '--help'], { cwd: work, env: { STEPLAB_NODE_RETRIED: '1' } });
    expect(r.stderr).toContain(`steplab needs Node 22.18 or newer (this is ${version})`);
    expect(r.exitCode).toBe(1);
    // With the Node 22 that ./setup installs beside it, the older node hands over and steplab runs.
    if (existsSync('/usr/local/bin/node') || existsSync('/opt/node22/bin/node')) {
      const handed = await runCommand('/usr/bin/node', [join(prefix, 'bin/steplab'), '--help'], { cwd: work });
      expect(handed.stdout).toContain('steplab — learn container networking');
      expect(handed.exitCode).toBe(0);
    }
  });

  it('offers the shipped course outside a course folder and names its lessons as networking/NN', async () => {
    const all = await steplab(['lint']);
    expect(all.stderr).toContain('using the course that ships with steplab');
    expect(all.exitCode, all.stdout).toBe(0);
    const one = await steplab(['lint', 'networking/07']);
    expect(one.exitCode, one.stdout).toBe(0);
    const none = await steplab(['lint', 'networking/99']);
    expect(none.stderr).toContain('"networking/99" names no lesson of the course that ships with steplab');
    expect(none.exitCode).toBe(2);
  });
});

describe.skipIf(skip)('the installed package runs lessons', () => {
  it('scaffolds a course that lints and verifies as created', { timeout: 300_000 }, async () => {
    const init = await steplab(['init', 'course']);
    expect(init.exitCode, init.stderr).toBe(0);
    const lint = await steplab(['lint', 'course']);
    expect(lint.stdout.trimEnd()).toBe('no problems found');
    expect(lint.exitCode).toBe(0);
    const verify = await steplab(['verify', 'course'], 240_000);
    expect(verify.stdout.trimEnd().split('\n').at(-1), verify.stdout + verify.stderr).toBe('1 passed, 0 failed');
    expect(verify.exitCode).toBe(0);
  });

  it('verifies the shipped course in two shards whose JUnit reports hold every lesson exactly once', { timeout: 1_500_000 }, async () => {
    const reports = [];
    for (const shard of ['1/2', '2/2']) {
      const output = join(tmp, `junit-${shard.replace('/', '-of-')}.xml`);
      const r = await steplab(['verify', '--shard', shard, '--jobs', '2', '--reporter', 'junit', '--output', output], 720_000);
      expect(r.stderr).toContain(`Shard ${shard}: `);
      expect(r.exitCode, r.stdout).toBe(0);
      reports.push(await suites(output));
    }
    const [first = [], second = []] = reports;
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect([...first, ...second].toSorted()).toEqual(shippedIds.toSorted());
    const merged = await steplab(['merge-junit', '--output', join(tmp, 'junit.xml'), join(tmp, 'junit-1-of-2.xml'), join(tmp, 'junit-2-of-2.xml')]);
    expect(merged.exitCode, merged.stderr).toBe(0);
    expect((await suites(join(tmp, 'junit.xml'))).toSorted()).toEqual(shippedIds.toSorted());
  });
});
