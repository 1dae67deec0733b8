# steplab oracle: make the `lab` image's root filesystem from this machine's own programs (nothing
# is pulled) and write it as a tar for `docker import`. `bash -c SCRIPT steplab OUT.tar`.
# The image holds sh, ip, ping, nc and socat (TCP clients and servers), sleep and what they need to run.
set -eu
out=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
tools="sh ip ping nc socat sleep cat echo ls awk true false"
for tool in $tools; do
  path=$(type -P "$tool" 2>/dev/null) || continue
  case "$path" in /*) ;; *) continue ;; esac
  real=$(readlink -f "$path")
  mkdir -p "$root/bin"
  cp -L "$real" "$root/bin/$tool"
  # Each shared library at the path the loader looks for it, the loader included.
  ldd "$real" 2>/dev/null | grep -o '/[^ ]*' | while read -r lib; do
    mkdir -p "$root$(dirname "$lib")"
    [ -e "$root$lib" ] || cp -L "$lib" "$root$lib"
  done
done
for tool in sh ip ping nc sleep; do
  [ -x "$root/bin/$tool" ] || { echo "steplab: the lab image needs $tool, not found on this machine" >&2; exit 1; }
done
# ping needs its capability or root; the image runs as root. The usual directories and files.
mkdir -p "$root/usr" "$root/etc" "$root/proc" "$root/sys" "$root/dev" "$root/tmp" "$root/run" "$root/root"
ln -s ../bin "$root/usr/bin"; ln -s bin "$root/sbin"
echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
echo 'root:x:0:' > "$root/etc/group"
tar -C "$root" -cf "$out.part" . && mv "$out.part" "$out"
