#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
#
# SPDX-License-Identifier: MIT

# Sourced by breaking.sh and signatures.sh: resolves the last release, i.e. the
# newest v* tag, or the first commit while nothing has been released.
# Sets `ref`, `commit` and `why`; `$1` names an environment variable holding a
# ref to use instead. The caller defines `fail`.

baseline_ref() {
  local override_name=$1
  local override=${!override_name:-}
  git rev-parse --git-dir >/dev/null 2>&1 || fail "not a git checkout; the baseline comes from git history"
  if [ -n "$override" ]; then
    ref=$override
    why=$override_name
  else
    # A shallow clone has neither the old tags nor the first commit, and comparing
    # with whatever commit happens to be its boundary would prove nothing.
    if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
      printf 'shallow clone, fetching the full history and tags\n' >&2
      git fetch --quiet --unshallow --tags >&2 || true
      # `git fetch` can succeed without unshallowing (no remote configured).
      [ "$(git rev-parse --is-shallow-repository)" = false ] ||
        fail "shallow clone and \`git fetch --unshallow --tags\` could not deepen it; clone with full history (e.g. actions/checkout fetch-depth: 0) or set $override_name=<ref> to a commit present locally"
    fi
    if ref=$(git describe --tags --abbrev=0 --match 'v*' 2>/dev/null); then
      why="last release tag"
    else
      ref=$(git rev-list --max-parents=0 HEAD | tail -n 1)
      why="no v* tag yet, first commit"
    fi
  fi
  commit=$(git rev-parse --verify --quiet "$ref^{commit}") || fail "cannot resolve $ref to a commit"
}
