// The Simplified Chinese catalogue, assembled from zh-CN/*.ts; a key missing from a domain file fails typecheck.

import type { TranslationOf } from './catalogue.ts';
import type { Messages } from './en.ts';
import { assert } from './zh-CN/assert.ts';
import { cli } from './zh-CN/cli.ts';
import { diff } from './zh-CN/diff.ts';
import { doctor } from './zh-CN/doctor.ts';
import { explain } from './zh-CN/explain.ts';
import { help } from './zh-CN/help.ts';
import { lint } from './zh-CN/lint.ts';
import { report } from './zh-CN/report.ts';
import { topology } from './zh-CN/topology.ts';
import { translation } from './zh-CN/translation.ts';
import { ui } from './zh-CN/ui.ts';

export const zhCN: TranslationOf<Messages> = {
  ...cli,
  ...doctor,
  ...help,
  ...lint,
  ...report,
  ...translation,
  ...ui,
  ...explain,
  ...assert,
  ...diff,
  ...topology,
};
