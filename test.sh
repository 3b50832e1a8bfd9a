#!/usr/bin/env bash
# Runs every test on a fresh Debian 12 machine with the .NET 10 SDK.
# Installs what such a machine lacks first: the OCR tools (Tesseract with English and Simplified Chinese, poppler's
# pdftoppm), a CJK font for the generated scanned-page test, Chromium with chromedriver for the UI tests, slapd with
# ldap-utils for the directory sign-in tests, and PostgreSQL for the shared-store tests, from Debian apt. NuGet packages come with the restore.
# Tests that need ../shared/eval report themselves as skipped with the reason when it is absent.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
for lang in eng chi_sim; do
  { command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx "$lang"; } || need+=("tesseract-ocr-${lang//_/-}")
done
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -d /usr/share/poppler/cMap ] || need+=(poppler-data)   # CJK encodings for rendering Chinese PDF text
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-microhei)
# The web UI's browser tests drive Debian's Chromium through its chromedriver (nothing is downloaded at run time).
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
# Directory sign-in is tested against a real OpenLDAP server the tests start on loopback ports (with openssl for its trust folder).
[ -x /usr/sbin/slapd ] || need+=(slapd)
[ -x /usr/bin/ldapadd ] || need+=(ldap-utils)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# The shared store (keys, audit) is tested against a real PostgreSQL server the tests start in a temporary folder.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
# Single sign-on is tested against a real OpenID Connect provider (npm's oidc-provider) run by node on loopback.
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing: ${need[*]}"
  # A machine without apt access still runs every test; the OCR ones then report themselves skipped with the reason.
  { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${need[@]}"; } >/dev/null \
    || echo "warning: could not install ${need[*]}; the OCR and browser tests that need them will be skipped"
fi

# The provider's package, pinned by tests/oidc-provider/package-lock.json; without it those tests report themselves skipped.
if [ ! -d tests/oidc-provider/node_modules/oidc-provider ] && command -v npm >/dev/null 2>&1; then
  npm ci --prefix tests/oidc-provider --no-audit --no-fund >/dev/null 2>&1 \
    || echo "warning: npm ci in tests/oidc-provider failed; the single sign-on tests will be skipped"
fi

log="$(mktemp)"
results="$(mktemp -d)"
trap 'rm -rf "$log" "$results"' EXIT

set +e
dotnet test IndustryCopilot.sln -c Release --nologo --logger trx --results-directory "$results" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Skipped tests with their reasons (the console logger names them but not why), one line per test class and reason.
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  awk '
    /outcome="NotExecuted"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1; next }
    want && /<Message>/ {
      sub(/.*<Message>/, ""); sub(/<\/Message>.*/, "")
      gsub(/&apos;/, "\047"); gsub(/&quot;/, "\""); gsub(/&lt;/, "<"); gsub(/&gt;/, ">"); gsub(/&amp;/, "\\&")
      sub(/\.[^.]*$/, "", name); print name "\t" $0; want = 0
    }' "$trx"
done | sort | uniq -c | awk -F'\t' '{ split($1, head, " "); count = head[1]; cls = $1; sub(/^ *[0-9]+ /, "", cls); printf "skipped %d in %s: %s\n", count, cls, $2 }'

# A project that does not build runs no tests: say so, or "0 failed" with a non-zero exit would puzzle the reader.
if grep -qE ': error [A-Z]+[0-9]+' "$log"; then
  echo "build errors (their projects' tests did not run):"
  grep -oE '[^ ]+\.cs\([0-9,]+\): error [A-Z]+[0-9]+: [^[]*' "$log" | sort -u | head -20
fi

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
