# steplab sandbox: one script, three roles. Run as `bash -c SCRIPT steplab enter WORLD USERNS [SPREAD]`;
# it runs itself again as `init WORLD USERNS PLAN` (PLAN: what `ids` prints).
#
# enter: on the target, as whoever runs steplab. On a virtual machine, pins itself to one CPU
#   (the SPREAD-th of those it may use, round). Creates a user namespace (a 65536-id range when
#   root, the user's subordinate ids when it has some, else just itself as root), then network,
#   mount and PID namespaces, and runs this script again as `init` inside them.
# init: PID 1 of the new namespaces. Builds the lab world, says READY, then waits on its
#   lifeline (stdin). When the lifeline closes (steplab exited, was killed, or the connection
#   to the target dropped), it exits and the kernel kills everything else in the PID
#   namespace; the namespaces and mounts go with the last process. Nothing is made outside.
# ids: prints how `enter` would map ids here (`root START`, `subordinate`, or
#   `single USER START REASON`), for `steplab doctor`. Optional: LOGIN_DEFS SUBUID SUBGID files.
set -u
role=${1:-init}
world=${2:-internet}
userns=${3:-yes}
plan=${4:-}
self=$BASH_EXECUTION_STRING
fail() { echo "STEPLAB-FAIL $*"; exit 1; }
NS_FLAGS='--net --mount --pid --fork --kill-child'
# The lab's shell is root inside the lab: it needs the sbin folders (iptables, sysctl, bridge),
# whatever PATH steplab was started with (a normal user's login PATH on Debian has none).
[ "${STEPLAB_SHIMMED:-}" = 1 ] && PATH=${PATH#/run:}  # drop the newuidmap stand-ins' folder (root, below)
for d in /usr/local/sbin /usr/sbin /sbin; do case ":$PATH:" in *":$d:"*) ;; *) PATH=$PATH:$d ;; esac; done
export PATH

# The first START >= $1 such that START..START+65535 meets no entry of the subuid/subgid files $2...
free_range() {
  local start=$1 moved=1 f s c; shift
  while [ $moved = 1 ]; do
    moved=0
    for f in "$@"; do
      [ -r "$f" ] || continue
      while IFS=: read -r _ s c _; do
        case "$s:$c" in *[!0-9:]* | :* | *:) continue ;; esac
        if [ "$s" -lt $((start + 65536)) ] && [ $((s + c)) -gt "$start" ]; then start=$((s + c)); moved=1; fi
      done < "$f"
    done
  done
  echo "$start"
}

# How `enter` maps ids: `root START` (root: a range no subordinate-id entry covers, above the
# ones useradd hands out, so no user's own namespaces can own what the lab makes), `subordinate`
# (the user's own ranges), or `single USER START REASON` (only the user's id; START is a free
# range to give it).
id_plan() {
  local defs=${1:-/etc/login.defs} subuid=${2:-/etc/subuid} subgid=${3:-/etc/subgid} user uid max
  user=$(id -un 2>/dev/null || id -u); uid=$(id -u)
  if [ "$uid" = 0 ] && [ "${STEPLAB_SHIMMED:-}" != 1 ]; then
    # useradd allocates subordinate ids up to SUB_UID_MAX / SUB_GID_MAX (600100000 by default).
    max=$(awk '($1 == "SUB_UID_MAX" || $1 == "SUB_GID_MAX") && $2 ~ /^[0-9]+$/ && $2 > m { m = $2 } END { print (m > 600100000 ? m : 600100000) }' "$defs" 2>/dev/null)
    max=${max:-600100000}
    echo "root $(free_range $(( (max / 65536 + 1) * 65536 )) "$subuid" "$subgid")"
  elif grep -qE "^($user|$uid):" "$subuid" 2>/dev/null && grep -qE "^($user|$uid):" "$subgid" 2>/dev/null; then
    if command -v newuidmap >/dev/null 2>&1 && command -v newgidmap >/dev/null 2>&1; then echo subordinate
    else echo "single $user 0 no-newuidmap"; fi
  else
    echo "single $user $(free_range 100000 "$subuid" "$subgid") no-subids"
  fi
}

if [ "$role" = ids ]; then id_plan "${2:-}" "${3:-}" "${4:-}"; exit 0; fi

# Pin this process, and so the lab it starts, to the $1-th CPU (round) of those it may use; print it.
# A lesson runs one command at a time. On a virtual machine, where page faults are dear (14 µs each on
# the one this was measured on) and faulting on two CPUs at once contends, a process that hops between
# CPUs, or starts beside another lesson's on the same ones, costs more: steps cost 10-20% less pinned.
# On bare metal a fault costs well under a microsecond, and the scheduler's pick of an idle CPU is
# worth more than that: nothing is pinned there, nor with one CPU or without taskset.
pin_cpu() {
  local key value list='' part a b line vm=no
  local -a cpus=()
  while IFS= read -r line; do
    case $line in flags*) case "$line " in *" hypervisor "*) vm=yes ;; esac; break ;; esac
  done < /proc/cpuinfo
  [ "$vm" = yes ] || return 0
  while read -r key value; do [ "$key" = Cpus_allowed_list: ] && list=$value; done < /proc/self/status
  for part in ${list//,/ }; do
    case $part in
      *-*) a=${part%-*}; b=${part#*-}; while [ "$a" -le "$b" ]; do cpus+=("$a"); a=$((a + 1)); done ;;
      *) cpus+=("$part") ;;
    esac
  done
  [ "${#cpus[@]}" -gt 1 ] && command -v taskset >/dev/null 2>&1 || return 0
  local cpu=${cpus[$(($1 % ${#cpus[@]}))]}
  taskset -pc "$cpu" $$ >/dev/null 2>&1 && echo "$cpu"
}

if [ "$role" = enter ]; then
  # The shells steplab opens later join by nsenter, not as children: READY tells them the CPU.
  case ${4:-} in '' | *[!0-9]*) ;; *) STEPLAB_CPU=$(pin_cpu "$4"); export STEPLAB_CPU ;; esac
  plan=$(id_plan)
  if [ "$userns" = no ]; then
    exec unshare $NS_FLAGS -- bash --norc -c "$self" steplab init "$world" no "$plan"
  fi
  case $plan in
    root\ *)
      # Root: map ids 0-65535 inside to the free range outside, so root in the lab is nobody to
      # the host's files and tools that switch users (tcpdump) find their ids mapped. unshare
      # writes maps through newuidmap, which wants /etc/subuid entries; root may write any map
      # itself, so give it two-line stand-ins on a tmpfs that only this mount namespace sees.
      first=${plan#root }
      exec unshare --mount --propagation private -- env STEPLAB_SHIMMED=1 bash --norc -c '
        mount -t tmpfs -o mode=0755 steplab-shim /run || { echo "STEPLAB-FAIL cannot mount a private /run"; exit 1; }
        for t in uid gid; do
          printf "#!/bin/sh\npid=\$1; shift; echo \"\$*\" > /proc/\$pid/%s_map\n" "$t" > /run/new${t}map
          chmod 755 /run/new${t}map
        done
        PATH=/run:$PATH exec unshare --map-users=$3,0,65536 --map-groups=$3,0,65536 --setgroups allow \
          --setuid 0 --setgid 0 '"$NS_FLAGS"' -- bash --norc -c "$0" steplab init "$1" yes "$2"' "$self" "$world" "$plan" "$first" ;;
    subordinate)
      exec unshare --map-auto --setuid 0 --setgid 0 $NS_FLAGS -- bash --norc -c "$self" steplab init "$world" yes "$plan" ;;
    *)
      exec unshare --user --map-root-user $NS_FLAGS -- bash --norc -c "$self" steplab init "$world" yes "$plan" ;;
  esac
fi

# Our PID as the target sees it (first NSpid entry), read before /proc is replaced.
outer_pid=
while read -r key value _; do [ "$key" = NSpid: ] && outer_pid=$value; done < /proc/self/status
[ -n "$outer_pid" ] || fail "cannot read NSpid from /proc/self/status (kernel too old?)"

mount --make-rprivate / 2>/dev/null
mount -t proc proc /proc || fail "cannot mount a private /proc"
mount -t sysfs sysfs /sys || fail "cannot mount /sys for the new network namespace"
# Private /run (ip netns add writes there), /tmp and /root: the lesson never writes to the host.
for dir in /run /tmp /root; do
  mount -t tmpfs -o mode=0755 "steplab${dir%/}" "$dir" 2>/dev/null || mount -t tmpfs steplab "$dir" || fail "cannot mount a private $dir"
done
chmod 1777 /tmp
cd /root || fail "cannot enter the private /root"
mkdir -p /run/netns /run/steplab/bin /run/lock
[ -e /var/run ] || ln -s /run /var/run 2>/dev/null

# With one id mapped, tcpdump cannot switch users (it drops privileges by default). Say why and
# the fix for the user who runs steplab (not for root in here): in a stand-in on PATH, and in
# /run/steplab/unusable/tcpdump, which the lesson's `requires` check and `steplab doctor` read.
if [ "$(awk '{ n += $3 } END { print n }' /proc/self/uid_map)" = 1 ]; then
  set -- $plan
  if [ "${4:-}" = no-newuidmap ]; then
    why="tcpdump cannot run in this sandbox: your user ${2:-} has subordinate ids, but newuidmap is not installed, so the sandbox maps only your own id and tcpdump cannot switch to its own user. Fix: sudo apt-get install uidmap"
  else
    range=${3:-100000}-$(( ${3:-100000} + 65535 ))
    why="tcpdump cannot run in this sandbox: your user ${2:-USER} has no subordinate ids (/etc/subuid, /etc/subgid), so the sandbox maps only your own id and tcpdump cannot switch to its own user. Fix: sudo usermod --add-subuids $range --add-subgids $range ${2:-\$USER}"
    command -v newuidmap >/dev/null 2>&1 || why="$why && sudo apt-get install uidmap"
    why="$why, then start steplab again (or run it as root, or use --target docker)."
  fi
  mkdir -p /run/steplab/unusable
  printf '%s\n' "$why" > /run/steplab/unusable/tcpdump
  printf '#!/bin/sh\ncat /run/steplab/unusable/tcpdump >&2\nexit 1\n' > /run/steplab/bin/tcpdump
  chmod 755 /run/steplab/bin/tcpdump
fi

# What every shell in the lab starts with (the lesson's, steplab's probe and reader, the learner's
# interactive one): root's home, a prompt, the stand-ins first, then the PATH above with its sbin
# folders, and the tools' messages in English, as the lessons quote them and their checks match them
# ("Network is unreachable"): with LANGUAGE=zh_CN, glibc's come out in Chinese ("网络不可达"). The
# learner's character set stays (LC_CTYPE).
printf 'export HOME=/root PS1=%q PATH=%q\ncd /root 2>/dev/null || cd /\n' 'lab# ' "/run/steplab/bin:$PATH" > /run/steplab/env.sh
echo '[ -z "${LC_ALL-}" ] || export LC_CTYPE="$LC_ALL"; unset LC_ALL LANGUAGE; export LC_MESSAGES=C' >> /run/steplab/env.sh

ip link set lo up || fail "cannot configure the new network namespace (ip link set lo up failed)"
# A new namespace may inherit the host's forwarding setting: a lab host starts with it off.
sysctl -qw net.ipv4.ip_forward=0 2>/dev/null

if [ "$world" = internet ]; then
  W="nsenter --net=/run/steplab/world"
  : > /run/steplab/world
  unshare --net=/run/steplab/world true || fail "cannot create the simulated internet's namespace"
  ip link add eth0 type veth peer name eth0 netns /run/steplab/world || fail "cannot create the uplink veth pair"
  # Up first: the kernel reports carrier up to a second later, so let that overlap the rest.
  $W ip link set eth0 up
  ip link set eth0 up
  $W ip link set lo up
  $W ip addr add 203.0.113.1/24 dev eth0
  $W ip addr add 198.51.100.10/32 dev lo
  $W sysctl -qw net.ipv4.ip_forward=0 2>/dev/null
  ip addr add 203.0.113.2/24 dev eth0
  ip route add default via 203.0.113.1 || fail "cannot add the default route via 203.0.113.1"
  cat > /run/steplab/www.sh <<'WWW'
# The simulated internet's web server: answers every request with the address it came from.
read -r method path _ || exit 0
body="hello from the simulated internet (198.51.100.10)
you asked for $path from $SOCAT_PEERADDR
"
printf 'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' "${#body}" "$body"
WWW
  $W socat TCP-LISTEN:80,bind=198.51.100.10,fork,reuseaddr EXEC:'sh /run/steplab/www.sh' </dev/null >/run/steplab/www.log 2>&1 &
  tries=0
  until $W bash --norc -c 'exec 3<>/dev/tcp/198.51.100.10/80' 2>/dev/null; do
    tries=$((tries + 1)); [ $tries -gt 50 ] && fail "the simulated internet's web server did not start: $(cat /run/steplab/www.log)"
    sleep 0.05
  done
  # The first step must not see the uplink before its carrier is up (state DOWN, NO-CARRIER).
  tries=0
  until read -r state < /sys/class/net/eth0/operstate && [ "$state" = up ]; do
    tries=$((tries + 1)); [ $tries -gt 150 ] && fail "the uplink eth0 did not come up"
    sleep 0.02
  done
fi

# One id mapped (no subordinate ids): joining processes must keep their credentials.
mapping=wide
[ "$(wc -l < /proc/self/uid_map)" -gt 1 ] || { read -r _ _ count < /proc/self/uid_map; [ "$count" -gt 1 ] || mapping=single; }
echo "STEPLAB-READY $outer_pid $mapping ${STEPLAB_CPU:--}"
# The lifeline: a foreground cat until EOF. While bash waits for it, it reaps every child that
# ends, orphans included, as PID 1 must (in a `read` builtin it would reap none).
cat > /dev/null
exit 0
