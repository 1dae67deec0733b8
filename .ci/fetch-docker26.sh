#!/usr/bin/env bash
# CI: fetch Debian 13 (trixie)'s docker.io and containerd and unpack them into one folder,
# without installing anything system-wide, so `steplab verify --against docker` can also prove the
# course on Docker 26. Prints the folder holding dockerd, containerd and docker-proxy. trixie's runc
# is linked against glibc 2.38, which Debian 12 lacks, so the machine's own runc (and docker CLI,
# which trixie ships apart as docker-cli) serve: both speak the same interfaces across these versions.
# Usage: .ci/fetch-docker26.sh [DIR] (default /opt/steplab-docker26). Idempotent.
set -euo pipefail
dest="${1:-/opt/steplab-docker26}"
say() { echo "fetch-docker26: $*" >&2; }

if [ -x "$dest/bin/dockerd" ]; then echo "$dest/bin"; exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/etc/sources.list.d" "$work/etc/preferences.d" "$work/state/lists/partial" "$work/cache/archives/partial" "$work/debs"
cat > "$work/etc/sources.list" <<LIST
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
LIST
# A private apt configuration: its own sources, lists and cache; the machine's apt is left alone.
apt_opts=(-o Dir::Etc::sourcelist="$work/etc/sources.list" -o Dir::Etc::sourceparts="$work/etc/sources.list.d"
  -o Dir::Etc::preferencesparts="$work/etc/preferences.d" -o Dir::State::Lists="$work/state/lists"
  -o Dir::Cache="$work/cache" -o APT::Get::List-Cleanup=0 -o Debug::NoLocking=1)
say "reading trixie's package lists"
apt-get "${apt_opts[@]}" update -qq >&2
(cd "$work/debs" && apt-get "${apt_opts[@]}" download docker.io containerd >&2)
mkdir -p "$dest/root"
for deb in "$work"/debs/*.deb; do dpkg -x "$deb" "$dest/root"; done
mkdir -p "$dest/bin"
for tool in dockerd docker docker-proxy containerd containerd-shim-runc-v2 docker-init; do
  found="$(find "$dest/root/usr" -name "$tool" -type f -perm -u+x | head -1)"
  [ -n "$found" ] && ln -sf "$found" "$dest/bin/$tool"
done
[ -x "$dest/bin/dockerd" ] || { say "no dockerd in the unpacked packages"; exit 1; }
say "$("$dest/bin/dockerd" --version)"
echo "$dest/bin"
