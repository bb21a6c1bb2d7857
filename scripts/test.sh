#!/usr/bin/env bash
# Every test, one runner: unit, integration (real OS keychain) and end-to-end (browser shell).
# The keychain tests need a D-Bus session with an unlocked gnome-keyring; without one, this script
# starts its own, with a throw-away HOME so no real keychain is touched.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -z "${RESET_CONSOLE_TEST_SESSION:-}" ] && command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  export RESET_CONSOLE_TEST_SESSION=1
  HOME="$(mktemp -d)"
  export HOME
  exec dbus-run-session -- bash -c 'echo -n test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec bash scripts/test.sh "$@"' test.sh "$@"
fi

# The team-history tests run PostgreSQL's own initdb/pg_ctl from here (Debian: /usr/lib/postgresql/N/bin).
if [ -z "${PG_BIN_DIR:-}" ]; then
  PG_BIN_DIR="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$PG_BIN_DIR" ] && export PG_BIN_DIR
fi

mkdir -p test-results
node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@"
status=$?
node scripts/test-summary.cjs test-results/vitest.json || status=1
exit $status
