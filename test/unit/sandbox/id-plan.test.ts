// How the sandbox maps ids (init.sh's `ids` role), on fixture subuid/subgid files: root's range must meet no entry.

import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/process/spawn.ts';

const INIT = readFileSync(new URL('../../../src/sandbox/scripts/init.sh', import.meta.url), 'utf8');
const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('skipping the id plan\'s cases for root: the tests are not running as root');

describe('the sandbox`s id plan', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'steplab-ids-'));
    await chmod(dir, 0o755);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Write the three files and run the `ids` role on them. */
  async function plan(files: { defs?: string; subuid?: string; subgid?: string }, user?: string): Promise<string> {
    for (const [name, text] of Object.entries({ defs: '', subuid: '', subgid: '', ...files })) await writeFile(join(dir, name), text);
    const argv = ['bash', '-c', INIT, 'steplab', 'ids', join(dir, 'defs'), join(dir, 'subuid'), join(dir, 'subgid')];
    const r = user ? await runCommand('/usr/sbin/runuser', ['-u', user, '--', ...argv]) : await runCommand(argv[0] as string, argv.slice(1));
    expect(r.stderr).toBe('');
    return r.stdout.trim();
  }

  it.skipIf(!asRoot)('gives root a range above what useradd hands out (SUB_UID_MAX), so the first user`s range never collides', async () => {
    expect(await plan({ subuid: 'learner:100000:65536\n', subgid: 'learner:100000:65536\n' })).toBe('root 600113152');
  });

  it.skipIf(!asRoot)('follows a larger SUB_UID_MAX or SUB_GID_MAX from login.defs', async () => {
    expect(await plan({ defs: '# comment\nSUB_UID_MAX 700000000\nSUB_GID_MAX\t800000000\n' })).toBe(`root ${(Math.floor(800000000 / 65536) + 1) * 65536}`);
  });

  it.skipIf(!asRoot)('moves past every subuid or subgid entry that meets the range, however they chain', async () => {
    const subuid = 'a:600113152:10\nc:600113200:100000\n';
    const subgid = '# a comment line\nb:600213100:65536\n';
    expect(await plan({ subuid, subgid })).toBe(`root ${600213100 + 65536}`);
  });

  it.skipIf(!asRoot)('suggests a free range to a user without subordinate ids, as useradd would pick it', async () => {
    const r = await plan({ subuid: 'first:100000:65536\nsecond:165536:65536\n', subgid: 'first:100000:65536\n' }, 'nobody');
    expect(r).toBe('single nobody 231072 no-subids');
  });

  it.skipIf(!asRoot)('uses a user`s own ranges when both files have an entry for it', async () => {
    const both = 'nobody:300000:65536\n';
    expect(await plan({ subuid: both, subgid: both }, 'nobody')).toBe('subordinate');
    expect(await plan({ subuid: both, subgid: '' }, 'nobody')).toMatch(/^single nobody \d+ no-subids$/);
  });
});
