#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
#
# SPDX-License-Identifier: MIT

# Every check `npm test` runs, in order; the first failure stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; "$@"; }
step npx buf lint
step npx buf format -d --exit-code
step npm run --silent breaking
step bash scripts/check-generated.sh
step npx tsc --noEmit
step reuse lint
step npm run --silent docs
step npm run --silent check:package
# Both vitest projects: node, and browser (headless Chromium).
step npx vitest run
