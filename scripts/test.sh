#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
#
# SPDX-License-Identifier: MIT

# Every check `npm test` runs, in order; the first failure stops the run.
# The REUSE lint, the browser tests and the PostgreSQL store's tests need tools
# npm does not install (`reuse`, a Chromium, PostgreSQL's server): they run whenever the tools are found, are reported plainly when
# not, and are mandatory under CI=true. NPM_TEST_DRY_RUN=1 prints the plan only.
set -euo pipefail
cd "$(dirname "$0")/.."
step() {
  printf '\n== %s\n' "$*"
  if [ -z "${NPM_TEST_DRY_RUN:-}" ]; then "$@"; fi
}

skipped=()
have_reuse=1
command -v reuse >/dev/null || { have_reuse=0; skipped+=("REUSE lint: needs the reuse tool (Debian: apt-get install reuse; or pipx install reuse)"); }
chromium=""
if chromium=$(npx --no-install tsx scripts/find-chromium.ts 2>/dev/null); then export CHROMIUM_BIN="$chromium"; else
  chromium=""
  skipped+=("browser tests: need Chromium or Chrome (Debian: apt-get install chromium; or set CHROMIUM_BIN=/path/to/chrome)")
fi
postgres=""
if postgres=$(npx --no-install tsx scripts/find-postgres.ts 2>/dev/null); then export POSTGRES_BIN="$postgres"; else
  postgres=""
  skipped+=("PostgreSQL store tests: need PostgreSQL's server programs (Debian: apt-get install postgresql; or set POSTGRES_BIN to the directory of initdb, pg_ctl and postgres)")
fi
if [ ${#skipped[@]} -gt 0 ]; then
  if [ "${CI:-}" = "true" ]; then
    printf 'npm test under CI=true runs every check, but cannot run:\n' >&2
    printf '  - %s\n' "${skipped[@]}" >&2
    printf '.ci/run installs them on a fresh Debian machine.\n' >&2
    exit 1
  fi
  printf 'NOT RUN (tools not found; CI=true makes them mandatory):\n' >&2
  printf '  - %s\n' "${skipped[@]}" >&2
fi

step npx buf lint
step npx buf format -d --exit-code
step npm run --silent breaking
step bash scripts/check-generated.sh
step npm run --silent signatures
step npm run --silent build:wasm -- --check
step npx tsc --noEmit
if [ $have_reuse = 1 ]; then step reuse lint; fi
step npm run --silent docs
step npm run --silent check:package
# Every vitest project: node, chromium (Node driving Chromium), browser (headless Chromium)
# and postgres (a throwaway cluster); without a tool, the projects that need it are left out.
if [ -n "$chromium" ] && [ -n "$postgres" ]; then
  step npx vitest run
else
  projects=(--project node)
  if [ -n "$chromium" ]; then projects+=(--project chromium --project browser); fi
  if [ -n "$postgres" ]; then projects+=(--project postgres); fi
  step npx vitest run "${projects[@]}"
fi
if [ ${#skipped[@]} -gt 0 ]; then
  printf '\nnpm test %s, but did NOT run:\n' "$([ -n "${NPM_TEST_DRY_RUN:-}" ] && echo planned || echo passed)" >&2
  printf '  - %s\n' "${skipped[@]}" >&2
fi
