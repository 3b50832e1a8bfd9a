#!/usr/bin/env bash
# Runs every test on a fresh Debian 12 machine with the .NET 10 SDK.
# Installs what such a machine lacks first (nothing yet beyond NuGet packages, which the restore fetches).
# Tests that need ../shared/eval report themselves as skipped with the reason when it is absent.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

set +e
dotnet test IndustryCopilot.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line over all test projects: "N passed, N failed, N skipped".
awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { gsub(",", "", $(i+1)); failed  += $(i+1) }
      if ($i == "Passed:")  { gsub(",", "", $(i+1)); passed  += $(i+1) }
      if ($i == "Skipped:") { gsub(",", "", $(i+1)); skipped += $(i+1) }
    }
    runs++
  }
  END {
    if (runs == 0) { print "tests: 0 passed, 0 failed"; exit }
    printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped
  }' "$log"

exit "$status"
