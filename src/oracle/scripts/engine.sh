# steplab oracle: start a Docker engine inside the lab. Run by the lab's probe shell as real root
# in the lab's network, mount and PID namespaces:
# `bash -c SCRIPT steplab BIN_DIR IMAGE_TAR CGROUP_PARENT [DOCKERD_OPTION…]` (options from a docker block's daemon="…").
# Everything it makes lives in those namespaces or on the lab's tmpfs mounts, and dies with the lab:
# dockerd, containerd and the shims are in the lab's PID namespace, so PID 1's exit ends them all.
# Prints `STEPLAB-ENGINE-READY VERSION` or `STEPLAB-ENGINE-FAIL why` (and the daemon's log) last.
set -u
bin_dir=$1 image_tar=$2 cgroup_parent=$3
shift 3
lesson_options=("$@")
fail() { echo "STEPLAB-ENGINE-FAIL $*"; [ -f /run/steplab/docker/dockerd.log ] && tail -20 /run/steplab/docker/dockerd.log; exit 1; }
[ -n "$bin_dir" ] && export PATH="$bin_dir:$PATH"
command -v dockerd >/dev/null || fail "no dockerd in ${bin_dir:-PATH}"
command -v docker >/dev/null || fail "no docker client in ${bin_dir:-PATH}"

# The lab mounted a fresh sysfs over /sys, which hides the host's cgroup mounts (still listed in
# mountinfo); runc needs them. Mount the same hierarchies again in the lab's mount namespace.
if [ -z "$(ls -A /sys/fs/cgroup 2>/dev/null)" ]; then
  mount -t tmpfs -o mode=0755 cgroup /sys/fs/cgroup || fail "cannot mount /sys/fs/cgroup"
  v2=
  mounts=$(cat /proc/self/mountinfo)
  while read -r _ _ _ _ point _ rest; do
    fstype=${rest#*- }; fstype=${fstype%% *}
    options=${rest##* }
    case "$fstype" in
      cgroup2) [ "$point" = /sys/fs/cgroup ] && v2=1 ;;
      cgroup)
        name=${point#/sys/fs/cgroup/}
        [ "$name" = "$point" ] && continue
        opts=$(printf '%s' "$options" | tr ',' '\n' | grep -v '^rw$\|^ro$' | paste -sd, -)
        mkdir -p "/sys/fs/cgroup/$name"
        mount -t cgroup -o "$opts" cgroup "/sys/fs/cgroup/$name" || fail "cannot mount the $name cgroup hierarchy"
        ;;
    esac
  done <<< "$mounts"
  if [ -n "$v2" ]; then
    umount /sys/fs/cgroup
    mount -t cgroup2 cgroup2 /sys/fs/cgroup || fail "cannot mount cgroup2"
  fi
fi

# The daemon's files on the lab's tmpfs: its state, its socket, its key (20.10 writes /etc/docker/key.json).
dir=/run/steplab/docker
mkdir -p "$dir/data" "$dir/exec" /etc/docker
mount -t tmpfs -o mode=0755 steplab-docker /etc/docker || fail "cannot mount a private /etc/docker"
proxy=$(command -v docker-proxy || true)
set -- --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/dockerd.pid" \
  -H "unix://$dir/docker.sock" --cgroup-parent "$cgroup_parent" --group root
[ -n "$proxy" ] && set -- "$@" --userland-proxy-path "$proxy"
set -- "$@" "${lesson_options[@]}"
setsid dockerd "$@" </dev/null >"$dir/dockerd.log" 2>&1 &
export DOCKER_HOST="unix://$dir/docker.sock"
tries=0
until docker version >/dev/null 2>&1; do
  tries=$((tries + 1)); [ $tries -gt 300 ] && fail "dockerd did not answer within 30 s"
  kill -0 $! 2>/dev/null || fail "dockerd exited"
  sleep 0.1
done
out=$(docker import "$image_tar" lab:latest 2>&1) || fail "cannot import the lab image from $image_tar: $out"
echo "STEPLAB-ENGINE-READY $(docker version --format '{{.Server.Version}}')"
