// 简体中文：`steplab doctor`（src/cli/commands/doctor.ts）。每行是 `标签：内容`。

import type { TranslationOf } from '../catalogue.ts';
import type { doctor as en } from '../en/doctor.ts';

export const doctor: TranslationOf<typeof en> = {
  'doctor.label.target': '目标',
  'doctor.label.sandbox': '沙箱',
  'doctor.label.tool': '工具',
  'doctor.label.fix': '修复',
  'doctor.label.internet': '模拟互联网',
  'doctor.label.ids': '用户 id',
  'doctor.label.verdict': '结论',
  'doctor.sandbox-ready': '已就绪，用时 {ms} ms',
  'doctor.sandbox-cannot-start': '无法启动：{reason}',
  'doctor.problem.sandbox': '沙箱无法启动',
  'doctor.tool-missing': '缺失（PATH、/usr/local/sbin、/usr/sbin 和 /sbin 中都没有）',
  'doctor.tool-unusable': '已安装，但无法在沙箱中运行（见下文）',
  'doctor.fix-here': './setup，或 sudo apt-get install {packages}',
  'doctor.fix-target': '在 {target} 目标上安装 {packages}',
  'doctor.problem.missing': { other: '缺少 {tools}' },
  'doctor.internet-ok': '模拟互联网有应答（http://198.51.100.10/ 返回 200）',
  'doctor.internet-down': '模拟互联网没有应答（curl：{detail}）',
  'doctor.problem.internet': '模拟互联网没有应答',
  'doctor.ids-own': '实验环境中的 root 在外面就是你自己的用户 id（{outside}），没有映射其他 id',
  'doctor.ids-range-root': '实验环境中的 root 在外面是 id {outside}；实验环境的 id 0-{last} 对应外面的 {outside}-{end}，/etc/subuid 或 /etc/subgid 中没有条目覆盖这个范围',
  'doctor.ids-range': '实验环境中的 root 在外面是 id {outside}；实验环境的 id 0-{last} 对应外面的 {outside}-{end}，即你的从属 id',
  'doctor.problem.unusable': '{tool} 无法在沙箱中运行（修复方法见上文）；需要它的课程会在第一步之前停止',
  'doctor.ready': '就绪：所有工具都在，沙箱在 {target} 目标上可以运行',
  'doctor.not-ready': '未就绪：{problems}',
  'doctor.separator': '；',
};
