// The docker CLI (containers and networks) and dockerd's networking flags.

import type { CommandNode, OptionSpec, PositionalSpec, Tool, Vocabulary } from '../types.ts';

const NETWORKS: Vocabulary = {
  none: 'no networking: the container gets only a loopback interface',
  host: 'no namespace of its own: the container uses the host\'s interfaces and ports directly',
  bridge: 'the default bridge docker0: a veth pair into the container, an address from 172.17.0.0/16, NAT to the outside',
  default: 'the default bridge docker0',
  'container:*': 'joins the network namespace of container {1}: same interfaces, same address, a shared localhost',
  '*': 'the user-defined network {value}: its own bridge, and containers on it find each other by name',
};

const PUBLISH: Vocabulary = {
  '/(\\[[^\\]]+\\]|[^:]+):(\\d+(?:-\\d+)?):(\\d+(?:-\\d+)?)(\\/\\w+)?/': 'publishes container port {3}{4} as port {2} on host address {1} only',
  '/(\\[[^\\]]+\\]|[^:]+)::(\\d+)(\\/\\w+)?/': 'publishes container port {2}{3} on host address {1}, on a random free host port',
  '/(\\d+(?:-\\d+)?):(\\d+(?:-\\d+)?)(\\/\\w+)?/': 'publishes container port {2}{3} as port {1} on every host address (a DNAT rule in the nat table\'s DOCKER chain)',
  '/(\\d+(?:-\\d+)?)(\\/\\w+)?/': 'publishes container port {1}{2} on a random free host port (see it with docker port)',
};

const FORMATS: Vocabulary = {
  '*.State.Pid*': 'the process id of the container\'s main process (its namespaces are that process\'s: nsenter -t PID -n)',
  '*IPAddress*': 'the container\'s IP address',
  '*MacAddress*': 'the container\'s MAC address',
  '*Gateway*': 'the gateway of the container\'s network',
  '*.NetworkSettings.Ports*': 'the published ports',
  '*.NetworkSettings.Networks*': 'the networks the container is attached to',
  '*SandboxKey*': 'the file that holds the container\'s network namespace',
  '*.IPAM.Config*': 'the network\'s subnet and gateway',
  '*.Options*': 'the network\'s driver options',
  '*.Containers*': 'the containers on the network',
  '*.Id*': 'the id',
  '*.Name*': 'the name',
};

const CONTAINER: PositionalSpec = { meaning: 'the container {value}', value: { name: 'CONTAINER', bind: 'container' } };
const CONTAINERS: PositionalSpec = { ...CONTAINER, repeat: true };

const FORMAT: OptionSpec = { names: ['-f', '--format'], meaning: 'prints only what the Go template {value} picks', value: { name: 'TEMPLATE', values: FORMATS } };

const RUN_OPTIONS: readonly OptionSpec[] = [
  { names: ['-d', '--detach'], meaning: 'runs in the background and prints the container id' },
  { names: ['--rm'], meaning: 'removes the container when it exits' },
  { names: ['-i', '--interactive'], meaning: 'keeps its input open' },
  { names: ['-t', '--tty'], meaning: 'gives it a terminal' },
  { names: ['--name'], meaning: 'names the container {value}', value: { name: 'NAME', bind: 'name' } },
  { names: ['--network', '--net'], meaning: 'network mode {value}', value: { name: 'NETWORK', bind: 'network', values: NETWORKS } },
  { names: ['-p', '--publish'], meaning: '{gloss}', value: { name: '[IP:]HOST:CONTAINER', values: PUBLISH, closed: true }, effect: 'publishing {value}' },
  { names: ['-P', '--publish-all'], meaning: 'publishes every port the image exposes on random host ports' },
  { names: ['--ip'], meaning: 'gives the container the address {value} on its user-defined network', value: { name: 'ADDR' } },
  { names: ['--ip6'], meaning: 'gives the container the IPv6 address {value}', value: { name: 'ADDR' } },
  { names: ['-h', '--hostname'], meaning: 'sets its host name to {value}', value: { name: 'NAME' } },
  { names: ['--mac-address'], meaning: 'sets its MAC address to {value}', value: { name: 'MAC' } },
  { names: ['--network-alias', '--alias'], meaning: 'another name others on the network can use for it: {value}', value: { name: 'NAME' } },
  { names: ['--dns'], meaning: 'uses DNS server {value}', value: { name: 'ADDR' } },
  { names: ['--add-host'], meaning: 'adds {value} to its /etc/hosts', value: { name: 'HOST:IP' } },
  { names: ['--cap-add'], meaning: 'grants the capability {value}', value: { name: 'CAP', values: { NET_ADMIN: 'configuring interfaces, routes and firewall rules', NET_RAW: 'raw sockets (ping)', ALL: 'every capability' } } },
  { names: ['--cap-drop'], meaning: 'takes away the capability {value}', value: { name: 'CAP' } },
  { names: ['--privileged'], meaning: 'gives it every capability and device (as good as root on the host)' },
  { names: ['-e', '--env'], meaning: 'sets the environment variable {value}', value: { name: 'KEY=VALUE' } },
  { names: ['-v', '--volume'], meaning: 'mounts {value} (host path or volume : container path)', value: { name: 'SRC:DST' } },
  { names: ['-w', '--workdir'], meaning: 'works in directory {value}', value: { name: 'DIR' } },
  { names: ['-u', '--user'], meaning: 'runs as user {value}', value: { name: 'USER' } },
  { names: ['--entrypoint'], meaning: 'runs {value} instead of the image\'s entry point', value: { name: 'CMD' } },
  { names: ['--sysctl'], meaning: 'sets the kernel setting {value} inside the container', value: { name: 'KEY=VALUE' } },
  { names: ['--init'], meaning: 'runs a tiny init process that reaps zombies' },
  { names: ['--restart'], meaning: 'restart policy: {value}', value: { name: 'POLICY' } },
  { names: ['--expose'], meaning: 'marks port {value} as exposed (without publishing it)', value: { name: 'PORT' } },
  { names: ['--link'], meaning: 'the legacy link to container {value} (an /etc/hosts entry)', value: { name: 'NAME[:ALIAS]' } },
  { names: ['--pid'], meaning: 'process namespace mode {value}', value: { name: 'MODE', values: { host: 'sees the host\'s processes' } } },
  { names: ['--platform'], meaning: 'the platform {value}', value: { name: 'PLATFORM' } },
];

const RUN: CommandNode = {
  names: ['run'],
  meaning: 'creates and starts a container',
  summary: [
    'starts container {name} from image {image} on network {network}',
    'starts container {name} from image {image}',
    'starts a container from image {image} on network {network}',
    'starts a container from image {image}',
  ],
  options: RUN_OPTIONS,
  positionals: [{ meaning: 'the image to start from: {value}', value: { name: 'IMAGE', bind: 'image' } }],
  rest: { kind: 'any-command', meaning: 'the command the container runs instead of the image\'s default: {value}' },
};

const NETWORK_OPTS: Vocabulary = {
  'com.docker.network.bridge.name=*': 'names the Linux bridge {1} (instead of br-<network id>)',
  'com.docker.network.bridge.enable_icc=false': 'containers on this network may not talk to each other (an iptables DROP between them)',
  'com.docker.network.bridge.enable_icc=true': 'containers on this network may talk to each other',
  'com.docker.network.bridge.enable_ip_masquerade=*': 'whether traffic leaving the network is masqueraded: {1}',
  'com.docker.network.bridge.host_binding_ipv4=*': 'the default host address for published ports: {1}',
  'com.docker.network.bridge.gateway_mode_ipv4=*': 'how the network reaches out: {1} (nat or routed)',
  'com.docker.network.driver.mtu=*': 'the MTU of the network\'s interfaces: {1}',
  'parent=*': 'the host interface the macvlan or ipvlan network hangs off: {1}',
  'macvlan_mode=*': 'macvlan mode {1}',
  'ipvlan_mode=*': 'ipvlan mode {1}',
};

const DRIVERS: Vocabulary = {
  bridge: 'a Linux bridge on this host, with NAT to the outside',
  macvlan: 'containers get their own MAC addresses on a host interface\'s wire',
  ipvlan: 'containers share a host interface\'s MAC address',
  overlay: 'a network spanning several hosts (VXLAN)',
  host: 'the host\'s own network',
  none: 'no networking',
};

const NETWORK_NAME: PositionalSpec = { meaning: 'the network {value}', value: { name: 'NETWORK', bind: 'network', values: NETWORKS } };

const NETWORK: CommandNode = {
  names: ['network'],
  meaning: 'manages Docker networks',
  commands: [
    {
      names: ['create'],
      meaning: 'creates a Docker network',
      summary: ['creates the {driver} network {network} with subnet {subnet}', 'creates the {driver} network {network}'],
      defaults: { driver: 'bridge' },
      options: [
        { names: ['-d', '--driver'], meaning: 'with driver {value}', value: { name: 'DRIVER', bind: 'driver', values: DRIVERS } },
        { names: ['--subnet'], meaning: 'its addresses come from {value}', value: { name: 'CIDR', bind: 'subnet' } },
        { names: ['--gateway'], meaning: 'the gateway (the bridge\'s own address) is {value}', value: { name: 'ADDR' } },
        { names: ['--ip-range'], meaning: 'containers get addresses only from {value}', value: { name: 'CIDR' } },
        { names: ['--aux-address'], meaning: 'keeps {value} from being handed out', value: { name: 'NAME=ADDR' } },
        { names: ['-o', '--opt'], meaning: 'driver option {value}', value: { name: 'KEY=VALUE', values: NETWORK_OPTS } },
        { names: ['--internal'], meaning: 'no route to the outside world' },
        { names: ['--attachable'], meaning: 'standalone containers may join' },
        { names: ['--ipv6'], meaning: 'gives containers IPv6 addresses too' },
        { names: ['--label'], meaning: 'labels it {value}', value: { name: 'LABEL' } },
      ],
      positionals: [{ meaning: 'the new network\'s name: {value}', value: { name: 'NAME', bind: 'network' } }],
    },
    {
      names: ['connect'],
      meaning: 'attaches a running container to another network (a new interface inside it)',
      summary: ['connects container {container} to network {network}'],
      options: [
        { names: ['--ip'], meaning: 'with address {value}', value: { name: 'ADDR' } },
        { names: ['--ip6'], meaning: 'with IPv6 address {value}', value: { name: 'ADDR' } },
        { names: ['--alias'], meaning: 'reachable on that network also as {value}', value: { name: 'NAME' } },
      ],
      positionals: [NETWORK_NAME, CONTAINER],
    },
    {
      names: ['disconnect'],
      meaning: 'detaches a container from a network (its interface there goes away)',
      summary: ['disconnects container {container} from network {network}'],
      options: [{ names: ['-f', '--force'], meaning: 'even if it is not running' }],
      positionals: [NETWORK_NAME, CONTAINER],
    },
    { names: ['inspect'], meaning: 'prints a network\'s settings as JSON', summary: ['shows the settings of network {network}'], options: [FORMAT], positionals: [{ ...NETWORK_NAME, repeat: true }] },
    {
      names: ['ls', 'list'],
      meaning: 'lists Docker networks',
      options: [
        { names: ['-q', '--quiet'], meaning: 'prints only ids' },
        { names: ['-f', '--filter'], meaning: 'only networks matching {value}', value: { name: 'FILTER' } },
        { names: ['--no-trunc'], meaning: 'full ids' },
        { names: ['--format'], meaning: 'formats with {value}', value: { name: 'TEMPLATE' } },
      ],
    },
    { names: ['rm', 'remove'], meaning: 'removes Docker networks (and their bridges and rules)', summary: ['removes network {network}'], positionals: [{ ...NETWORK_NAME, repeat: true }] },
    { names: ['prune'], meaning: 'removes every unused network', options: [{ names: ['-f', '--force'], meaning: 'without asking' }] },
  ],
};

const EXEC: CommandNode = {
  names: ['exec'],
  meaning: 'runs a command inside a running container (in all its namespaces)',
  summary: ['inside container {container}: {command}'],
  options: [
    { names: ['-i', '--interactive'], meaning: 'keeps its input open' },
    { names: ['-t', '--tty'], meaning: 'gives it a terminal' },
    { names: ['-d', '--detach'], meaning: 'runs it in the background' },
    { names: ['-e', '--env'], meaning: 'sets {value}', value: { name: 'KEY=VALUE' } },
    { names: ['-u', '--user'], meaning: 'as user {value}', value: { name: 'USER' } },
    { names: ['-w', '--workdir'], meaning: 'in directory {value}', value: { name: 'DIR' } },
    { names: ['--privileged'], meaning: 'with every capability' },
  ],
  positionals: [CONTAINER],
  rest: { kind: 'any-command', meaning: 'the command to run there: {value}' },
};

export const DOCKER: Tool = {
  names: ['docker'],
  meaning: 'the Docker client: talks to the Docker daemon',
  options: [
    { names: ['-H', '--host'], meaning: 'talks to the daemon at {value}', value: { name: 'SOCKET' } },
    { names: ['--context', '-c'], meaning: 'uses context {value}', value: { name: 'NAME' } },
  ],
  commands: [
    RUN,
    { ...RUN, names: ['create'], meaning: 'creates a container without starting it', summary: ['creates container {name} from image {image}', 'creates a container from image {image}'] },
    EXEC,
    NETWORK,
    { names: ['inspect'], meaning: 'prints the settings of containers (or other objects) as JSON', summary: ['shows the settings of {container}'], options: [FORMAT, { names: ['--type'], meaning: 'of type {value}', value: { name: 'TYPE' } }], positionals: [CONTAINERS] },
    {
      names: ['ps'],
      meaning: 'lists running containers',
      options: [
        { names: ['-a', '--all'], meaning: 'stopped ones too' },
        { names: ['-q', '--quiet'], meaning: 'prints only ids' },
        { names: ['-f', '--filter'], meaning: 'only containers matching {value}', value: { name: 'FILTER' } },
        { names: ['--format'], meaning: 'formats with {value}', value: { name: 'TEMPLATE' } },
        { names: ['--no-trunc'], meaning: 'full ids and commands' },
      ],
    },
    { names: ['rm'], meaning: 'removes containers', summary: ['removes {container}'], options: [{ names: ['-f', '--force'], meaning: 'stops them first if they run' }, { names: ['-v', '--volumes'], meaning: 'and their anonymous volumes' }], positionals: [CONTAINERS] },
    { names: ['stop'], meaning: 'stops running containers', summary: ['stops {container}'], options: [{ names: ['-t', '--time'], meaning: 'waits {value:second} before killing', value: { name: 'SECONDS' } }], positionals: [CONTAINERS] },
    { names: ['start'], meaning: 'starts stopped containers', summary: ['starts {container}'], options: [{ names: ['-a', '--attach'], meaning: 'shows their output' }], positionals: [CONTAINERS] },
    { names: ['restart'], meaning: 'restarts containers', summary: ['restarts {container}'], positionals: [CONTAINERS] },
    { names: ['kill'], meaning: 'kills running containers', summary: ['kills {container}'], options: [{ names: ['-s', '--signal'], meaning: 'with signal {value}', value: { name: 'SIGNAL' } }], positionals: [CONTAINERS] },
    { names: ['logs'], meaning: 'prints a container\'s output', summary: ['shows the output of {container}'], options: [{ names: ['-f', '--follow'], meaning: 'keeps following it' }, { names: ['--tail', '-n'], meaning: 'only the last {value:line}', value: { name: 'N' } }], positionals: [CONTAINER] },
    { names: ['port'], meaning: 'lists a container\'s published ports', summary: ['shows the published ports of {container}'], positionals: [CONTAINER, { meaning: 'only container port {value}', value: { name: 'PORT' } }] },
    { names: ['pull'], meaning: 'downloads an image', positionals: [{ meaning: 'the image {value}', value: { name: 'IMAGE' } }] },
    { names: ['images'], meaning: 'lists local images' },
    { names: ['info'], meaning: 'prints the daemon\'s settings', options: [FORMAT] },
    { names: ['version'], meaning: 'prints client and daemon versions' },
  ],
};

const BOOL: Vocabulary = { true: 'on', false: 'off' };

export const DOCKERD: Tool = {
  names: ['dockerd'],
  meaning: 'the Docker daemon',
  summary: ['starts the Docker daemon'],
  options: [
    { names: ['--icc'], meaning: 'whether containers on the default bridge may talk to each other: {value}', value: { name: 'BOOL', values: BOOL, closed: true } },
    { names: ['--iptables'], meaning: 'whether Docker writes iptables rules: {value}', value: { name: 'BOOL', values: BOOL, closed: true } },
    { names: ['--ip-forward'], meaning: 'whether Docker turns on net.ipv4.ip_forward: {value}', value: { name: 'BOOL', values: BOOL, closed: true } },
    { names: ['--ip-masq'], meaning: 'whether traffic from the default bridge is masqueraded: {value}', value: { name: 'BOOL', values: BOOL, closed: true } },
    { names: ['--userland-proxy'], meaning: 'whether docker-proxy forwards published ports (for traffic iptables misses): {value}', value: { name: 'BOOL', values: BOOL, closed: true } },
    { names: ['-b', '--bridge'], meaning: 'uses bridge {value} as the default network ("none" for no default bridge)', value: { name: 'BRIDGE' } },
    { names: ['--bip'], meaning: 'the default bridge\'s address and subnet: {value}', value: { name: 'CIDR' } },
    { names: ['--fixed-cidr'], meaning: 'containers on the default bridge get addresses from {value}', value: { name: 'CIDR' } },
    { names: ['--ip'], meaning: 'the default host address for published ports: {value}', value: { name: 'ADDR' } },
    { names: ['--default-address-pool'], meaning: 'where new networks\' subnets come from: {value}', value: { name: 'POOL' } },
    { names: ['-H', '--host'], meaning: 'listens on {value}', value: { name: 'SOCKET' } },
    { names: ['--data-root'], meaning: 'keeps its state in {value}', value: { name: 'DIR' } },
  ],
};
