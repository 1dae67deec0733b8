# steplab shell prelude: turns a plain bash reading stdin into a lesson shell.
# steplab sends one line per block, `__steplab_exec ID TIMEOUT_S BYTES` or `__steplab_bg ID TIMEOUT_S READY BYTES`
# (READY as an ANSI-C quoted word, $'…', empty for none), then the block's code itself, BYTES long. bash
# reads the commands it runs from a pipe a byte at a time (a syscall a byte); `read -N` takes the code in
# a few reads, and no process decodes it.
# Each answer ends with a line `\n$__STEPLAB_TOKEN ID STATUS TIMEDOUT LINE` (LINE: the block's line,
# from 1, whose command failed; 0 when none did or for a background block).
# Set by steplab before this prelude: __STEPLAB_TOKEN, and __STEPLAB_ROLE=lesson for the lesson's shell.
# The shell's own notices (jobs it reaped) go to a log; each block's stderr is merged into its output.
# A block costs no process of steplab's own: forks are the dearest thing a step does on a loaded machine.
exec 2>>/run/steplab/shell.log
# HOME, PS1 and PATH (the stand-ins first, the sbin folders), written by the sandbox's init.
. /run/steplab/env.sh
# SIGUSR1 from steplab interrupts a running block (Ctrl-C); between blocks it does nothing.
trap : USR1

# Kill every process under this shell, or under shell $2 (the step's foreground). The watchdog and
# background blocks are double-forked, so they are not under it and a `wait` in a step never waits for them.
__steplab_kill_fg() {
  ps -eo pid=,ppid= 2>/dev/null | awk -v root="${2:-$$}" '
    { parent[$1] = $2; pids[NR] = $1 }
    END {
      for (i = 1; i <= NR; i++) {
        q = pids[i]
        while (q != "" && q > 1 && parent[q] != root) q = parent[q]
        if (parent[q] == root) printf "%s ", pids[i]
      }
    }' | xargs -r kill -"$1" 2>/dev/null
}

# The shell's watchdog: one process a shell, started at its first block, double-forked so a `wait` in
# a step never waits for it. It reads `arm ID SECONDS` before each block and `disarm ID` after it from
# the pipe $1.in, and answers `ID TIMEDOUT` on $1.out once it has let go of the block. When the time is
# up it stops the step as Ctrl-C would (ping and tcpdump print their summaries), then SIGKILLs what is
# left; a step that still does not end (a loop of builtins) loses its shell.
__steplab_watch() {
  local op id secs got n
  exec 3<"$1.in" 4>"$1.out"
  while read -r op id secs <&3; do
    if [ "$op" != arm ]; then echo "$id 0" >&4; continue; fi
    got=''
    read -r -t "$secs" op got _ <&3
    n=$?
    # A line (disarm, in time), or the pipe's end (the shell is gone).
    if [ $n -eq 0 ]; then echo "$got 0" >&4; continue; fi
    [ $n -gt 128 ] || exit 0
    __steplab_kill_fg INT
    if read -r -t 0.3 op got _ <&3; then echo "$got 1" >&4; continue; fi
    n=0
    while [ $n -lt 20 ]; do
      __steplab_kill_fg KILL
      if read -r -t 0.1 op got _ <&3; then echo "$got 1" >&4; continue 2; fi
      n=$((n + 1))
    done
    kill -KILL $$
    exit 0
  done
}

# Start this shell's watchdog (again, if a step killed it). Its pipes are opened read-write here, so
# writing never blocks nor raises SIGPIPE; blocks run with both closed, so only this shell holds them.
__steplab_wd_pid=''
# Placeholders until the pipes are open, so that blocks may always close both.
exec {__steplab_wd_w}</dev/null {__steplab_wd_r}</dev/null
__steplab_wd_start() {
  local base=/run/steplab/watchdog-$$
  [ -z "$__steplab_wd_pid" ] || kill -KILL "$__steplab_wd_pid" 2>/dev/null || :
  exec {__steplab_wd_w}>&- {__steplab_wd_r}>&-
  rm -f "$base.in" "$base.out"
  mkfifo "$base.in" "$base.out" || return 1
  exec {__steplab_wd_w}<>"$base.in" {__steplab_wd_r}<>"$base.out"
  ( __steplab_watch "$base" </dev/null >/dev/null 2>&1 {__steplab_wd_w}>&- {__steplab_wd_r}>&- & echo $! > "$base.pid" )
  read -r __steplab_wd_pid < "$base.pid" || __steplab_wd_pid=''
}

# Arm the watchdog for block $1 with $2 seconds.
__steplab_wd_arm() {
  [ -n "$__steplab_wd_pid" ] && [ -d "/proc/$__steplab_wd_pid" ] || __steplab_wd_start || return 0
  echo "arm $1 $2" >&"$__steplab_wd_w"
}

# Disarm it after block $1 and wait (bounded) until it has let go, so its kills never reach the next
# block; sets __steplab_to=1 when the block's time ran out.
__steplab_wd_disarm() {
  local id to
  [ -n "$__steplab_wd_pid" ] || return 0
  echo "disarm $1" >&"$__steplab_wd_w"
  while read -r -t 5 id to <&"$__steplab_wd_r"; do
    if [ "$id" = "$1" ]; then
      [ "$to" = 1 ] && __steplab_to=1
      return 0
    fi
  done
  # No answer: a stuck or lost watchdog; the next block starts a new one.
  kill -KILL "$__steplab_wd_pid" 2>/dev/null || :
  __steplab_wd_pid=''
}

# Define $2 (shell code) as function $1, stopping at the first failing command like `set -e`.
# The ERR trap keeps the failing command's line within the block: bash's LINENO counts the lines it
# has read from stdin, so the block's first line (the trap's own) is taken as the base.
__steplab_define() {
  unset -f "$1"
  eval "$1() { local __steplab_base=\$LINENO; trap '__steplab_status=\$?; __steplab_line=\$((LINENO - __steplab_base)); trap - ERR; return \$__steplab_status' ERR; trap '__steplab_status=130; __steplab_line=0; trap - ERR; trap : USR1; return 130' USR1
$2
}"
}

# The names the shell holds before any block runs (bash's own, the environment): not the lesson's.
declare -A __steplab_own_vars
for __steplab_n in $(compgen -v); do __steplab_own_vars[$__steplab_n]=1; done

# Write the lesson's own scalar variables to $1 as NAME=VALUE lines the probe shell can source,
# so checks see them without sharing (or changing) this shell. Builtins only: about 1-2 ms of CPU.
__steplab_save_vars() {
  local __steplab_n __steplab_names
  compgen -v > "$1"
  mapfile -t __steplab_names < "$1"
  for __steplab_n in "${__steplab_names[@]}"; do
    # The `-` defaults keep a lesson's `set -u` from ending this shell.
    [[ -n ${__steplab_own_vars[$__steplab_n]-} || $__steplab_n == _ || $__steplab_n == __steplab_* || $__steplab_n == __STEPLAB_* ]] && continue
    # Arrays cannot cross into `sh -c` through the environment; plain variables can.
    [[ ${!__steplab_n@a} == *[aA]* ]] && continue
    printf '%s=%q\n' "$__steplab_n" "${!__steplab_n-}"
  done > "$1"
}

# Read the block's code that follows its line on stdin: $1 bytes, into __steplab_code.
__steplab_read_code() {
  local LC_ALL=C
  __steplab_code=''
  [ "$1" -gt 0 ] || return 0
  IFS= read -r -N "$1" __steplab_code
}

# Run one block in this shell: state (variables, cd) carries to the next block.
__steplab_exec() {
  local __steplab_id=$1 __steplab_st __steplab_to=0 __steplab_code
  __steplab_line=0
  __steplab_read_code "$3"
  if __steplab_define __steplab_block "$__steplab_code" 2>&1; then
    __steplab_wd_arm "$__steplab_id" "$2"
    __steplab_block </dev/null 2>&1 {__steplab_wd_w}>&- {__steplab_wd_r}>&-
    __steplab_st=$?
    trap - ERR; trap : USR1
    __steplab_wd_disarm "$__steplab_id"
  else
    __steplab_st=2
  fi
  [ "$__STEPLAB_ROLE" = lesson ] && __steplab_save_vars /run/steplab/lesson-vars.sh
  printf '\n%s %s %d %d %d\n' "$__STEPLAB_TOKEN" "$__steplab_id" "$__steplab_st" "$__steplab_to" "$__steplab_line"
}

# Start one block in the background; it runs until the sandbox ends. Reports a quick failure.
# With a ready text ($3; empty for none) it waits up to $2 seconds until the block's output
# shows that text: status 0 once it does, the block's own status (1 for 0) when it ends first,
# and TIMEDOUT 1 when the time runs out.
__steplab_bg() {
  local __steplab_id=$1 __steplab_st=0 __steplab_to=0 __steplab_dir=/run/steplab/bg-$1 __steplab_ready=$3 __steplab_log __steplab_end __steplab_code
  __steplab_read_code "$4"
  if __steplab_define "__steplab_bg_$1" "$__steplab_code" 2>&1; then
    mkdir -p "$__steplab_dir"
    ( ( ( "__steplab_bg_$__steplab_id" ); echo $? > "$__steplab_dir/status" ) </dev/null >"$__steplab_dir/log" 2>&1 {__steplab_wd_w}>&- {__steplab_wd_r}>&- & )
    if [ -z "$__steplab_ready" ]; then
      sleep 0.3
      if [ -e "$__steplab_dir/status" ]; then
        __steplab_st=$(cat "$__steplab_dir/status")
        cat "$__steplab_dir/log"
      fi
    else
      # EPOCHREALTIME without its dot is microseconds; only builtins read the log.
      __steplab_end=$(( ${EPOCHREALTIME/./} + ${2%.*} * 1000000 + ${2#*.} * 100000 ))
      while :; do
        __steplab_log=''
        IFS= read -r -d '' __steplab_log < "$__steplab_dir/log"
        case "$__steplab_log" in *"$__steplab_ready"*) break ;; esac
        if [ -e "$__steplab_dir/status" ]; then
          read -r __steplab_st < "$__steplab_dir/status"
          [ "$__steplab_st" = 0 ] && __steplab_st=1
          printf '%s' "$__steplab_log"
          printf '\n[steplab] the background block ended (status %s) before its output showed "%s"\n' "$(cat "$__steplab_dir/status")" "$__steplab_ready"
          break
        fi
        if [ "${EPOCHREALTIME/./}" -ge "$__steplab_end" ]; then
          __steplab_st=1 __steplab_to=1
          printf '%s' "$__steplab_log"
          printf '\n[steplab] the background block did not show "%s" within %s s; it keeps running\n' "$__steplab_ready" "$2"
          break
        fi
        sleep 0.02
      done
    fi
  else
    __steplab_st=2
  fi
  printf '\n%s %s %d %d 0\n' "$__STEPLAB_TOKEN" "$__steplab_id" "$__steplab_st" "$__steplab_to"
}

# Run from the probe shell on Ctrl-C: stop the lesson shell's running block ($1: INT, then KILL if it
# lingers). The shell itself survives with its variables: USR1 makes the block's function return.
__steplab_interrupt() {
  local pid
  read -r pid < /run/steplab/lesson.pid 2>/dev/null || return 1
  kill -USR1 "$pid" 2>/dev/null
  __steplab_kill_fg "${1:-INT}" "$pid"
}

# The watchdog is started with the shell, while steplab is busy elsewhere, not with its first block.
__steplab_wd_start || :
