// The English catalogue: every message steplab shows, assembled from one file per domain (en/*.ts). The source of truth for keys and placeholders.

import type { Catalogue } from './catalogue.ts';
import { cli } from './en/cli.ts';
import { help } from './en/help.ts';
import { report } from './en/report.ts';
import { ui } from './en/ui.ts';

export const en = {
  ...cli,
  ...help,
  ...report,
  ...ui,
} as const satisfies Catalogue;

export type Messages = typeof en;
