#!/usr/bin/env bash
# Install what the sandbox target needs on Debian or Ubuntu: the lab's tools, Node 22.18+ and the
# npm dependencies. Sourced by ./setup and .ci/run; leaves PATH pointing at a suitable node.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"

LAB_PACKAGES="bash iproute2 iptables conntrack tcpdump iputils-ping bridge-utils curl netcat-openbsd socat procps util-linux uidmap kmod gawk coreutils bsdutils"
missing=$(for p in $LAB_PACKAGES; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"; done)
if [ -n "$missing" ]; then
  echo "steplab: installing $(echo $missing)"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

node_ok() { command -v node >/dev/null && node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=18)?0:1)'; }
if ! node_ok; then
  [ -x /opt/node22/bin/node ] || { echo "steplab: installing Node 22 from the npm registry into /opt/node22"; $sudo_ npm i -g --prefix /opt/node22 node@22 >/dev/null 2>&1; }
  export PATH=/opt/node22/bin:$PATH
fi
node_ok || { echo "steplab: Node 22.18 or newer is needed and could not be installed" >&2; exit 1; }
[ -d "$root/node_modules" ] || (cd "$root" && npm ci --no-audit --no-fund >/dev/null)
