#!/usr/bin/env bash
# Installs everything the platform needs to run, from npm, PyPI and Debian only. Idempotent.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# 1. npm packages (the README runs `npm install` first; this covers a checkout where node_modules is stale).
if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install
fi

# 2. The Python virtualenv: dbt-core + dbt-duckdb, DuckDB 1.4.4 and its extension wheels, the Temporal CLI.
python="${SG_PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  if ! "$python" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    echo "setup: python3 -m venv failed; installing Debian's python3-venv" >&2
    apt-get update -qq && apt-get install -y -qq python3-venv
    "$python" -m venv .venv
  fi
fi
stamp=.venv/.requirements.sha256
want="$(sha256sum python/requirements.txt | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check -r python/requirements.txt
  echo "$want" > "$stamp"
fi

# 3. dbt seeds generated from the domain package's dated code tables (regions, industries).
npm run --silent -w @sg/domain gen:seeds

echo "setup: ok (node $(node_modules/.bin/node --version), $(.venv/bin/dbt --version 2>/dev/null | sed -n 's/.*installed: *//p' | head -1 | sed 's/^/dbt-core /'), $(.venv/bin/temporal --version | cut -d' ' -f1-3))"
