// 简体中文：`steplab --help` 与各命令的 `--help`（src/cli/help.ts）。命令、选项和参数名保持原样。

import type { TranslationOf } from '../catalogue.ts';
import type { help as en } from '../en/help.ts';

export const help: TranslationOf<typeof en> = {
  'help.main': `steplab —— 在真实的 Linux 内核上动手学习容器网络

用法：
  steplab [COURSE]                从 ./lessons（或 COURSE）中选择一课，逐步学习
  steplab run LESSON [--step N]   逐步学习一课（课程文件，或它在课程中的编号或 id）
  steplab progress [COURSE]       查看每一课的学习进度
  steplab reset [LESSON]          清除某一课或整个课程的学习进度
  steplab verify [PATH…]          无人值守地运行课程；全部通过才以 0 退出
  steplab lint [PATH…]            以 file:line:col 的形式报告课程中的问题
  steplab topology LESSON.md      画出某一步之后的课程网络拓扑
  steplab doctor                  检查本机允许做什么
  steplab init [DIR]              创建自己的课程：一课示例、一份 README 和一个 CI 工作流
  steplab merge-junit FILE…       合并分片 verify 运行产生的 JUnit 文件（-o FILE，否则输出到 stdout）

不在课程目录中时，COURSE 和 LESSON 可以指 steplab 自带的课程：networking、networking/07。
运行 \`steplab COMMAND --help\` 查看某个命令的选项。每个命令都接受 --lang en|zh-CN
（默认取自 LC_ALL、LC_MESSAGES 或 LANG；zh_CN.UTF-8 使用简体中文）。
某一步的命令运行时，Ctrl-C 只会停止这些命令，然后询问：重试、重置这一步、打开 shell、跳过还是退出。
`,
  'help.run': `用法：steplab run LESSON [options]
      steplab [COURSE] [options]

在全新的沙箱中逐步学习一课；需要终端（脚本和 CI 中请用 \`steplab verify\`）。
LESSON 是课程文件，或它在课程目录（./lessons，或 --course）中的编号或 id。
给出课程目录（或什么都不给）时，从显示学习进度的列表中选择一课。

选项：
      --step N|ID       从第 N 步（从 1 开始）或 id 为 ID 的一步开始：之前的步骤会重新执行
      --start-over      清除这一课的进度，从第一步开始
  -c, --course DIR      课程目录（默认：./lessons）
  -t, --target NAME     sandbox（默认）| docker | vagrant | auto
      --no-changes      不记录每一步在内核中引起的变化
      --lang L          界面语言：en | zh-CN（默认取自 LANG）

某一步的命令运行时按 Ctrl-C，只会停止这些命令，显示已运行的内容并询问：重试、重置这一步
（全新的实验环境，重建到这一步开始时的状态）、打开 shell、跳过还是退出。在菜单中按 Ctrl-C 则退出。
`,
  'help.progress': `用法：steplab progress [COURSE]

列出课程（./lessons，或 COURSE）的每一课及你的进度：学到了哪一步、已学完或尚未开始，
以及上次学习的时间。
`,
  'help.reset': `用法：steplab reset [LESSON] [-c DIR]

清除 LESSON（课程文件，或它在课程中的编号或 id）的学习进度；不指定时，清除整个课程
（./lessons，或 --course DIR）中每一课的进度。
`,
  'help.verify': `用法：steplab verify [PATH…] [options]

无人值守地运行课程，每一课在自己的沙箱中：每一步的命令、挑战的参考答案以及每一项检查。
全部通过才以 0 退出。不记录学习进度。PATH 为 lessons 时不会运行 lessons/zh-CN 中的译文；
要运行译文，请写 lessons/zh-CN。

选项：
  -t, --target NAME   sandbox（默认）| docker | vagrant | auto
  -j, --jobs N        并行运行的课程数
  -r, --reporter R    plain（默认）| junit | json
  -o, --output FILE   junit/json 输出到哪里
      --keep-going    某一步失败后仍运行之后的每一步，并报告每一项失败的检查
      --shard K/N     只运行课程的 N 份中的第 K 份（每个 CI 任务一份）
      --no-changes    不记录每一步在内核中引起的变化
      --against docker  在实验环境中用真正的 Docker 引擎运行每一步的 docker 代码块，
                      并用这一步的检查来判断（需要 root）
      --engine DIR    与 --against docker 一起用：优先使用 DIR 中的 dockerd、containerd…
                      （或 STEPLAB_DOCKER_ENGINE=DIR）
`,
  'help.init': `用法：steplab init [DIR]

在 DIR（默认：当前目录）中创建自己的课程：lessons/01-first-namespace.md（一课可以运行、
带有挑战的小课程）、一份 README 和一个 CI 工作流。不会覆盖已有文件。
`,
  'help.merge-junit': `用法：steplab merge-junit FILE… [-o FILE]

把 \`steplab verify --shard K/N --reporter junit\` 多次运行的 JUnit 报告合并为一份
（输出到 FILE，否则到 stdout）；两份报告包含同一课时拒绝合并。
`,
  'help.lint': `用法：steplab lint [PATH…]

以 file:line:col 的形式报告课程文件中的问题；有错误时以 1 退出。
译文（lessons/zh-CN/NN-x.md，lang: zh-CN）会与英文原文比较：步骤、命令代码块和检查必须逐字节一致。
课程目录的译文会一起检查：\`steplab lint lessons\` 也会检查 lessons/zh-CN。
`,
  'help.topology': `用法：steplab topology LESSON.md [options]

无人值守地运行一课直到某一步，并画出它的网络拓扑。

选项：
      --step N|ID     在哪一步之后（默认：最后一步）
  -f, --format F      ascii（默认）| dot | mermaid
  -t, --target NAME   sandbox（默认）| docker | vagrant | auto
`,
  'help.doctor': `用法：steplab doctor [-t TARGET]

检查本机（或某个目标）允许做什么：命名空间，以及课程需要的工具。
`,
};
