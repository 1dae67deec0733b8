// The Simplified Chinese catalogue, assembled from zh-CN/*.ts; a key missing from a domain file fails typecheck.

import type { TranslationOf } from './catalogue.ts';
import type { Messages } from './en.ts';
import { cli } from './zh-CN/cli.ts';
import { help } from './zh-CN/help.ts';
import { report } from './zh-CN/report.ts';
import { ui } from './zh-CN/ui.ts';

export const zhCN: TranslationOf<Messages> = {
  ...cli,
  ...help,
  ...report,
  ...ui,
};
