#!/usr/bin/env bash
# `npm test`: dependency floors, type check and lint, integration tests on PGlite (and again on
# PostgreSQL when TEST_DATABASE_URL is set), then the production build and the Playwright suite in
# Debian's Chromium. Tests wipe their database, so PostgreSQL is used only through TEST_DATABASE_URL
# (or a DATABASE_URL whose database name contains "test"); any other DATABASE_URL is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's Chromium for the end-to-end tests"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
fi

test_db="${TEST_DATABASE_URL:-}"
if [ -z "$test_db" ] && [ -n "${DATABASE_URL:-}" ]; then
  if node -e 'import("./scripts/test-database.mjs").then(m => process.exit(m.isTestDatabaseUrl(process.env.DATABASE_URL) ? 0 : 1))'; then
    test_db="$DATABASE_URL"
  else
    echo "== DATABASE_URL does not name a test database: it is left alone, and the tests run on PGlite only"
  fi
fi
unset DATABASE_URL

echo "== dependency floors"
node scripts/check-dependency-floors.mjs
echo "== type check"
npx tsc --noEmit
echo "== lint"
npx eslint --max-warnings 0 .

echo "== integration tests on PGlite"
npx vitest run
if [ -n "$test_db" ]; then
  echo "== integration tests on PostgreSQL"
  DATABASE_URL="$test_db" node scripts/reset-db.mjs
  DATABASE_URL="$test_db" npx vitest run
fi

echo "== production build"
NEXT_TELEMETRY_DISABLED=1 npx next build
if [ -n "$test_db" ]; then
  echo "== end-to-end tests on PostgreSQL"
  DATABASE_URL="$test_db" npx playwright test
else
  echo "== end-to-end tests on PGlite"
  npx playwright test
fi
