#!/usr/bin/env bash
# Installs what the tests need beyond `setup`: Debian's Chromium (browser tests drive it through
# playwright-core; nothing downloads a browser of its own). Checks that PostgreSQL, which the
# data-access tests use as the production-side database, answers on 127.0.0.1:5432.
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
echo "setup-test: ok ($(chromium --version 2>/dev/null | head -1))"
