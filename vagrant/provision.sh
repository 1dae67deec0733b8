#!/usr/bin/env bash
# Provision steplab's lab machine: the tools lessons use, and Docker Engine so later lessons can
# compare the lab with real Docker. Run by `vagrant up` as root; safe to run again.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

# say: one progress line.
say() { echo "steplab provision: $*"; }

lab_packages=(bash coreutils util-linux procps kmod gawk iproute2 iptables bridge-utils iputils-ping
  conntrack tcpdump curl ca-certificates netcat-openbsd socat sudo)
missing=()
for p in "${lab_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Docker Engine (Debian's or Ubuntu's docker.io). Not inside a container: the docker provider's
# machine is itself a container, where a nested engine would need --privileged.
if [ -e /.dockerenv ] || grep -qa 'container=' /proc/1/environ 2>/dev/null; then
  say "running in a container (Vagrant's docker provider): skipping Docker Engine"
elif ! command -v dockerd >/dev/null; then
  say "installing Docker Engine (docker.io)"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends docker.io >/dev/null
  systemctl enable --now docker >/dev/null 2>&1 || true
  id vagrant >/dev/null 2>&1 && usermod -aG docker vagrant
fi

# Lessons create their own namespaces; make sure the kernel lets them (Ubuntu 24.04 restricts
# unprivileged user namespaces through AppArmor, which steplab's sandbox needs as non-root).
if [ -e /proc/sys/kernel/apparmor_restrict_unprivileged_userns ] && [ ! -e /.dockerenv ]; then
  echo 'kernel.apparmor_restrict_unprivileged_userns = 0' > /etc/sysctl.d/60-steplab-userns.conf
  sysctl -q -p /etc/sysctl.d/60-steplab-userns.conf || true
fi
say "ready: $(uname -sr), $(ip -V 2>&1 | head -1)"
