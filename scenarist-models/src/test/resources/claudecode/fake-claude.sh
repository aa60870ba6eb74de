#!/bin/sh
# A stand-in for the `claude` CLI in tests. It records how it was called (argv one file per argument, cwd,
# stdin, environment) into $FAKE_CLAUDE_RECORD, then replays the recorded stream-json output
# <scenario>.jsonl that lies next to this script, chosen by $FAKE_CLAUDE_SCENARIO.
# Optional per scenario: <scenario>.exit (exit code, default 0). The scenario "timeout" prints the init
# event and then waits on a background sleep forever, so the caller has to kill the whole process tree.
set -u
here=$(cd "$(dirname "$0")" && pwd)
rec="${FAKE_CLAUDE_RECORD:?FAKE_CLAUDE_RECORD not set}"
scenario="${FAKE_CLAUDE_SCENARIO:-success}"
mkdir -p "$rec"
pwd > "$rec/cwd"
i=0
for a in "$@"; do
  i=$((i + 1))
  printf '%s' "$a" > "$rec/arg.$i"
done
echo "$i" > "$rec/argc"
env > "$rec/env"
cat > "$rec/stdin"

case "$scenario" in
  timeout)
    head -n 1 "$here/success.jsonl"
    sleep 600 &
    echo $! > "$rec/sleep.pid"
    wait
    exit 0
    ;;
  error-result)
    echo "Error: unexpected response from the API while using credentials ${ANTHROPIC_API_KEY:-none}" >&2
    ;;
  crash)
    echo "file:///usr/lib/node_modules/@anthropic-ai/claude-code/cli.js:1" >&2
    echo "TypeError: Cannot read properties of undefined (reading 'content')" >&2
    exit 1
    ;;
esac

cat "$here/$scenario.jsonl"
if [ -f "$here/$scenario.exit" ]; then
  exit "$(cat "$here/$scenario.exit")"
fi
exit 0
