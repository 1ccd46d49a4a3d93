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

git rev-parse --git-dir >/dev/null 2>&1 || fail "not a git checkout; the baseline schema comes from git history"

if [ -n "${BREAKING_AGAINST:-}" ]; then
  ref=$BREAKING_AGAINST
  why="BREAKING_AGAINST"
else
  # A shallow clone has neither the old tags nor the first commit, and comparing
  # with whatever commit happens to be its boundary would prove nothing.
  if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
    printf 'breaking: shallow clone, fetching the full history and tags\n' >&2
    git fetch --quiet --unshallow --tags >&2 || true
    # `git fetch` can succeed without unshallowing (no remote configured).
    [ "$(git rev-parse --is-shallow-repository)" = false ] ||
      fail "shallow clone and \`git fetch --unshallow --tags\` could not deepen it; clone with full history (e.g. actions/checkout fetch-depth: 0) or set BREAKING_AGAINST=<ref> to a commit present locally"
  fi
  if ref=$(git describe --tags --abbrev=0 --match 'v*' 2>/dev/null); then
    why="last release tag"
  else
    ref=$(git rev-list --max-parents=0 HEAD | tail -n 1)
    why="no v* tag yet, first commit"
  fi
fi
commit=$(git rev-parse --verify --quiet "$ref^{commit}") || fail "cannot resolve $ref to a commit"

# --git-common-dir also works from a `git worktree`, where .git is a file.
gitdir=$(git rev-parse --path-format=absolute --git-common-dir)
printf 'breaking: comparing proto/ in the working tree with %s (%s, %s)\n' "$ref" "${commit:0:12}" "$why"
npx buf breaking --against "${gitdir}#format=git,ref=${commit}"
printf 'breaking: no wire- or JSON-breaking changes\n'
