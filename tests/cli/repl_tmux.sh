#!/bin/sh
# The REPL on a real terminal (tmux): prompt, tab completion, history across sessions,
# Ctrl-C interrupting an evaluation and cancelling input without leaving, Ctrl-D leaving.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; S="kvalitet-test-$$"
trap 'tmux kill-session -t "$S" 2>/dev/null || true; rm -rf "$T"' EXIT
run() { tmux new-session -d -s "$S" -x 150 -y 40 "env XDG_STATE_HOME=$T/state $K --hjem $SRC repl --kommune varde --dato 2026-11-22; sleep 5"; }
pane() { tmux capture-pane -p -t "$S"; }
wait_for() { i=0; until pane | grep -q -- "$1"; do i=$((i+1)); [ $i -lt 50 ] || { echo "FEJL: ventede på: $1"; pane; exit 1; }; sleep 0.1; done; }

run
wait_for "^varde>"
tmux send-keys -t "$S" "40 + 2" Enter
wait_for "^42$"
tmux send-keys -t "$S" ":kom" Tab
wait_for "^varde> :kommune"
tmux send-keys -t "$S" "kerte" Tab Enter
wait_for "^kerteminde>"
tmux send-keys -t "$S" "minds" Tab "(3, 2)" Enter
wait_for "^true$"
tmux send-keys -t "$S" "for i = 1, 1e12 do end" Enter
sleep 0.2
tmux send-keys -t "$S" C-c
wait_for "afbrudt (Ctrl-C)"
tmux send-keys -t "$S" "ufaerdigt(" Enter
wait_for "^>>"
tmux send-keys -t "$S" C-c
tmux send-keys -t "$S" "6 * 7" Enter
wait_for "^kerteminde> 6 \* 7"
tmux send-keys -t "$S" C-d
sleep 0.5
grep -q "40\\\\040+\\\\0402" "$T/state/kvalitet/history" || { echo "FEJL: historikken blev ikke gemt"; cat "$T/state/kvalitet/history"; exit 1; }
tmux kill-session -t "$S"

run                                    # a new session remembers the last one
wait_for "^varde>"
tmux send-keys -t "$S" Up
wait_for "^varde> 6 \* 7"
echo "repl i tmux: prompt, fuldførelse, historik og Ctrl-C virker"
