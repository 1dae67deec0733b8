// The English catalogue: every message steplab shows, assembled from one file per domain (en/*.ts). The source of truth for keys and placeholders.

import type { Catalogue } from './catalogue.ts';
import { assert } from './en/assert.ts';
import { cli } from './en/cli.ts';
import { diff } from './en/diff.ts';
import { doctor } from './en/doctor.ts';
import { explain } from './en/explain.ts';
import { help } from './en/help.ts';
import { lint } from './en/lint.ts';
import { report } from './en/report.ts';
import { topology } from './en/topology.ts';
import { translation } from './en/translation.ts';
import { ui } from './en/ui.ts';

export const en = {
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
} as const satisfies Catalogue;

export type Messages = typeof en;
