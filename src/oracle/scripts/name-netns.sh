# steplab oracle: make each running container's network namespace reachable by `ip netns` under the
# container's name, so a lesson's `… in c1` checks read the namespace Docker made. Run after every
# docker block in the lab's probe shell. Names made earlier are dropped first (a container may have
# stopped, restarted or gone); dropping a name unmounts it and never touches the namespace itself.
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
done
true
