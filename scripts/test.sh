#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
#
# SPDX-License-Identifier: MIT

# Every check `npm test` runs, in order; the first failure stops the run.
# The REUSE lint and the browser tests need tools npm does not install (`reuse`,
# a Chromium): they run whenever the tools are found, are reported plainly when
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
if [ -n "$chromium" ]; then
  # Every vitest project: node, chromium (Node driving Chromium) and browser (headless Chromium).
  step npx vitest run
else
  step npx vitest run --project node
fi
if [ ${#skipped[@]} -gt 0 ]; then
  printf '\nnpm test %s, but did NOT run:\n' "$([ -n "${NPM_TEST_DRY_RUN:-}" ] && echo planned || echo passed)" >&2
  printf '  - %s\n' "${skipped[@]}" >&2
fi
