// Every program steplab can explain, in one list.

import type { Tool } from '../types.ts';
import { IP } from './ip.ts';
import { BRIDGE, BRCTL } from './bridge.ts';
import { IPTABLES, IPTABLES_RESTORE, IPTABLES_SAVE } from './iptables.ts';
import { SYSCTL } from './sysctl.ts';
import { DOCKER, DOCKERD } from './docker.ts';
import { NSENTER, UNSHARE } from './namespaces.ts';
import { ENV, NOHUP, SUDO, TIMEOUT, WATCH } from './wrappers.ts';
import { TCPDUMP } from './capture.ts';
import { ARPING, CURL, NC, PING, PYTHON, SOCAT, TRACEROUTE, WGET } from './probes.ts';
import { SHELL_TOOLS } from './shell.ts';
import { EVERYDAY_TOOLS } from './everyday.ts';
import { SYSTEM_TOOLS } from './system.ts';

export const TOOLS: readonly Tool[] = [
  IP, BRIDGE, BRCTL, IPTABLES, IPTABLES_SAVE, IPTABLES_RESTORE, SYSCTL, DOCKER, DOCKERD,
  NSENTER, UNSHARE, SUDO, TIMEOUT, ENV, WATCH, NOHUP, TCPDUMP,
  PING, CURL, WGET, NC, SOCAT, PYTHON, ARPING, TRACEROUTE,
  ...SHELL_TOOLS, ...EVERYDAY_TOOLS, ...SYSTEM_TOOLS,
];
