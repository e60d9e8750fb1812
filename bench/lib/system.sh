# Sourced by the benchmarks that measure the whole system (mixed-load.sh, journal.sh, gateway-overhead.sh,
# content-search.sh), from the repository root (each of them cd's there first). It starts ./run.sh the way every one of
# them needs it, waits until it is ready, and stops it when the benchmark ends, however it ends.
#
#   start_system [NAME=value ...]   starts ./run.sh in a session of its own, with the JVM settings a deployment uses
#                                   (the C2 JIT; run.sh alone stops at C1 for a quicker start) and the given
#                                   environment (a fresh MHC_DATA_DIR, lifted rate limits, ...), and returns once it
#                                   says it is ready; if it stops before that, prints its output and exits 1.
#                                   Again after stop_system, it starts the system anew.
#   stop_system                     stops it and waits until it has stopped; nothing when it is not running.
#   remove_on_exit PATH ...         files and directories to delete when the benchmark ends, after the system stopped.
#
#   LIFTED_RATE_LIMITS              the gateway's rate limits lifted, for start_system: every simulated person comes
#                                   from this one address. A later NAME=value given to start_system wins.

LIFTED_RATE_LIMITS=(MHC_GATEWAY_RATELIMITS_APIPERMINUTE=1000000000 MHC_GATEWAY_RATELIMITS_SIGNINPERMINUTE=1000)

system_log=$(mktemp)
system_pid=
system_remove=("$system_log")

stop_system() {
  [ -n "$system_pid" ] || return 0
  kill -TERM "$system_pid" 2>/dev/null || true
  wait "$system_pid" 2>/dev/null || true
  system_pid=
}

remove_on_exit() {
  system_remove+=("$@")
}

trap 'stop_system; rm -rf "${system_remove[@]}"' EXIT

start_system() {
  : >"$system_log"
  env MHC_JAVA_OPTS="-XX:TieredStopAtLevel=4" "$@" setsid ./run.sh >"$system_log" 2>&1 &
  system_pid=$!
  until grep -q 'is ready' "$system_log"; do
    kill -0 "$system_pid" 2>/dev/null || { cat "$system_log" >&2; exit 1; }
    sleep 1
  done
}
