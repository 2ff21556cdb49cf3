# Shared by the server's socket tests (sourced): start a server on a free port and talk to
# it with curl. Sets T (a temporary directory, removed at exit) and kills what it started.
T="$(mktemp -d)"
PIDS=""
trap 'for p in $PIDS; do kill "$p" 2>/dev/null || true; done; rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }
has() { grep -q -- "$2" "$1" || { echo "FEJL: $1 mangler: $2"; cat "$1"; exit 1; }; }
status() { test "$1" = "$2" || { echo "FEJL: status $1, ventede $2 ($3)"; cat "$T/out" 2>/dev/null; exit 1; }; }

# start NAME ARGS…: runs `$K server --port 0 ARGS` (with `--hjem $HJEM` when HJEM is set),
# waits (bounded) for its "lytter på" line, sets PORT, URL (http or https) and PID_NAME.
start() {
  name="$1"; shift
  "$K" ${HJEM:+--hjem "$HJEM"} server --port 0 "$@" 2> "$T/$name.err" &
  eval "PID_$name=$!"; PIDS="$PIDS $!"
  i=0
  until grep -q "lytter på" "$T/$name.err"; do
    i=$((i + 1)); test $i -lt 600 || { cat "$T/$name.err"; fejl "$name startede ikke"; }
    kill -0 "$(eval echo \$PID_$name)" 2>/dev/null || { cat "$T/$name.err"; fejl "$name stoppede"; }
    sleep 0.1
  done
  URL=$(sed -n 's/.*lytter på \(https*:\/\/127\.0\.0\.1:[0-9]*\) .*/\1/p' "$T/$name.err")
  PORT=${URL##*:}
  test -n "$PORT" || fejl "ingen port i: $(cat "$T/$name.err")"
}
# req OUT PATH [curl args…]: the body in OUT, the status on stdout.
req() { out="$1"; path="$2"; shift 2; curl -sS -o "$out" -w '%{http_code}' "$@" "$URL$path"; }
