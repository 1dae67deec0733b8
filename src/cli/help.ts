// What `steplab --help` and `steplab COMMAND --help` print, in the run's language (the texts are in src/i18n/*/help.ts).

import { english, type MessageKey, type Translate } from '../i18n/index.ts';

const COMMANDS: Readonly<Record<string, MessageKey>> = {
  run: 'help.run',
  progress: 'help.progress',
  reset: 'help.reset',
  verify: 'help.verify',
  init: 'help.init',
  'merge-junit': 'help.merge-junit',
  lint: 'help.lint',
  topology: 'help.topology',
  doctor: 'help.doctor',
};

/** The help of one command, or the general help. */
export function helpText(command: string | undefined, t: Translate = english.t): string {
  const key = command === undefined ? undefined : COMMANDS[command];
  return t((key ?? 'help.main') as 'help.main');
}
