#!/usr/bin/env bash
# `npm test`: type check and lint, integration tests on PGlite (and again on PostgreSQL when
# DATABASE_URL is set), then the production build and the Playwright suite in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's Chromium for the end-to-end tests"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
fi

echo "== type check"
npx tsc --noEmit
echo "== lint"
npx eslint --max-warnings 0 .

postgres_url="${DATABASE_URL:-}"
echo "== integration tests on PGlite"
env -u DATABASE_URL npx vitest run
if [ -n "$postgres_url" ]; then
  echo "== integration tests on PostgreSQL"
  node scripts/reset-db.mjs
  npx vitest run
fi

echo "== production build"
NEXT_TELEMETRY_DISABLED=1 npx next build
if [ -n "$postgres_url" ]; then echo "== end-to-end tests on PostgreSQL"; else echo "== end-to-end tests on PGlite"; fi
npx playwright test
