// `steplab lint --lang zh-CN`: the lesson parser's problems in Chinese, with file:line:col and the author's words untouched.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/process/spawn.ts';

const BIN = join(import.meta.dirname, '../../../bin/steplab.js');

// Three mistakes: an unknown front-matter field (line 5), a bad attribute (line 10), a bad check line (line 15).
const LESSON = [
  '---', 'format: 1', 'id: zh-lint', 'title: 测试', 'tiemout: 5s', '---', '',
  '## 第一步', '', '```sh {tiemout=5s}', 'ip netns add red', '```', '',
  '```check', 'netns red exist', '```', '',
].join('\n');

describe('steplab lint in Chinese', () => {
  it('says each parser problem in Chinese under --lang zh-CN and LANG=zh_CN.UTF-8, keeping file:line:col', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'steplab-lint-zh-'));
    const file = join(dir, '01-zh.md');
    await writeFile(file, LESSON);
    const expected = [
      `${file}:5:1: error: 未知的前置元数据字段 "tiemout"（是不是想写 "timeout"？）；可用的字段有 format, id, title, summary, lang, translated-from, requires, world, timeout`,
      `${file}:10:8: error: sh 代码块没有属性 "tiemout"（是不是想写 "timeout"？）；sh 接受的属性有 timeout, background, exit 和 ready`,
      `${file}:15:11: error: "netns red" 后面应是："exists" 或 "is absent"，实际是 "exist"`,
      '3 个错误，0 个警告',
      '',
    ].join('\n');

    const flag = await runCommand(process.execPath, [BIN, 'lint', '--lang', 'zh-CN', file], { timeoutMs: 50_000, env: { LANG: 'C', LC_ALL: '' } });
    expect(flag.stdout).toBe(expected);
    expect(flag.exitCode).toBe(1);

    const env = await runCommand(process.execPath, [BIN, 'lint', file], { timeoutMs: 50_000, env: { LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
    expect(env.stdout).toBe(expected);

    const english = await runCommand(process.execPath, [BIN, 'lint', file], { timeoutMs: 50_000, env: { LANG: 'C', LC_ALL: '' } });
    expect(english.stdout.split('\n')[2]).toBe(`${file}:15:11: error: expected "exists" or "is absent" after "netns red", found "exist"`);
  });
});
