import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { initCommand } from '../../../src/cli/commands/init.ts';
import type { Io } from '../../../src/cli/io.ts';
import { unexplainedCommands } from '../../../src/explainer/lint-rule.ts';
import { loadCourse } from '../../../src/course/load.ts';
import { lintPaths } from '../../../src/course/lint-paths.ts';
import manifest from '../../../package.json' with { type: 'json' };

/** An Io whose output is collected. */
function fakeIo(): Io & { out: () => string } {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk) => (text += String(chunk)));
  return { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: {}, out: () => text };
}

describe('steplab init', () => {
  it('makes a lesson with a challenge, a README and a CI workflow, and says what it made', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'steplab-init-')), 'course');
    const io = fakeIo();
    expect(await initCommand([dir], io)).toBe(0);
    expect(io.out()).toContain(`created ${join(dir, 'lessons/01-first-namespace.md')}`);
    expect(io.out()).toContain(`created ${join(dir, '.github/workflows/steplab.yml')}`);

    const course = await loadCourse([join(dir, 'lessons')]);
    expect(course.problems).toEqual([]);
    const steps = course.lessons[0]?.steps ?? [];
    expect(steps.filter((s) => s.challenge).map((s) => s.title)).toEqual(['Challenge: bring loopback up']);
    expect(await lintPaths([join(dir, 'lessons')], [unexplainedCommands])).toEqual([]);

    const readme = await readFile(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain(`npm install -g steplab@${manifest.version}`);
    expect(readme).toContain('steplab run lessons/01-first-namespace.md');
  });

  it('writes a workflow for Ubuntu runners that lifts the AppArmor user-namespace restriction and says why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'steplab-init-'));
    expect(await initCommand([dir], fakeIo())).toBe(0);
    const text = await readFile(join(dir, '.github/workflows/steplab.yml'), 'utf8');
    const workflow = parseYaml(text) as { jobs: { verify: { 'runs-on': string; steps: { run?: string; name?: string }[]; strategy: { matrix: { shard: string[] } } } } };
    const job = workflow.jobs.verify;
    expect(job['runs-on']).toMatch(/^ubuntu-/);
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('sysctl -w kernel.apparmor_restrict_unprivileged_userns=0');
    expect(runs).toContain(`npm install -g steplab@${manifest.version}`);
    expect(runs).toMatch(/steplab verify lessons --shard \$\{\{ matrix\.shard \}\} --reporter junit/);
    expect(job.strategy.matrix.shard).toEqual(['1/1']);
    expect(text).toMatch(/# Why: .*namespaces[\s\S]*AppArmor[\s\S]*sudo/);
  });

  it('never overwrites: a folder that already holds one of its files is refused before anything is written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'steplab-init-'));
    await writeFile(join(dir, 'README.md'), 'mine\n');
    await expect(initCommand([dir], fakeIo())).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('README.md already exists') });
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('mine\n');
    await expect(readFile(join(dir, 'lessons/01-first-namespace.md'))).rejects.toThrow(/ENOENT/);
  });

  it('takes at most one folder', async () => {
    await expect(initCommand(['a', 'b'], fakeIo())).rejects.toMatchObject({ code: 'USAGE', message: 'init takes one folder, not 2' });
  });
});
