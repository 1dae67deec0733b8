// Programs that run another command: sudo, timeout, env, watch, nohup, xargs.

import type { Tool } from '../types.ts';

export const SUDO: Tool = {
  names: ['sudo'],
  meaning: 'runs the command as root',
  summary: ['as root: {command}'],
  options: [
    { names: ['-E', '--preserve-env'], meaning: 'keeps the current environment' },
    { names: ['-u', '--user'], meaning: 'as user {value} instead of root', value: { name: 'USER' } },
    { names: ['-n', '--non-interactive'], meaning: 'fails instead of asking for a password' },
    { names: ['-i', '--login'], meaning: 'through a login shell' },
    { names: ['-s', '--shell'], meaning: 'through a shell' },
  ],
  rest: { kind: 'command', meaning: 'the command to run' },
};

export const TIMEOUT: Tool = {
  names: ['timeout'],
  meaning: 'runs a command and stops it if it takes too long',
  summary: ['{command}, stopped after {duration:duration}'],
  options: [
    { names: ['-s', '--signal'], meaning: 'stops it with signal {value}', value: { name: 'SIGNAL' } },
    { names: ['-k', '--kill-after'], meaning: 'kills it {value:duration} after that if it is still running', value: { name: 'DURATION' } },
    { names: ['--preserve-status'], meaning: 'exits with the command\'s own status' },
  ],
  positionals: [{ meaning: 'the time limit: {value:duration}', value: { name: 'DURATION', bind: 'duration', pattern: '^[\\d.]+[smhd]?$' } }],
  rest: { kind: 'command', meaning: 'the command to run' },
};

export const ENV: Tool = {
  names: ['env'],
  meaning: 'runs a command with a changed environment (prints the environment when no command follows)',
  summary: ['{command}, with a changed environment', 'prints the environment'],
  options: [
    { names: ['-i', '--ignore-environment'], meaning: 'starts from an empty environment' },
    { names: ['-u', '--unset'], meaning: 'removes {value} from the environment', value: { name: 'NAME' } },
  ],
  keywords: [],
  positionals: [{ meaning: 'sets {value} for the command', value: { name: 'NAME=VALUE', pattern: '^[A-Za-z_][A-Za-z0-9_]*=' }, repeat: true }],
  rest: { kind: 'command', meaning: 'the command to run' },
};

export const WATCH: Tool = {
  names: ['watch'],
  meaning: 'reruns a command every few seconds and shows its latest output',
  summary: ['reruns: {command}'],
  options: [
    { names: ['-n', '--interval'], meaning: 'every {value:second}', value: { name: 'SECONDS' } },
    { names: ['-d', '--differences'], meaning: 'highlights what changed' },
    { names: ['-t', '--no-title'], meaning: 'without the header' },
  ],
  rest: { kind: 'script', meaning: 'the command to rerun' },
};

export const NOHUP: Tool = {
  names: ['nohup'],
  meaning: 'runs a command that keeps running when the terminal closes',
  summary: ['{command}, immune to hangups'],
  rest: { kind: 'command', meaning: 'the command to run' },
};
