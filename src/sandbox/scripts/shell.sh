# steplab shell prelude: turns a plain bash reading stdin into a lesson shell.
# steplab sends one line per block: `__steplab_exec ID TIMEOUT_S BASE64` or `__steplab_bg ID TIMEOUT_S READY_BASE64|- BASE64`.
# Each answer ends with a line `\n$__STEPLAB_TOKEN ID STATUS TIMEDOUT LINE` (LINE: the block's line,
# from 1, whose command failed; 0 when none did or for a background block).
# Set by steplab before this prelude: __STEPLAB_TOKEN, and __STEPLAB_ROLE=lesson for the lesson's shell.
# The shell's own notices (jobs it reaped) go to a log; each block's stderr is merged into its output.
exec 2>>/run/steplab/shell.log
# HOME, PS1 and PATH (the stand-ins first, the sbin folders), written by the sandbox's init.
. /run/steplab/env.sh

# Kill every process under this shell (the step's foreground). The watchdog and background
# blocks are double-forked, so they are not under it and a `wait` in a step never waits for them.
__steplab_kill_fg() {
  ps -eo pid=,ppid= 2>/dev/null | awk -v root=$$ '
    { parent[$1] = $2; pids[NR] = $1 }
    END {
      for (i = 1; i <= NR; i++) {
        q = pids[i]
        while (q != "" && q > 1 && parent[q] != root) q = parent[q]
        if (parent[q] == root) printf "%s ", pids[i]
      }
    }' | xargs -r kill -"$1" 2>/dev/null
}

# After $1 seconds, stop the step as Ctrl-C would (ping and tcpdump print their summaries), then
# SIGKILL what is left; a step that still does not end (a loop of builtins) loses its shell.
__steplab_watchdog() {
  # Stopped with SIGTERM when the block ends in time; the timer's sleep goes with it.
  # %1, not $!: a TERM may land between starting the timer and learning its PID.
  trap 'kill %1 2>/dev/null; exit 0' TERM
  sleep "$1" &
  wait $! || return
  : > /run/steplab/timedout
  __steplab_kill_fg INT
  sleep 0.3
  local n=0
  while [ $n -lt 20 ]; do __steplab_kill_fg KILL; sleep 0.1; n=$((n + 1)); done
  kill -KILL $$
}

# Stop this block's watchdog and wait (bounded) until it and its timer are gone, so the next
# block never sees them in ps. A zombie counts as gone: PID 1 reaps it.
__steplab_stop_watchdog() {
  local wd state n=0
  read -r wd < /run/steplab/watchdog.pid 2>/dev/null || return 0
  kill "$wd" 2>/dev/null || return 0
  # Builtins only: it is gone within a millisecond or two, less than one external sleep costs.
  while [ $n -lt 20000 ] && read -r _ _ state _ < "/proc/$wd/stat" 2>/dev/null && [ "$state" != Z ]; do
    n=$((n + 1))
  done
}

# Define $2 (base64 shell code) as function $1, stopping at the first failing command like `set -e`.
# The ERR trap keeps the failing command's line within the block: bash's LINENO counts the lines it
# has read from stdin, so the block's first line (the trap's own) is taken as the base.
__steplab_define() {
  local __steplab_code
  __steplab_code=$(printf '%s' "$2" | base64 -d) || return 2
  unset -f "$1"
  eval "$1() { local __steplab_base=\$LINENO; trap '__steplab_status=\$?; __steplab_line=\$((LINENO - __steplab_base)); trap - ERR; return \$__steplab_status' ERR
$__steplab_code
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
    [[ -n ${__steplab_own_vars[$__steplab_n]} || $__steplab_n == _ || $__steplab_n == __steplab_* || $__steplab_n == __STEPLAB_* ]] && continue
    # Arrays cannot cross into `sh -c` through the environment; plain variables can.
    [[ ${!__steplab_n@a} == *[aA]* ]] && continue
    printf '%s=%q\n' "$__steplab_n" "${!__steplab_n}"
  done > "$1"
}

# Run one block in this shell: state (variables, cd) carries to the next block.
__steplab_exec() {
  local __steplab_id=$1 __steplab_st __steplab_to=0
  __steplab_line=0
  rm -f /run/steplab/timedout
  if __steplab_define __steplab_block "$3" 2>&1; then
    ( __steplab_watchdog "$2" </dev/null >/dev/null 2>&1 & echo $! > /run/steplab/watchdog.pid )
    __steplab_block </dev/null 2>&1
    __steplab_st=$?
    trap - ERR
    __steplab_stop_watchdog
  else
    __steplab_st=2
  fi
  [ -e /run/steplab/timedout ] && __steplab_to=1
  [ "$__STEPLAB_ROLE" = lesson ] && __steplab_save_vars /run/steplab/lesson-vars.sh
  printf '\n%s %s %d %d %d\n' "$__STEPLAB_TOKEN" "$__steplab_id" "$__steplab_st" "$__steplab_to" "$__steplab_line"
}

# Start one block in the background; it runs until the sandbox ends. Reports a quick failure.
# With a ready text ($3, base64; `-` for none) it waits up to $2 seconds until the block's output
# shows that text: status 0 once it does, the block's own status (1 for 0) when it ends first,
# and TIMEDOUT 1 when the time runs out.
__steplab_bg() {
  local __steplab_id=$1 __steplab_st=0 __steplab_to=0 __steplab_dir=/run/steplab/bg-$1 __steplab_ready='' __steplab_log __steplab_end
  if [ "$3" != - ]; then __steplab_ready=$(printf '%s' "$3" | base64 -d) || __steplab_ready=''; fi
  if __steplab_define "__steplab_bg_$1" "$4" 2>&1; then
    mkdir -p "$__steplab_dir"
    ( ( ( "__steplab_bg_$__steplab_id" ); echo $? > "$__steplab_dir/status" ) </dev/null >"$__steplab_dir/log" 2>&1 & )
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
