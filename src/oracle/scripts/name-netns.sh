# steplab oracle: make each running container's network namespace reachable by `ip netns` under the
# container's name, so a lesson's `… in c1` checks read the namespace Docker made. Run after every
# docker block in the lab's probe shell. Names made earlier are dropped first (a container may have
# stopped, restarted or gone); dropping a name unmounts it and never touches the namespace itself.
# The host end of each container's veth is renamed after the container (see below).
export DOCKER_HOST=unix:///run/steplab/docker/docker.sock
list=/run/steplab/docker/named
if [ -f "$list" ]; then
  while read -r name; do ip netns delete "$name" 2>/dev/null; done < "$list"
fi
: > "$list"
docker ps -q | while read -r id; do
  set -- $(docker inspect -f '{{.Name}} {{.State.Pid}} {{.HostConfig.NetworkMode}}' "$id")
  name=${1#/} pid=$2 mode=$3
  # host mode shares the lab's own namespace: a name for it would make `in c1` read the host.
  [ "$mode" = host ] && continue
  [ -e "/run/netns/$name" ] && continue
  ip netns attach "$name" "$pid" 2>/dev/null && echo "$name" >> "$list"
  # Docker names the host end of each veth at random; give it the course's name instead, so the
  # lessons' `link veth-c3 …` checks apply: veth-NAME for eth0, veth-NAMEb for eth1, and so on.
  # Docker never reads the name back (it finds the pair through the container's end).
  for dev in $(ip -n "$name" -o link show type veth 2>/dev/null | sed -n 's/^[0-9]*: \(eth[0-9]*\)@if\([0-9]*\):.*/\1:\2/p'); do
    n=${dev%%:*}; n=${n#eth}; index=${dev##*:}
    suffix=$(printf '%s' "$n" | tr 0-9 ' bcdefghij' | tr -d ' ')
    want="veth-$name$suffix"
    host=$(ip -o link show 2>/dev/null | sed -n "s/^$index: \([^@:]*\)[@:].*/\1/p")
    [ -n "$host" ] && [ "$host" != "$want" ] && [ ${#want} -le 15 ] || continue
    ip link set dev "$host" down && ip link set dev "$host" name "$want" && ip link set dev "$want" up
  done
done
true
