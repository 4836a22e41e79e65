#!/usr/bin/env bash
# Lints the dbt project's SQL with SQLFluff (DuckDB dialect, dbt templater: models/.sqlfluff). The
# templater compiles the project, which needs the lake's variables: an empty throwaway lake under a
# temporary folder, removed afterwards. Installed by `just setup` (python/requirements.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
extensions="$(ls -d .venv/lib/python3*/site-packages/duckdb_ext/extensions | head -n 1)"
cd models
SG_LAKE_CATALOG_KIND=sqlite \
  SG_LAKE_CATALOG_URL="sqlite:$work/catalog.sqlite" \
  SG_LAKE_DATA_PATH="$work/data/" \
  SG_DUCKDB_EXTENSION_DIR="$PWD/../$extensions" \
  DBT_TARGET_PATH="$work/target" \
  DBT_LOG_PATH="$work/logs" \
  ../.venv/bin/sqlfluff lint models 2>&1 | grep -v '^=== \[dbt templater\]'
