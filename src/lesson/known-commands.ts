// The commands a lesson may name in `requires`, so that a typo there is caught by lint.

/** Networking tools, shell utilities and runtimes lessons are expected to use. */
export const KNOWN_COMMANDS: readonly string[] = [
  // iproute2 and friends
  'ip', 'bridge', 'tc', 'ss', 'nstat', 'rtmon', 'devlink',
  // firewalls and connection tracking
  'iptables', 'iptables-save', 'iptables-restore', 'iptables-legacy', 'iptables-nft',
  'ip6tables', 'ip6tables-save', 'ip6tables-restore', 'nft', 'ebtables', 'arptables', 'conntrack', 'ipset', 'ipvsadm',
  // legacy net-tools and bridging
  'brctl', 'ifconfig', 'route', 'arp', 'netstat', 'vconfig',
  // probes and traffic
  'ping', 'ping6', 'arping', 'traceroute', 'tracepath', 'mtr', 'tcpdump', 'tshark', 'iperf3', 'ethtool',
  'curl', 'wget', 'nc', 'ncat', 'netcat', 'socat', 'telnet', 'openssl',
  // names
  'dig', 'nslookup', 'host', 'getent', 'dnsmasq',
  // namespaces and containers
  'nsenter', 'unshare', 'ip-netns', 'lsns', 'docker', 'podman', 'runc', 'crun', 'containerd', 'ctr', 'nerdctl', 'buildah',
  // kernel settings and processes
  'sysctl', 'modprobe', 'lsmod', 'mount', 'umount', 'ps', 'kill', 'pkill', 'pgrep', 'sleep', 'timeout', 'setsid',
  // shells and text tools
  'sh', 'bash', 'busybox', 'echo', 'printf', 'cat', 'tee', 'grep', 'sed', 'awk', 'cut', 'sort', 'uniq', 'head', 'tail',
  'wc', 'tr', 'xargs', 'jq', 'yq', 'diff', 'seq', 'test', 'true', 'false', 'env', 'id', 'whoami', 'hostname',
  'readlink', 'ls', 'stat', 'touch', 'mkdir', 'rm', 'ln', 'find', 'date',
  // runtimes
  'python3', 'python', 'node', 'perl',
];
