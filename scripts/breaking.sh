#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
#
# SPDX-License-Identifier: MIT

# `npm run breaking`: the schema in the working tree must stay wire- and
# JSON-compatible (buf.yaml's `breaking` rules) with the last release, i.e. the
# newest v* tag, or with the first commit while nothing has been released.
# BREAKING_AGAINST=<git ref> compares with another ref instead.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { printf 'breaking: %s\n' "$*" >&2; exit 1; }

# shellcheck source=scripts/baseline.sh
source scripts/baseline.sh
baseline_ref BREAKING_AGAINST

# --git-common-dir also works from a `git worktree`, where .git is a file.
gitdir=$(git rev-parse --path-format=absolute --git-common-dir)
printf 'breaking: comparing proto/ in the working tree with %s (%s, %s)\n' "$ref" "${commit:0:12}" "$why"
npx buf breaking --against "${gitdir}#format=git,ref=${commit}"
printf 'breaking: no wire- or JSON-breaking changes\n'
