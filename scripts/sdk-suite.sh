#!/usr/bin/env bash
# Runs the integration suite of the official Node SDK (camunda-8-js-sdk, tag v8.8.13) against `npm run engine`,
# the way the SDK's CI runs it against Camunda 8.8 (self-managed, single tenant, unsecured). Not part of `npm test`.
#
#   bash scripts/sdk-suite.sh [folder for the SDK checkout]      (default: $TMPDIR/camunda-8-js-sdk-v8.8.13)
#
# Ports: SDK_SUITE_GRPC_PORT (26600), SDK_SUITE_REST_PORT (8180), SDK_SUITE_MANAGEMENT_PORT (9700).
# Suites: SDK_SUITE_FOLDERS (default: the gRPC, REST and 8.8 folders). Reports: $SDK/sdk-suite-*.json.
set -euo pipefail

TAG=v8.8.13
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SDK="${1:-${TMPDIR:-/tmp}/camunda-8-js-sdk-$TAG}"
GRPC_PORT="${SDK_SUITE_GRPC_PORT:-26600}"
REST_PORT="${SDK_SUITE_REST_PORT:-8180}"
MANAGEMENT_PORT="${SDK_SUITE_MANAGEMENT_PORT:-9700}"
FOLDERS="${SDK_SUITE_FOLDERS:-src/__tests__/zeebe/integration src/__tests__/c8/rest src/__tests__/8.8}"

if [ ! -d "$SDK/.git" ] && [ ! -f "$SDK/package.json" ]; then
  git clone --quiet --depth 1 --branch "$TAG" https://github.com/camunda/camunda-8-js-sdk.git "$SDK"
fi
if [ ! -d "$SDK/node_modules" ]; then
  (cd "$SDK" && npm ci --ignore-scripts --no-audit --no-fund)
fi

DATA="$(mktemp -d)"
ENGINE_PID=""
stop_engine() {
  if [ -n "$ENGINE_PID" ]; then kill -TERM -- "-$ENGINE_PID" 2>/dev/null || true; wait "$ENGINE_PID" 2>/dev/null || true; fi
  rm -rf "$DATA"
}
trap stop_engine EXIT

# its own process group, so that stopping it stops npm, tsx and node together
(cd "$REPO_ROOT" && ENGINE_GRPC_PORT="$GRPC_PORT" ENGINE_REST_PORT="$REST_PORT" ENGINE_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
  ENGINE_DATA_DIR="$DATA/engine" ENGINE_CLOCK_CONTROLLED=true LOG_LEVEL=warn exec setsid npm run engine >"$DATA/engine.log" 2>&1) &
ENGINE_PID=$!
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health" >/dev/null || { cat "$DATA/engine.log"; exit 1; }

export TEST_VERSION=8.8 TEST_DEPLOYMENT=self-managed TEST_TENANCY=single-tenant TEST_SECURITY=unsecured
export CAMUNDA_AUTH_STRATEGY=NONE CAMUNDA_TENANT_ID='<default>'
export ZEEBE_GRPC_ADDRESS="grpc://127.0.0.1:$GRPC_PORT" ZEEBE_REST_ADDRESS="http://127.0.0.1:$REST_PORT"

status=0
for folder in $FOLDERS; do
  report="$SDK/sdk-suite-$(basename "$folder").json"
  (cd "$SDK" && npx vitest run --sequence.concurrent=false "$folder" --reporter=json --outputFile="$report" >/dev/null 2>&1) || status=1
  node -e '
    const r = require(process.argv[1]);
    console.log(`${process.argv[2]}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped of ${r.numTotalTests}`);
    for (const f of r.testResults) for (const t of f.assertionResults) if (t.status === "failed")
      console.log(`  failed: ${f.name.split("/").pop()} › ${t.fullName}: ${(t.failureMessages[0] ?? "").split("\n")[0]}`);
  ' "$report" "$folder"
done
exit "$status"
