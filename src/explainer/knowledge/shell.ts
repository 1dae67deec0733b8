// The shell itself: redirections, keywords and the builtins a lesson uses.

import type { Tool, Vocabulary } from '../types.ts';
import { SYSCTL_KEYS } from './sysctl.ts';

/** Redirection operators; {target} is the file (or the here-document's end marker). */
export const REDIRECTIONS: Vocabulary = {
  '>': 'writes the output to {target} (replacing what was there)',
  '1>': 'writes the output to {target} (replacing what was there)',
  '>|': 'writes the output to {target}, even over an existing file',
  '>>': 'appends the output to {target}',
  '1>>': 'appends the output to {target}',
  '2>': 'writes error messages to {target}',
  '2>>': 'appends error messages to {target}',
  '&>': 'writes output and error messages to {target}',
  '&>>': 'appends output and error messages to {target}',
  '2>&': 'sends error messages where descriptor {target} goes (1: the output)',
  '>&': 'sends the output where descriptor {target} goes',
  '1>&': 'sends the output where descriptor {target} goes (2: the error messages)',
  '<': 'reads its input from {target}',
  '<<': 'reads its input from the lines that follow, up to the line {target}',
  '<<-': 'reads its input from the lines that follow (leading tabs removed), up to the line {target}',
  '<<<': 'reads the text {target} as its input',
  '/\\d+>/': 'writes descriptor {value}\'s output to {target}',
};

/** Files a redirection commonly names. */
export const REDIRECT_TARGETS: Vocabulary = {
  '/dev/null': 'thrown away',
  ...Object.fromEntries(Object.entries(SYSCTL_KEYS).map(([key, gloss]) => [`/proc/sys/${key.replaceAll('.', '/')}`, `the kernel setting ${key}: ${gloss}`])),
};

const TEXT = { kind: 'words', meaning: 'the text: {value}', bind: 'text' } as const;

const keyword = (names: string[], meaning: string, summary: string): Tool => ({
  names,
  meaning,
  summary: [summary],
  rest: { kind: 'command', meaning: 'the command' },
});

export const SHELL_TOOLS: readonly Tool[] = [
  {
    names: ['echo'],
    meaning: 'prints its arguments',
    summary: ['prints {text}', 'prints an empty line'],
    options: [
      { names: ['-n'], meaning: 'without a newline at the end' },
      { names: ['-e'], meaning: 'interpreting backslash escapes like \\n' },
    ],
    rest: TEXT,
  },
  {
    names: ['printf'],
    meaning: 'prints formatted text',
    summary: ['prints {format}'],
    positionals: [{ meaning: 'the format: {value}', value: { name: 'FORMAT', bind: 'format' } }],
    rest: { kind: 'words', meaning: 'the values for the format: {value}' },
  },
  {
    names: ['cat'],
    meaning: 'prints files (or its input) one after another',
    summary: ['prints {file}', 'prints its input'],
    options: [{ names: ['-n', '--number'], meaning: 'numbers the lines' }],
    positionals: [{ meaning: 'the file {value}', value: { name: 'FILE', bind: 'file', values: REDIRECT_TARGETS }, repeat: true }],
  },
  { names: ['sleep'], meaning: 'waits', summary: ['waits {time:duration}'], positionals: [{ meaning: 'for {value:duration}', value: { name: 'TIME', bind: 'time', pattern: '^([\\d.]+[smhd]?|infinity)$' } }] },
  { names: ['true', ':'], meaning: 'does nothing, successfully', summary: ['does nothing, successfully'] },
  { names: ['false'], meaning: 'does nothing, unsuccessfully (exit status 1)', summary: ['fails on purpose'] },
  { names: ['cd'], meaning: 'changes the shell\'s working directory', summary: ['moves to {dir}', 'moves to the home directory'], positionals: [{ meaning: 'the directory {value}', value: { name: 'DIR', bind: 'dir' } }] },
  { names: ['export'], meaning: 'makes shell variables visible to the commands the shell runs', summary: ['exports {var}'], options: [{ names: ['-n'], meaning: 'stops exporting them' }], positionals: [{ meaning: 'the variable (and its new value): {value}', value: { name: 'NAME[=VALUE]', bind: 'var' }, repeat: true }] },
  { names: ['unset'], meaning: 'removes shell variables', summary: ['removes {var}'], positionals: [{ meaning: 'the variable {value}', value: { name: 'NAME', bind: 'var' }, repeat: true }] },
  { names: ['set'], meaning: 'changes shell options', summary: ['changes shell options'], options: [
    { names: ['-e'], meaning: 'stops at the first failing command' },
    { names: ['-u'], meaning: 'treats unset variables as errors' },
    { names: ['-x'], meaning: 'prints each command before running it' },
    { names: ['-o'], meaning: 'option {value}', value: { name: 'OPTION', values: { pipefail: 'a pipeline fails when any of its commands fails' } } },
  ], keywords: [{ words: ['+e'], meaning: 'goes on after failing commands' }, { words: ['+x'], meaning: 'stops printing commands' }] },
  { names: ['sh', 'bash', 'dash'], meaning: 'a shell', summary: ['runs in a new shell: {script}', 'runs the script {file}', 'starts a shell'], options: [
    { names: ['-c'], meaning: 'runs the commands in this text', value: { name: 'SCRIPT', bind: 'script', script: true } },
    { names: ['-e'], meaning: 'stops at the first failing command' },
    { names: ['-x'], meaning: 'prints each command before running it' },
    { names: ['-l', '--login'], meaning: 'as a login shell' },
    { names: ['-i'], meaning: 'interactive' },
  ], positionals: [{ meaning: 'the script file {value}', value: { name: 'FILE', bind: 'file' } }], rest: { kind: 'words', meaning: 'arguments for the script: {value}' } },
  { names: ['wait'], meaning: 'waits for background commands to finish', summary: ['waits for background commands'], positionals: [{ meaning: 'the process {value}', value: { name: 'PID' }, repeat: true }] },
  { names: ['kill'], meaning: 'sends a signal to processes (by default TERM: please stop)', summary: ['stops process {pid}'], options: [
    { names: ['-s'], meaning: 'with signal {value}', value: { name: 'SIGNAL' } },
    { names: ['-9', '-KILL'], meaning: 'with signal KILL: ends it at once, no clean-up' },
    { names: ['-TERM', '-15'], meaning: 'with signal TERM: asks it to stop' },
    { names: ['-INT', '-2'], meaning: 'with signal INT, like Ctrl-C' },
    { names: ['-HUP', '-1'], meaning: 'with signal HUP' },
    { names: ['-0'], meaning: 'sends no signal: only checks the process exists' },
  ], positionals: [{ meaning: 'the process {value}', value: { name: 'PID', bind: 'pid' }, repeat: true }] },
  { names: ['exit'], meaning: 'leaves the shell', summary: ['leaves the shell'], positionals: [{ meaning: 'with status {value}', value: { name: 'N', pattern: '^\\d+$' } }] },
  { names: ['read'], meaning: 'reads a line of input into variables', summary: ['reads a line into {var}'], options: [{ names: ['-r'], meaning: 'keeps backslashes' }], positionals: [{ meaning: 'the variable {value}', value: { name: 'NAME', bind: 'var' }, repeat: true }] },
  { names: ['test', '['], meaning: 'tests a condition (exit status 0 when it holds)', summary: ['tests a condition'], rest: { kind: 'words', meaning: 'the condition: {value}' } },
  { names: ['source', '.'], meaning: 'runs a file\'s commands in this shell', summary: ['runs the commands of {file}'], positionals: [{ meaning: 'the file {value}', value: { name: 'FILE', bind: 'file' } }] },
  { names: ['trap'], meaning: 'runs a command when the shell gets a signal or exits', summary: ['sets a trap'], positionals: [{ meaning: 'the command {value}', value: { name: 'COMMAND', script: true } }], rest: { kind: 'words', meaning: 'on {value}' } },
  {
    names: ['for'],
    meaning: 'repeats the commands between do and done',
    summary: ['repeats for each of: {values}'],
    positionals: [{ meaning: 'the loop variable {value}, set to each value in turn', value: { name: 'NAME', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } }],
    keywords: [{ words: ['in'], meaning: 'the values follow' }],
    rest: { kind: 'words', meaning: 'the values: {value}', bind: 'values' },
  },
  keyword(['do'], 'starts the body of the loop', 'in the loop: {command}'),
  keyword(['then'], 'starts what runs when the condition held', 'if so: {command}'),
  keyword(['else'], 'starts what runs when the condition failed', 'otherwise: {command}'),
  keyword(['if'], 'runs the condition command and branches on its success', 'if this succeeds: {command}'),
  keyword(['elif'], 'tries another condition', 'else if this succeeds: {command}'),
  keyword(['while'], 'repeats the loop while this command succeeds', 'while this succeeds: {command}'),
  keyword(['until'], 'repeats the loop until this command succeeds', 'until this succeeds: {command}'),
  keyword(['!'], 'inverts the command\'s success', 'succeeds when this fails: {command}'),
  keyword(['{'], 'starts a group of commands', '{command}'),
  keyword(['exec'], 'replaces the shell with the command', 'becomes: {command}'),
  { names: ['done'], meaning: 'ends the loop', summary: ['ends the loop'] },
  { names: ['fi'], meaning: 'ends the if', summary: ['ends the if'] },
  { names: ['}'], meaning: 'ends the group', summary: ['ends the group'] },
];
