#!/usr/bin/env bash
# Installs what the tests need beyond `setup`: Debian's Chromium (browser tests drive it through
# playwright-core; nothing downloads a browser of its own). Checks that PostgreSQL (app database,
# lake catalog, legacy business source) answers on 127.0.0.1:5432 and MariaDB (legacy business
# source) on 127.0.0.1:3306, starting them when they are installed but stopped.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  echo "setup-test: installing Debian's chromium" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "setup-test: PostgreSQL is not answering on 127.0.0.1:5432; trying to start it" >&2
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  pg_isready -h 127.0.0.1 -p 5432 || { echo "setup-test: PostgreSQL is required for the tests (see README)" >&2; exit 1; }
fi
if ! mariadb-admin --host=127.0.0.1 --port=3306 --user=root ping >/dev/null 2>&1; then
  echo "setup-test: MariaDB is not answering on 127.0.0.1:3306; trying to start it" >&2
  if [ -x /usr/sbin/mariadbd ]; then
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
    for _ in $(seq 1 30); do
      mariadb-admin --host=127.0.0.1 --port=3306 --user=root ping >/dev/null 2>&1 && break
      sleep 1
    done
  fi
  mariadb-admin --host=127.0.0.1 --port=3306 --user=root ping >/dev/null 2>&1 ||
    { echo "setup-test: MariaDB is required for the business-source tests (see README)" >&2; exit 1; }
fi
echo "setup-test: ok ($(chromium --version 2>/dev/null | head -1))"
