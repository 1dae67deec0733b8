// Joins the JUnit files of `steplab verify --shard K/N` runs into one report; a lesson in two files is an error.

import { SteplabError } from '../errors.ts';
import { xmlEscape } from './junit.ts';

/** One JUnit file as read: where it came from and its text. */
export interface JunitFile {
  readonly file: string;
  readonly text: string;
}

const SUITE = /^ {2}<testsuite\b[^>]*>[\s\S]*?^ {2}<\/testsuite>$/gm;

/** The value of an attribute in a start tag, or undefined. */
const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** One document holding every file's testsuites, in the order given; throws when a file is not steplab's or a lesson repeats. */
export function mergeJunit(files: readonly JunitFile[]): string {
  const owner = new Map<string, string>();
  const suites: string[] = [];
  let seconds = 0;
  for (const { file, text } of files) {
    const root = /<testsuites\b[^>]*>/.exec(text)?.[0];
    if (root === undefined || attribute(root, 'name') !== 'steplab') {
      throw new SteplabError('USAGE', `${file} is not a JUnit report written by steplab`, 'merge-junit joins the files of `steplab verify --reporter junit --output FILE`.');
    }
    seconds += Number(attribute(root, 'time') ?? 0);
    for (const [suite] of text.matchAll(SUITE)) {
      const name = attribute(suite.slice(0, suite.indexOf('>')), 'name') ?? '';
      const first = owner.get(name);
      if (first !== undefined) {
        throw new SteplabError('USAGE', `lesson "${name}" is in both ${first} and ${file}`, 'Run every shard of one course with the same N (--shard 1/N … N/N), and merge each shard once.');
      }
      owner.set(name, file);
      suites.push(suite);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="steplab" time="${xmlEscape(seconds.toFixed(3))}">\n${suites.map((s) => `${s}\n`).join('')}</testsuites>\n`;
}
