#!/usr/bin/env bash
# Runs the whole test suite (./test.sh, as CI does) several times in a row while every core is kept busy, to show
# that no test depends on the machine's speed. Usage: tests/stress.sh [runs=3]. Not part of CI's run.
# The load is Debian's stress-ng with one CPU worker per core plus one (installed when missing; without apt, plain
# busy shell loops). Each run's closing line is printed with its duration; the exit status is non-zero if any run failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-3}"
workers=$(( $(nproc) + 1 ))

if ! command -v stress-ng >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q stress-ng; } >/dev/null 2>&1 || true
fi

load=()
stop_load() { [ ${#load[@]} -eq 0 ] || kill "${load[@]}" 2>/dev/null || true; }
trap stop_load EXIT
if command -v stress-ng >/dev/null 2>&1; then
  stress-ng --cpu "$workers" --cpu-method all --quiet &
  load+=($!)
  echo "load: stress-ng --cpu $workers"
else
  for _ in $(seq "$workers"); do (while :; do :; done) & load+=($!); done
  echo "load: $workers busy shell loops (stress-ng not available)"
fi

failed=0
summary=()
for run in $(seq "$runs"); do
  log="$(mktemp)"
  started=$(date +%s)
  set +e
  ./test.sh >"$log" 2>&1
  status=$?
  set -e
  line="$(grep -E '^tests: ' "$log" | tail -1)"
  summary+=("run $run: ${line:-no closing line} (exit $status, $(( $(date +%s) - started )) s)")
  echo "${summary[-1]}"
  if [ "$status" -ne 0 ]; then
    failed=1
    grep -E '^\s+Failed |\[FAIL\]|Error Message' "$log" | head -40 || true
    cp "$log" "stress-run-$run.log" && echo "full log: stress-run-$run.log"
  fi
  rm -f "$log"
done

stop_load
printf '%s\n' "${summary[@]}"
exit "$failed"
