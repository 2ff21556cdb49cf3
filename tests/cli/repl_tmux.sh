#!/bin/sh
# The REPL on a real terminal (tmux): prompt, tab completion (file names after :sag, case
# fields without a space after them), history across sessions,
# Ctrl-C interrupting an evaluation and cancelling input without leaving, Ctrl-D leaving.
#
# Robust against a slow (ASan) build and against other tmux users: each session gets its
# own tmux server on its own socket (-L) with no user configuration, every wait is a
# bounded poll of the pane instead of a fixed sleep, and the trap ends every server this
# script started. (A shared default server, killed and restarted between the two runs,
# once failed with "server exited unexpectedly".)
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"
SOCK="kvalitet-test-$$"; RUN=0; S=repl
export TMUX_TMPDIR="$T"; unset TMUX # sockets inside $T, removed with it; not nested in a caller's tmux
tm() { tmux -L "$SOCK-$RUN" -f "$T/tmux.conf" "$@"; }
cleanup() {
  i=0
  while [ $i -le $RUN ]; do tmux -L "$SOCK-$i" kill-server 2>/dev/null || true; i=$((i+1)); done
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# No user configuration; the pane stays after kvalitet ends, so it can still be read.
echo "set -g remain-on-exit on" > "$T/tmux.conf"
# Each run is a new server on a new socket.
run() {
  RUN=$((RUN+1))
  tm new-session -d -s "$S" -x 150 -y 40 \
    "env XDG_STATE_HOME=$T/state $K --hjem $SRC repl --kommune varde --dato 2026-11-22"
}
pane() { tm capture-pane -p -t "$S" 2>/dev/null || true; }
fail() { echo "FEJL: $1"; pane; exit 1; }
# Polls until `check` succeeds: at most 60 s (an ASan build starts slowly), then fails.
poll() { what="$1"; shift; i=0; until "$@"; do i=$((i+1)); [ $i -lt 600 ] || fail "ventede på: $what"; sleep 0.1; done; }
on_pane() { pane | grep -q -- "$1"; }
wait_for() { poll "$1" on_pane "$1"; }
# Ctrl-C until the evaluation reports the interruption: a single one could arrive in the
# moment between reading the line and starting to evaluate it, where it only clears input.
interrupted() { on_pane "afbrudt (Ctrl-C)" && return 0; tm send-keys -t "$S" C-c; return 1; }
# Ctrl-C until the continuation is cancelled, i.e. the pane ends in a fresh prompt.
last_line() { pane | sed '/^$/d' | tail -n 1; }
cancelled() { [ "$(last_line)" = "kerteminde>" ] && return 0; tm send-keys -t "$S" C-c; return 1; }
ended() { [ "$(tm list-panes -t "$S" -F '#{pane_dead}' 2>/dev/null)" = 1 ]; }
# Ctrl-D until the REPL has left: one that arrives while the line before is still being
# evaluated meets the terminal in its ordinary mode, not the line editor (seen once in CI).
left() { ended && return 0; tm send-keys -t "$S" C-d; return 1; }
history_saved() { grep -q "40\\\\040+\\\\0402" "$T/state/kvalitet/history" 2>/dev/null; }

run
wait_for "^varde>"
tm send-keys -t "$S" "40 + 2" Enter
wait_for "^42$"
# Completion (issue 20): a file name after :sag; no space after a field that goes on.
tm send-keys -t "$S" ":sag $SRC/docs/eksempler/sa" Tab Enter
wait_for "sag 'eksempel-1' indlæst"
tm send-keys -t "$S" "sag.forh" Tab "." "motiv" Tab Enter
wait_for "^varde> sag.forhold.motiveret$"
wait_for "^ukendt$"
tm send-keys -t "$S" ":kom" Tab
wait_for "^varde> :kommune"
tm send-keys -t "$S" "kerte" Tab Enter
wait_for "^kerteminde>"
tm send-keys -t "$S" "minds" Tab "(3, 2)" Enter
wait_for "^true$"
tm send-keys -t "$S" "for i = 1, 1e12 do end" Enter
wait_for "^kerteminde> for i = 1, 1e12 do end"
poll "afbrudt (Ctrl-C)" interrupted
tm send-keys -t "$S" "ufaerdigt(" Enter
wait_for "^>>"
poll "at Ctrl-C fortrød det ufærdige udtryk" cancelled
tm send-keys -t "$S" "6 * 7" Enter
wait_for "^kerteminde> 6 \* 7"
poll "at kvalitet sluttede (Ctrl-D)" left
history_saved || fail "historikken blev ikke gemt: $(cat "$T/state/kvalitet/history" 2>/dev/null)"

run                                    # a new session remembers the last one
wait_for "^varde>"
tm send-keys -t "$S" Up
wait_for "^varde> 6 \* 7"
echo "repl i tmux: prompt, fuldførelse, historik og Ctrl-C virker"
