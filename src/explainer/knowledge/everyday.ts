// Everyday text and file tools a lesson pipes output through.

import type { OptionSpec, PositionalSpec, Tool } from '../types.ts';

const FILES: PositionalSpec = { meaning: 'the file {value}', value: { name: 'FILE', bind: 'file' }, repeat: true };
const LINES = (what: string): OptionSpec => ({ names: ['-n', '--lines'], meaning: `${what} {value:line}`, value: { name: 'N', bind: 'lines' } });

export const EVERYDAY_TOOLS: readonly Tool[] = [
  {
    names: ['grep', 'egrep'],
    meaning: 'prints the lines that match a pattern',
    summary: ['keeps only lines matching "{pattern}"'],
    options: [
      { names: ['-q', '--quiet'], meaning: 'prints nothing; the exit status says whether a line matched' },
      { names: ['-v', '--invert-match'], meaning: 'keeps the lines that do not match' },
      { names: ['-i', '--ignore-case'], meaning: 'ignores case' },
      { names: ['-E', '--extended-regexp'], meaning: 'extended regular expressions (| + ? without backslashes)' },
      { names: ['-F', '--fixed-strings'], meaning: 'the pattern is plain text, not a regular expression' },
      { names: ['-o', '--only-matching'], meaning: 'prints only the matching part' },
      { names: ['-c', '--count'], meaning: 'prints how many lines match' },
      { names: ['-w', '--word-regexp'], meaning: 'matches whole words only' },
      { names: ['-x', '--line-regexp'], meaning: 'matches whole lines only' },
      { names: ['-n', '--line-number'], meaning: 'prints line numbers' },
      { names: ['-r', '--recursive'], meaning: 'searches directories too' },
      { names: ['-A', '--after-context'], meaning: 'with {value:line} after each match', value: { name: 'N' } },
      { names: ['-B', '--before-context'], meaning: 'with {value:line} before each match', value: { name: 'N' } },
      { names: ['-C', '--context'], meaning: 'with {value:line} around each match', value: { name: 'N' } },
      { names: ['-e', '--regexp'], meaning: 'the pattern {value}', value: { name: 'PATTERN', bind: 'pattern' } },
      { names: ['-m', '--max-count'], meaning: 'stops after {value:match}', value: { name: 'N' } },
    ],
    positionals: [{ meaning: 'the pattern: {value}', value: { name: 'PATTERN', bind: 'pattern' } }, FILES],
  },
  {
    names: ['awk'],
    meaning: 'runs a small program on each line (fields are $1, $2, …)',
    summary: ['runs the awk program {program}'],
    options: [
      { names: ['-F'], meaning: 'splits fields at {value}', value: { name: 'SEP' } },
      { names: ['-v'], meaning: 'sets the awk variable {value}', value: { name: 'VAR=VALUE' } },
    ],
    positionals: [{ meaning: 'the awk program: {value}', value: { name: 'PROGRAM', bind: 'program' } }, FILES],
  },
  {
    names: ['sed'],
    meaning: 'edits text line by line',
    summary: ['edits text with {script}'],
    options: [
      { names: ['-n', '--quiet'], meaning: 'prints only what the script prints' },
      { names: ['-E', '-r'], meaning: 'extended regular expressions' },
      { names: ['-i', '--in-place'], meaning: 'edits the files in place' },
      { names: ['-e', '--expression'], meaning: 'the script {value}', value: { name: 'SCRIPT', bind: 'script' } },
    ],
    positionals: [{ meaning: 'the sed script: {value}', value: { name: 'SCRIPT', bind: 'script' } }, FILES],
  },
  { names: ['head'], meaning: 'prints the first lines', summary: ['keeps the first {lines} lines', 'keeps the first 10 lines'], options: [LINES('the first'), { names: ['-c', '--bytes'], meaning: 'the first {value:byte}', value: { name: 'N' } }], positionals: [FILES] },
  { names: ['tail'], meaning: 'prints the last lines', summary: ['keeps the last {lines} lines', 'keeps the last 10 lines'], options: [LINES('the last'), { names: ['-f', '--follow'], meaning: 'keeps printing lines as they are added' }, { names: ['-c', '--bytes'], meaning: 'the last {value:byte}', value: { name: 'N' } }], positionals: [FILES] },
  { names: ['wc'], meaning: 'counts lines, words and bytes', summary: ['counts'], options: [{ names: ['-l', '--lines'], meaning: 'counts lines' }, { names: ['-w', '--words'], meaning: 'counts words' }, { names: ['-c', '--bytes'], meaning: 'counts bytes' }], positionals: [FILES] },
  { names: ['sort'], meaning: 'sorts lines', summary: ['sorts lines'], options: [{ names: ['-n', '--numeric-sort'], meaning: 'by number' }, { names: ['-u', '--unique'], meaning: 'drops duplicates' }, { names: ['-r', '--reverse'], meaning: 'in reverse' }, { names: ['-k', '--key'], meaning: 'by field {value}', value: { name: 'KEY' } }, { names: ['-t'], meaning: 'fields split at {value}', value: { name: 'SEP' } }], positionals: [FILES] },
  { names: ['uniq'], meaning: 'drops repeated adjacent lines', summary: ['drops repeated lines'], options: [{ names: ['-c', '--count'], meaning: 'prints how often each occurs' }], positionals: [FILES] },
  { names: ['cut'], meaning: 'prints selected fields of each line', summary: ['keeps field {fields}'], options: [{ names: ['-d', '--delimiter'], meaning: 'fields split at {value}', value: { name: 'SEP' } }, { names: ['-f', '--fields'], meaning: 'keeps field(s) {value}', value: { name: 'LIST', bind: 'fields' } }, { names: ['-c', '--characters'], meaning: 'keeps characters {value}', value: { name: 'LIST' } }], positionals: [FILES] },
  { names: ['tr'], meaning: 'translates or deletes characters', summary: ['translates characters'], options: [{ names: ['-d', '--delete'], meaning: 'deletes the characters' }, { names: ['-s', '--squeeze-repeats'], meaning: 'squeezes repeats' }], positionals: [{ meaning: 'the characters {value}', value: { name: 'SET' } }, { meaning: 'replaced by {value}', value: { name: 'SET' } }] },
  { names: ['tee'], meaning: 'copies its input to files and to its output', summary: ['copies its input to {file}'], options: [{ names: ['-a', '--append'], meaning: 'appends to the files' }], positionals: [FILES] },
  { names: ['jq'], meaning: 'picks from JSON', summary: ['picks {filter} from JSON'], options: [{ names: ['-r', '--raw-output'], meaning: 'prints strings without quotes' }, { names: ['-c', '--compact-output'], meaning: 'one line per value' }, { names: ['-e', '--exit-status'], meaning: 'fails when the result is null or false' }], positionals: [{ meaning: 'the jq filter {value}', value: { name: 'FILTER', bind: 'filter' } }, FILES] },
  { names: ['xargs'], meaning: 'runs a command with its input lines as arguments', summary: ['for its input: {command}'], options: [{ names: ['-n'], meaning: '{value} arguments per run', value: { name: 'N' } }, { names: ['-I'], meaning: 'replaces {value} in the command with each input line', value: { name: 'TOKEN' } }, { names: ['-r', '--no-run-if-empty'], meaning: 'runs nothing when the input is empty' }], rest: { kind: 'command', meaning: 'the command' } },
  { names: ['ls'], meaning: 'lists files', summary: ['lists {file}', 'lists files'], options: [{ names: ['-l'], meaning: 'long format' }, { names: ['-a', '--all'], meaning: 'hidden files too' }, { names: ['-d', '--directory'], meaning: 'directories themselves, not their contents' }, { names: ['-h'], meaning: 'sizes with units' }, { names: ['-1'], meaning: 'one per line' }], positionals: [FILES] },
  { names: ['mkdir'], meaning: 'creates directories', summary: ['creates {file}'], options: [{ names: ['-p', '--parents'], meaning: 'with their parents, and no error if they exist' }], positionals: [FILES] },
  { names: ['rm'], meaning: 'removes files', summary: ['removes {file}'], options: [{ names: ['-f', '--force'], meaning: 'no error if missing, no questions' }, { names: ['-r', '-R', '--recursive'], meaning: 'directories and their contents too' }], positionals: [FILES] },
  { names: ['touch'], meaning: 'creates empty files (or updates their times)', summary: ['creates {file}'], positionals: [FILES] },
  { names: ['readlink'], meaning: 'prints where a symbolic link points', summary: ['shows where {file} points'], options: [{ names: ['-f', '--canonicalize'], meaning: 'follows every link to the end' }], positionals: [FILES] },
  { names: ['stat'], meaning: 'prints a file\'s details', summary: ['shows details of {file}'], options: [{ names: ['-c', '--format'], meaning: 'in the format {value}', value: { name: 'FORMAT' } }, { names: ['-L', '--dereference'], meaning: 'follows symbolic links' }], positionals: [FILES] },
  { names: ['clear'], meaning: 'clears the terminal', summary: ['clears the terminal'] },
];
