#!/usr/bin/env bash
# Make sure the image docker/Dockerfile starts FROM exists: pull it, or build it from Debian packages.
#
# Where no registry can be reached (CI, air-gapped hosts) the image is built with
# debootstrap from the Debian mirror apt already uses here, then `docker import`ed
# under the same name, so the Dockerfile itself is what gets built everywhere.
# Idempotent: does nothing when the image is already there or can be pulled.
#
# Usage: docker/build-base-image.sh [IMAGE]   (default: the FROM line of docker/Dockerfile)
# Env:   STEPLAB_DEBIAN_MIRROR   override the mirror (default: the one apt is configured with)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
image="${1:-$(awk 'toupper($1) == "FROM" { print $2; exit }' "$here/Dockerfile")}"
suite="${image##*:}"          # debian:bookworm-slim -> bookworm-slim
suite="${suite%-slim}"        # -> bookworm

# say: a progress line on stderr, so callers can keep stdout clean.
say() { echo "build-base-image: $*" >&2; }

# debian_mirrors: the Debian repositories apt uses here, as "URI SUITE" lines (main archive first).
debian_mirrors() {
  apt-get indextargets --format '$(REPO_URI) $(CODENAME) $(ORIGIN)' 2>/dev/null \
    | awk -v s="$suite" '$3 == "Debian" && index($2, s) == 1 { print $1, $2 }' | sort -u | sort -k2,2
}

if docker image inspect "$image" >/dev/null 2>&1; then
  say "$image is already present; nothing to do"
  exit 0
fi
if docker pull "$image" >/dev/null 2>&1; then
  say "pulled $image"
  exit 0
fi

command -v debootstrap >/dev/null || { say "cannot pull $image and debootstrap is missing: apt-get install debootstrap"; exit 1; }
mirror="${STEPLAB_DEBIAN_MIRROR:-$(debian_mirrors | awk -v s="$suite" '$2 == s { print $1; exit }')}"
mirror="${mirror:-http://deb.debian.org/debian/}"

work="$(mktemp -d /var/tmp/steplab-base.XXXXXX)"
trap 'rm -rf "$work"' EXIT
say "cannot pull $image; building it with debootstrap $suite from $mirror (about 2 minutes)"
debootstrap --variant=minbase "$suite" "$work/root" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; say "debootstrap failed (full log above)"; exit 1; }

# The image's apt should reach the same repositories as this host (the main archive, updates, security).
entries="$(debian_mirrors)"
if [ -n "$entries" ] && [ -z "${STEPLAB_DEBIAN_MIRROR:-}" ]; then
  echo "$entries" | awk '{ print "deb", $1, $2, "main" }' >"$work/root/etc/apt/sources.list"
fi
# Keep it slim like the official image: no apt lists, caches or logs.
rm -rf "$work/root/var/lib/apt/lists/"* "$work/root/var/cache/apt/"*.bin "$work/root/var/cache/apt/archives/"*.deb \
  "$work/root/var/log/"*.log "$work/root/debootstrap"

tar -C "$work/root" --numeric-owner -c . | docker import --change 'CMD ["bash"]' - "$image" >/dev/null
say "built $image ($(docker image inspect -f '{{.Size}}' "$image" | awk '{ printf "%.0f MB", $1 / 1e6 }'))"
