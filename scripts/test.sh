#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
#
# SPDX-License-Identifier: MIT

# Every check `npm test` runs, in order; the first failure stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; "$@"; }

# Two checks need Debian packages; say so plainly instead of failing deep inside a tool.
missing=()
command -v reuse >/dev/null || missing+=("reuse (for reuse lint)")
[ -x "${CHROMIUM_BIN:-/usr/bin/chromium}" ] || missing+=("chromium (for the browser tests; or set CHROMIUM_BIN)")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'npm test needs: %s\nOn Debian: apt-get install reuse chromium (.ci/run does this).\n' "${missing[*]}" >&2
  exit 1
fi
step npx buf lint
step npx buf format -d --exit-code
step npm run --silent breaking
step bash scripts/check-generated.sh
step npm run --silent build:wasm -- --check
step npx tsc --noEmit
step reuse lint
step npm run --silent docs
step npm run --silent check:package
# Both vitest projects: node, and browser (headless Chromium).
step npx vitest run
