#!/usr/bin/env bash
# CI: install Debian's vagrant and bring vagrant/Vagrantfile's machine up with the docker provider
# (no hypervisor on CI: the "machine" is docker/Dockerfile's `vagrant` stage, reached over ssh).
#
# Needs Docker: runs .ci/install-docker.sh first. Removes lab machines left by deleted checkouts
# (containers labelled steplab.target=vagrant whose checkout's .vagrant/ no longer knows them).
# Idempotent: `vagrant up` on a running machine only checks it.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$repo/vagrant"

# say: one progress line.
say() { echo "install-vagrant: $*"; }

"$repo/.ci/install-docker.sh"
if ! command -v vagrant >/dev/null; then
  say "installing vagrant"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends vagrant openssh-client >/dev/null
fi
say "$(vagrant --version)"

# A lab machine is kept while the checkout that made it still knows it; machines of deleted
# checkouts (CI's earlier clones) are removed.
for id in $(docker ps -aq --no-trunc --filter label=steplab.target=vagrant); do
  owner="$(docker inspect -f '{{ index .Config.Labels "steplab.vagrant-dir" }}' "$id" 2>/dev/null || true)"
  if [ -z "$owner" ] || ! cat "$owner"/.vagrant/machines/*/docker/id 2>/dev/null | grep -qx "$id"; then
    say "removing lab machine ${id:0:12} of ${owner:-an unknown checkout}, which no longer uses it"
    docker rm -f "$id" >/dev/null
  fi
done

mkdir -p "$dir/.vagrant"
say "vagrant up --provider=docker in vagrant/"
start=$(date +%s)
(cd "$dir" && VAGRANT_NO_COLOR=1 vagrant up --provider=docker --no-color) >"$dir/.vagrant/ci-up.log" 2>&1 \
  || { tail -40 "$dir/.vagrant/ci-up.log" >&2; say "vagrant up failed (log above)"; exit 1; }
say "machine up in $(( $(date +%s) - start )) s"
