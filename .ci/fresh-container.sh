#!/usr/bin/env bash
# CI: the README's two commands on a machine that has nothing: a container of the bare Debian base image
# (docker/build-base-image.sh's debian:bookworm-slim: no lab tools, no Node). Copies the checkout in, runs
# `./setup </dev/null`, then, in a new login shell as the hook a learner's shell would be, `npx steplab --help`
# and the test command with the unit and sandbox-target tests forced on. A step ./setup forgets fails here.
#
# The container gets the docker target's grants (src/target/docker/target.ts, CONTAINER_GRANTS; a unit test holds them equal), not --privileged,
# and Docker's default bridge network, through which it reaches the npm registry and Debian's mirrors.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image="${STEPLAB_FRESH_IMAGE:-debian:bookworm-slim}"
name="steplab-fresh-$$"
# The tests a fresh machine must pass: every unit test, and each file that runs the sandbox on this kernel.
tests=(test/unit test/integration/sandbox.test.ts test/integration/kernel-snapshot.test.ts
  test/e2e/cli.test.ts test/e2e/mistakes.test.ts test/e2e/lessons.test.ts test/e2e/topology-lessons.test.ts)

# say: one progress line.
say() { echo "fresh-container: $*"; }

docker image inspect "$image" >/dev/null 2>&1 || "$repo/docker/build-base-image.sh" "$image"
trap 'docker rm -f "$name" >/dev/null 2>&1 || true' EXIT
docker run -d --name "$name" --label steplab.target=fresh \
  --cap-add NET_ADMIN --cap-add SYS_ADMIN --cap-add NET_RAW \
  --security-opt apparmor=unconfined --security-opt systempaths=unconfined \
  "$image" sleep infinity >/dev/null
# As the lab image's entrypoint does: a sandbox's user namespace may mount its own sysfs only where the container's is writable.
docker exec "$name" mount -o remount,rw /sys
say "container ${name} of $image; copying the checkout in"
# What a clone holds: tracked files and new ones not ignored (no node_modules, no .git).
(cd "$repo" && git ls-files -co --exclude-standard -z | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) \
  | docker exec -i "$name" sh -c 'mkdir -p /steplab && tar -C /steplab -xf -'

# A host behind a TLS-inspecting proxy trusts its CA from /usr/local/share/ca-certificates, the place for local CAs;
# the container reaches the npm registry through the same proxy, so it trusts them too (ca-certificates, which
# ./setup installs, adds them to the system store; Node reads that store through NODE_EXTRA_CA_CERTS).
ca_env=()
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  docker exec "$name" mkdir -p /usr/local/share/ca-certificates
  for crt in /usr/local/share/ca-certificates/*.crt; do docker cp "$crt" "$name:/usr/local/share/ca-certificates/" >/dev/null; done
  ca_env=(-e NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt)
  say "trusting this host's local CAs: $(cd /usr/local/share/ca-certificates && echo *.crt)"
fi

start=$(date +%s)
say "./setup </dev/null"
docker exec "${ca_env[@]}" "$name" bash -c 'cd /steplab && ./setup </dev/null'
say "set up in $(( $(date +%s) - start )) s"

# A new login shell, with nothing but the distribution's PATH: what a learner's next terminal sees.
fresh_shell=(docker exec "$name" env -i HOME=/root TERM=dumb PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -lc)
"${fresh_shell[@]}" 'cd /steplab && npx --no-install steplab --help >/dev/null && npm test -- --version'
start=$(date +%s)
"${fresh_shell[@]}" "cd /steplab && CI=true STEPLAB_REQUIRE_TARGETS=1 npm test -- ${tests[*]}"
say "tests passed in $(( $(date +%s) - start )) s"
