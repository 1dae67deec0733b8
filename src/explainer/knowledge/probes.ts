// Programs that send or serve traffic: ping, curl, wget, nc, socat, python3 -m http.server, arping, traceroute.

import type { Tool, Vocabulary } from '../types.ts';

const HOST = { meaning: 'the destination {value}', value: { name: 'HOST', bind: 'host' } };

export const PING: Tool = {
  names: ['ping', 'ping6'],
  meaning: 'sends ICMP echo requests and reports the replies',
  summary: ['sends {count:ping} to {host}', 'pings {host} until stopped'],
  options: [
    { names: ['-c'], meaning: 'stops after {value:ping}', value: { name: 'N', bind: 'count' } },
    { names: ['-W'], meaning: 'waits at most {value:second} for each reply', value: { name: 'SECONDS' } },
    { names: ['-w'], meaning: 'gives up after {value:second} in all', value: { name: 'SECONDS' } },
    { names: ['-i'], meaning: 'waits {value:second} between pings', value: { name: 'SECONDS' } },
    { names: ['-I'], meaning: 'sends from interface or address {value}', value: { name: 'IFACE|ADDR' } },
    { names: ['-q'], meaning: 'prints only the summary' },
    { names: ['-n'], meaning: 'no name lookups' },
    { names: ['-s'], meaning: 'sends {value:byte} of data per ping', value: { name: 'BYTES' } },
    { names: ['-t'], meaning: 'sets the time to live to {value}', value: { name: 'TTL' } },
    { names: ['-M'], meaning: 'path MTU discovery: {value}', value: { name: 'HINT', values: { do: 'forbids fragmenting (finds MTU problems)', dont: 'allows fragmenting', want: 'fragments locally when needed' } } },
    { names: ['-b'], meaning: 'allows pinging a broadcast address' },
    { names: ['-D'], meaning: 'prints timestamps' },
    { names: ['-O'], meaning: 'reports pings that got no answer' },
    { names: ['-4'], meaning: 'IPv4 only' },
    { names: ['-6'], meaning: 'IPv6 only' },
  ],
  positionals: [HOST],
};

export const CURL: Tool = {
  names: ['curl'],
  meaning: 'fetches a URL (HTTP and more) and prints the response',
  summary: ['fetches {url}'],
  options: [
    { names: ['-s', '--silent'], meaning: 'no progress bar or error messages' },
    { names: ['-S', '--show-error'], meaning: 'still shows errors (with -s)' },
    { names: ['-m', '--max-time'], meaning: 'gives up after {value:second}', value: { name: 'SECONDS' } },
    { names: ['--connect-timeout'], meaning: 'gives up connecting after {value:second}', value: { name: 'SECONDS' } },
    { names: ['-v', '--verbose'], meaning: 'shows the connection and the headers sent and received' },
    { names: ['-o', '--output'], meaning: 'writes the body to {value}', value: { name: 'FILE', values: { '/dev/null': 'thrown away' } } },
    { names: ['-O', '--remote-name'], meaning: 'saves the body under its remote file name' },
    { names: ['-I', '--head'], meaning: 'asks only for the headers (a HEAD request)' },
    { names: ['-i', '--include'], meaning: 'prints the response headers too' },
    { names: ['--interface'], meaning: 'sends from interface or address {value}', value: { name: 'IFACE' } },
    { names: ['-L', '--location'], meaning: 'follows redirects' },
    { names: ['-f', '--fail'], meaning: 'fails (exit status 22) on HTTP errors' },
    { names: ['-k', '--insecure'], meaning: 'accepts any TLS certificate' },
    { names: ['-H', '--header'], meaning: 'sends the header {value}', value: { name: 'HEADER' } },
    { names: ['-X', '--request'], meaning: 'uses the method {value}', value: { name: 'METHOD' } },
    { names: ['-d', '--data'], meaning: 'sends {value} as the body', value: { name: 'DATA' } },
    { names: ['-w', '--write-out'], meaning: 'prints {value} afterwards (e.g. %{http_code})', value: { name: 'FORMAT' } },
    { names: ['-4', '--ipv4'], meaning: 'IPv4 only' },
    { names: ['-6', '--ipv6'], meaning: 'IPv6 only' },
    { names: ['--resolve'], meaning: 'resolves the name as {value}', value: { name: 'HOST:PORT:ADDR' } },
    { names: ['-x', '--proxy'], meaning: 'through the proxy {value}', value: { name: 'URL' } },
    { names: ['--noproxy'], meaning: 'no proxy for {value}', value: { name: 'HOSTS' } },
    { names: ['--retry'], meaning: 'retries {value:time}', value: { name: 'N' } },
    { names: ['--unix-socket'], meaning: 'connects through the Unix socket {value}', value: { name: 'PATH' } },
  ],
  positionals: [{ meaning: 'the URL {value}', value: { name: 'URL', bind: 'url' }, repeat: true }],
};

export const WGET: Tool = {
  names: ['wget'],
  meaning: 'downloads a URL',
  summary: ['fetches {url}'],
  options: [
    { names: ['-q', '--quiet'], meaning: 'prints nothing of its own' },
    { names: ['-O', '--output-document'], meaning: 'writes the body to {value}', value: { name: 'FILE', values: { '-': 'its output' } } },
    { names: ['-T', '--timeout'], meaning: 'gives up after {value:second}', value: { name: 'SECONDS' } },
    { names: ['-t', '--tries'], meaning: 'tries {value:time}', value: { name: 'N' } },
    { names: ['-S', '--server-response'], meaning: 'prints the response headers' },
    { names: ['--spider'], meaning: 'only checks that the URL answers' },
  ],
  positionals: [{ meaning: 'the URL {value}', value: { name: 'URL', bind: 'url' }, repeat: true }],
};

export const NC: Tool = {
  names: ['nc', 'netcat', 'ncat'],
  meaning: 'netcat: opens or accepts a raw TCP or UDP connection',
  summary: ['{effects} on {host} port {port}', '{effects} on port {port}', 'connects to {host} port {port}', '{effects}'],
  options: [
    { names: ['-l', '--listen'], meaning: 'listens for a connection instead of making one', effect: 'listens' },
    { names: ['-z'], meaning: 'only checks whether something listens; sends no data', effect: 'checks whether something listens' },
    { names: ['-v', '--verbose'], meaning: 'reports what happens' },
    { names: ['-w', '--wait'], meaning: 'gives up after {value:second}', value: { name: 'SECONDS' } },
    { names: ['-u', '--udp'], meaning: 'UDP instead of TCP' },
    { names: ['-k', '--keep-open'], meaning: 'keeps listening after a connection ends' },
    { names: ['-n', '--nodns'], meaning: 'no name lookups' },
    { names: ['-p', '--source-port'], meaning: 'the local port {value}', value: { name: 'PORT', bind: 'port' } },
    { names: ['-s', '--source'], meaning: 'from local address {value}', value: { name: 'ADDR' } },
    { names: ['-q'], meaning: 'quits {value:second} after its input ends', value: { name: 'SECONDS' } },
    { names: ['-N'], meaning: 'closes the connection when its input ends' },
    { names: ['-e', '-c'], meaning: 'runs {value} with the connection as its input and output', value: { name: 'COMMAND' } },
    { names: ['-4'], meaning: 'IPv4 only' },
    { names: ['-6'], meaning: 'IPv6 only' },
  ],
  positionals: [
    { meaning: 'the host {value}', value: { name: 'HOST', bind: 'host', pattern: '^(?!\\d+$)' }, optional: true },
    { meaning: 'port {value}', value: { name: 'PORT', bind: 'port', pattern: '^\\d+(-\\d+)?$' } },
  ],
};

const SOCAT_ADDRESSES: Vocabulary = {
  'TCP-LISTEN:*,*': 'listens on TCP port {1} ({2})',
  'TCP-LISTEN:*': 'listens on TCP port {1}',
  'TCP4-LISTEN:*': 'listens on TCP port {1} (IPv4)',
  'UDP-LISTEN:*': 'listens on UDP port {1}',
  'TCP:*': 'a TCP connection to {1}',
  'TCP4:*': 'a TCP connection to {1} (IPv4)',
  'UDP:*': 'UDP to {1}',
  'EXEC:*': 'runs {1}',
  'SYSTEM:*': 'runs the shell command {1}',
  'UNIX-CONNECT:*': 'the Unix socket {1}',
  'UNIX-LISTEN:*': 'listens on the Unix socket {1}',
  '-': 'its own input and output',
  'STDIO': 'its own input and output',
  'STDOUT': 'its output',
};

export const PYTHON: Tool = {
  names: ['python3', 'python'],
  meaning: 'the Python interpreter',
  summary: ['runs Python\'s {module} on port {port}', 'runs Python\'s {module}', 'runs Python code'],
  options: [
    { names: ['-m'], meaning: 'runs the module {value}', value: { name: 'MODULE', bind: 'module', values: { 'http.server': 'a small web server for the files in the current directory (port 8000 unless given)' } } },
    { names: ['-c'], meaning: 'runs the Python code {value}', value: { name: 'CODE' } },
    { names: ['-u'], meaning: 'unbuffered output' },
    { names: ['-b', '--bind'], meaning: 'listens only on address {value} (http.server)', value: { name: 'ADDR' } },
    { names: ['-d', '--directory'], meaning: 'serves the directory {value} (http.server)', value: { name: 'DIR' } },
  ],
  positionals: [{ meaning: 'port {value}', value: { name: 'PORT', bind: 'port', pattern: '^\\d+$' } }],
};

export const ARPING: Tool = {
  names: ['arping'],
  meaning: 'sends ARP requests: who has this IP address?',
  summary: ['asks who has {host}'],
  options: [
    { names: ['-c'], meaning: 'stops after {value:request}', value: { name: 'N' } },
    { names: ['-I'], meaning: 'on interface {value}', value: { name: 'IFACE' } },
    { names: ['-U'], meaning: 'unsolicited: announces its own address' },
    { names: ['-A'], meaning: 'announces with ARP replies' },
    { names: ['-w'], meaning: 'gives up after {value:second}', value: { name: 'SECONDS' } },
    { names: ['-q'], meaning: 'quiet' },
  ],
  positionals: [HOST],
};

export const TRACEROUTE: Tool = {
  names: ['traceroute', 'tracepath'],
  meaning: 'lists the routers on the way to a host',
  summary: ['lists the hops to {host}'],
  options: [
    { names: ['-n'], meaning: 'no name lookups' },
    { names: ['-I'], meaning: 'probes with ICMP' },
    { names: ['-T'], meaning: 'probes with TCP SYN' },
    { names: ['-w'], meaning: 'waits {value:second} per probe', value: { name: 'SECONDS' } },
    { names: ['-q'], meaning: 'sends {value} probes per hop', value: { name: 'N' } },
    { names: ['-m'], meaning: 'at most {value} hops', value: { name: 'N' } },
  ],
  positionals: [HOST],
};

export const SOCAT: Tool = {
  names: ['socat'],
  meaning: 'relays data between two endpoints (sockets, files, programs)',
  summary: ['relays between {from} and {to}'],
  options: [
    { names: ['-d'], meaning: 'prints diagnostics' },
    { names: ['-dd'], meaning: 'prints more diagnostics' },
    { names: ['-v'], meaning: 'prints the data relayed' },
    { names: ['-u'], meaning: 'one direction only: first to second' },
    { names: ['-U'], meaning: 'one direction only: second to first' },
  ],
  positionals: [
    { meaning: 'the first endpoint: {gloss}', value: { name: 'ADDRESS', bind: 'from', values: SOCAT_ADDRESSES } },
    { meaning: 'the second endpoint: {gloss}', value: { name: 'ADDRESS', bind: 'to', values: SOCAT_ADDRESSES } },
  ],
};

