// 简体中文：lint 对照原文检查译文时的话（src/lesson/translation.ts、translation-lint.ts）。

import type { TranslationOf } from '../catalogue.ts';
import type { translation as en } from '../en/translation.ts';

export const translation: TranslationOf<typeof en> = {
  'translation.id': 'id "{id}" 与原文（{original}）的 "{expected}" 不同；译文要沿用原文的 id，这样两者才能共享学习进度',
  'translation.field': '{field} 与原文（{original}）不同；译文要保持 {field} 不变：{value}',
  'translation.unknown-step': '步骤 "{title}" 的 id 是 "{id}"，原文（{original}）中没有这样的步骤；请在标题末尾写上原文步骤的 id，例如 "## {title} {suggestion}"',
  'translation.missing-step': '缺少原文的步骤 "{title}"（{original}:{line}）；请翻译它，标题以 {suggestion} 结尾',
  'translation.order': '步骤的顺序与原文（{original}）不同：原文是 {ids}；请按这个顺序排列',
  'translation.owner-step': '步骤 {id}',
  'translation.owner-intro': '引言',
  'translation.block-count': { other: '{owner} 有 {count} 个 {kind} 代码块，原文有 {expected} 个（{where}）；请从那里复制' },
  'translation.part-code': '代码',
  'translation.part-attributes': '属性',
  'translation.block-differs': '{owner} 的第 {nth} 个 {kind} 代码块与原文（{where}）不同（{part}）；请逐字节复制：只翻译正文、标题和提示',
  'translation.check-extra': '步骤 {id} 有一项原文没有的检查（"{check}"）（{where}）；译文的检查就是原文的检查，逐字节一致',
  'translation.check-missing': '步骤 {id} 缺少原文的检查 "{check}"（{where}）；译文的检查就是原文的检查，逐字节一致',
  'translation.check-differs': '步骤 {id} 写的是 "{check}"，原文是 "{expected}"（{where}）；译文的检查就是原文的检查，逐字节一致',
  'translation.no-from': '译文要注明它译自哪个版本的原文：与 {original} 一致后，在 front matter 中加上 "translated-from: {fingerprint}"',
  'translation.stale': '译自较旧的 {original}：原文的步骤、代码块或检查此后有改动（translated-from {was}，现在是 {now}）；用 `git log -p {original}` 查看改动，更新译文的正文和代码块，然后写上 "translated-from: {now}"',
  'translation.no-original': '译文的原文应是上一级目录中同名的文件，但 {original} 不存在；请让文件名与所译的课程一致',
  'translation.broken-original': '原文 {original} 有错误，无法与这篇译文比较；请先修正原文（steplab lint {original}）',
};
