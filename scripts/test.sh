#!/usr/bin/env bash
# The whole test suite, as the README and CI run it: type check, unit and integration tests on the
# embedded database (and on PostgreSQL when DATABASE_URL is set), a production build, then the
# browser tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "type check"
npx tsc --noEmit -p .

step "unit and integration tests on the embedded database (PGlite)"
env -u DATABASE_URL npx vitest run

if [[ -n "${DATABASE_URL:-}" ]]; then
  step "transactions and concurrency again on PostgreSQL (${DATABASE_URL%%\?*}), a database per test file"
  npx vitest run --config vitest.postgres.config.mts
fi

step "production build"
npm run build

step "browser tests (Playwright, Chromium)"
npx playwright test

step "process tests: SIGKILL mid-delivery; two instances on PostgreSQL when DATABASE_URL is set"
npx vitest run --config vitest.instances.config.mts
