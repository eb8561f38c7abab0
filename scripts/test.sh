#!/usr/bin/env bash
# The whole test suite. Installs what the suite needs when it is missing (npm packages; Debian's
# Chromium and LibreOffice for browser and document tests), runs vitest, then scans the logs the
# suite wrote for secrets, and ends with the line "N passed, N failed" (both runs counted).
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "0 passed, 1 failed"; exit 1; }
fi
bash scripts/ensure-system-deps.sh || { echo "Could not install the Debian packages the suite needs."; echo "0 passed, 1 failed"; exit 1; }

mkdir -p test-artifacts
report=test-artifacts/vitest-report.json
scan_report=test-artifacts/vitest-log-scan-report.json
rm -f "$report" "$scan_report"
# Every log the suite writes lands here; the scan below reads them all.
rm -rf test-artifacts/logs
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
code=$?
# After a whole run (not a chosen subset), scan the suite's logs for secrets (test/ops/logs-secret-scan.scan.ts).
reports=("$PWD/$report")
if [ $# -eq 0 ]; then
  npx vitest run --config test/ops/logs-scan.vitest.config.ts --reporter=default --reporter=json --outputFile.json="$scan_report"
  scan_code=$?
  [ $code -eq 0 ] && code=$scan_code
  reports+=("$PWD/$scan_report")
fi
if [ -f "$report" ]; then
  node -e '
    let passed = 0, failed = 0;
    for (const file of process.argv.slice(1)) {
      let r;
      try { r = require(file); } catch { failed += 1; continue; } // a run that wrote no report failed
      passed += r.numPassedTests;
      failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
    }
    console.log(`${passed} passed, ${failed} failed`);
  ' "${reports[@]}"
else
  echo "0 passed, 1 failed"
  [ $code -eq 0 ] && code=1
fi
exit $code
