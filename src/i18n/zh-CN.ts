// The Simplified Chinese catalogue, assembled from zh-CN/*.ts; a key missing from a domain file fails typecheck.

import type { TranslationOf } from './catalogue.ts';
import type { Messages } from './en.ts';
import { assert } from './zh-CN/assert.ts';
import { diff } from './zh-CN/diff.ts';
import { explain } from './zh-CN/explain.ts';
import { ui } from './zh-CN/ui.ts';

export const zhCN: TranslationOf<Messages> = {
  ...ui,
  ...explain,
  ...assert,
  ...diff,
};
