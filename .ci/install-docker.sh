#!/usr/bin/env bash
# CI: make a Docker Engine answer on this machine and make sure the lab image's base image exists.
#
# Installs Debian's docker.io (and debootstrap) when docker is missing, starts dockerd in the
# background when no daemon answers (CI machines boot without systemd), waits for its socket,
# then runs docker/build-base-image.sh so docker/Dockerfile can be built with no registry.
# Idempotent: each step is skipped when its result is already there.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log="${STEPLAB_DOCKERD_LOG:-/var/log/steplab-dockerd.log}"

# say: one progress line.
say() { echo "install-docker: $*"; }

# apt_install: install Debian packages quietly, refreshing the package lists once.
apt_install() {
  [ -n "${apt_updated:-}" ] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

command -v dockerd >/dev/null || { say "installing docker.io"; apt_install docker.io; }
command -v docker >/dev/null || apt_install docker.io
command -v debootstrap >/dev/null || { say "installing debootstrap"; apt_install debootstrap; }

# Without systemd nothing mounts the cgroup hierarchies dockerd needs; cgroupfs-mount does (v1 layout).
# Only where /sys/fs/cgroup is not mounted at all: a cgroup v2 host already has what dockerd needs.
if ! mountpoint -q /sys/fs/cgroup; then
  command -v cgroupfs-mount >/dev/null || apt_install cgroupfs-mount
  say "mounting the cgroup hierarchies"
  cgroupfs-mount
fi

if ! docker info >/dev/null 2>&1; then
  say "starting dockerd (log: $log)"
  nohup dockerd >"$log" 2>&1 </dev/null &
  for _ in $(seq 60); do
    docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  docker info >/dev/null 2>&1 || { tail -30 "$log" >&2; say "dockerd did not answer within 30 s (log above)"; exit 1; }
fi
say "Docker $(docker version --format '{{.Server.Version}}') answers"

"$repo/docker/build-base-image.sh"
