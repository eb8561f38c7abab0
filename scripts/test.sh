#!/usr/bin/env bash
# The whole test suite. Installs what the suite needs when it is missing (npm packages; Debian's
# Chromium and LibreOffice for browser and document tests), runs vitest, and ends with the line
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "0 passed, 1 failed"; exit 1; }
fi
bash scripts/ensure-system-deps.sh || { echo "Could not install the Debian packages the suite needs."; echo "0 passed, 1 failed"; exit 1; }

mkdir -p test-artifacts
report=test-artifacts/vitest-report.json
rm -f "$report"
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
code=$?
if [ -f "$report" ]; then
  node -e '
    const r = require(process.argv[1]);
    const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
    console.log(`${r.numPassedTests} passed, ${failed} failed`);
  ' "$PWD/$report"
else
  echo "0 passed, 1 failed"
  [ $code -eq 0 ] && code=1
fi
exit $code
