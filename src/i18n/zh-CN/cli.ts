// 简体中文：命令行本身的话（src/cli/main.ts、lint、run 与 verify 的总结）。

import type { TranslationOf } from '../catalogue.ts';
import type { cli as en } from '../en/cli.ts';

export const cli: TranslationOf<typeof en> = {
  'cli.unknown-command': 'steplab：未知命令 "{command}"（也没有这样的文件或目录）',
  'cli.bug': 'steplab 遇到了一个意料之外的错误：{stack}\n请连同你运行的命令一起报告这个问题。',
  'lint.name-lessons': 'steplab lint：请指定要检查的课程，例如 "steplab lint lessons/" 或 "steplab lint lessons/01-namespaces.md"',
  'lint.could-not-check': 'steplab lint：无法检查这些课程：{reason}',
  'lint.no-problems': '没有发现问题',
  'lint.errors': { other: '{count} 个错误' },
  'lint.warnings': { other: '{count} 个警告' },
  'lint.summary': '{errors}，{warnings}',
};
