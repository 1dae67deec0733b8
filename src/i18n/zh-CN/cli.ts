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
  'run.not-interactive': '{command} 需要在每一步询问你怎么做，但这里不行：{why}。要无人值守地运行课程，请用 `steplab verify {what}`。',
  'run.why-ci': '设置了 CI',
  'run.why-stdin': '它的输入不是终端',
  'run.why-stdout': '它的输出不是终端',
  'run.fix-lessons': { other: '请先修正上面的课程（`steplab lint` 会列出每个问题），然后再运行。' },
  'run.shell': '实验环境中的 shell：随便试试，输入 exit 返回。',
  'verify.shard': '分片 {index}/{shards}：{total} 课中的 {count} 课。',
  'verify.no-lessons': '在 {where} 中没有找到课程。课程文件的名字形如 01-namespaces.md。',
  'progress.done': '已学完',
  'progress.step': '第 {number}/{total} 步',
  'progress.not-started': '未开始',
  'progress.just-now': '刚刚',
  'progress.when': '，{ago}',
  'reset.nothing': '{what} 没有可清除的进度。',
  'reset.one': '已清除你在 {what} 中的进度；现在从第一步开始。',
  'reset.all': '已清除你在 {where} 的 {count} 课中的进度；现在都从第一步开始。',
  'reset.nothing-all': '{where} 的 {count} 课中没有可清除的进度。',
};
