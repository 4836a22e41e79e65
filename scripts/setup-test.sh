#!/usr/bin/env bash
# Installs what the tests need beyond `setup`, from Debian's packages, when missing: Chromium (browser
# tests drive it through playwright-core; nothing downloads a browser of its own), PostgreSQL and
# MariaDB (their programs only: every test run starts its own private servers, see
# packages/test-databases). Installing starts no server: no `main` PostgreSQL cluster is created and
# service starts are refused while apt runs. Needs root (or sudo) only when something is missing.
set -euo pipefail

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "setup-test: installing Debian packages needs root; as root run: $*" >&2
    exit 1
  fi
}

if ! command -v chromium >/dev/null 2>&1; then
  echo "setup-test: installing Debian's chromium" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if ! { [ -x /usr/sbin/mariadbd ] && [ -x /usr/bin/mariadb-install-db ]; }; then
  missing+=(mariadb-server)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-test: installing Debian's ${missing[*]}" >&2
  # PostgreSQL's postinst creates and starts a `main` cluster (on a port near 5432, maybe one that
  # `just up` uses); MariaDB's starts a server on 3306. The tests want neither.
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    as_root mkdir -p /etc/postgresql-common
    echo 'create_main_cluster = false' | as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\n# written by smart-guarantee setup-test while apt runs\nexit 101\n' |
      as_root tee "$policy" >/dev/null
    as_root chmod 755 "$policy"
    trap 'as_root rm -f "$policy"' EXIT
  fi
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive UCF_FORCE_CONFFOLD=1 \
    apt-get install -y -qq -o Dpkg::Options::=--force-confold --no-install-recommends "${missing[@]}" >/dev/null
fi

postgres_bin=$(compgen -G '/usr/lib/postgresql/*/bin/postgres' | sort -V | tail -1)
echo "setup-test: ok ($(chromium --version 2>/dev/null | head -1); $("$postgres_bin" --version);" \
  "MariaDB $(/usr/sbin/mariadbd --version | awk '{print $3}'))"
