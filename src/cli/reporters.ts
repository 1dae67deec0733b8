// The reporters a verify run writes to, from its --reporter and --output options.

import { usageError } from '../errors.ts';
import { JsonReporter } from '../report/json.ts';
import { JunitReporter } from '../report/junit.ts';
import { PlainReporter } from '../report/plain.ts';
import type { Reporter } from '../run/events.ts';
import type { Options } from './args.ts';
import type { Io } from './io.ts';
import { cliTranslator } from './lang.ts';

/** The plain log always (to stderr when a machine format takes stdout); JUnit or JSON when asked for. */
export function makeReporters(options: Options, io: Io): Reporter[] {
  const kind = options.reporter ?? 'plain';
  if (!['plain', 'junit', 'json'].includes(kind)) throw usageError(`unknown reporter "${kind}"`, 'Use --reporter plain, junit or json.');
  if (kind === 'junit' && !options.output) throw usageError('--reporter junit needs --output FILE');
  const jsonToStdout = kind === 'json' && !options.output;
  const reporters: Reporter[] = [new PlainReporter({ stream: jsonToStdout ? io.stderr : io.stdout, translator: cliTranslator(options.lang, io.env) })];
  if (kind === 'junit') reporters.push(new JunitReporter(options.output as string));
  if (kind === 'json') reporters.push(new JsonReporter(options.output ?? io.stdout));
  return reporters;
}
