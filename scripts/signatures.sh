#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
#
# SPDX-License-Identifier: MIT

# `npm run signatures`: what signatures cover (EIP-712 types, type hashes and the
# type URLs of the primary messages) must equal the last release (same baseline
# as breaking.sh) unless the mapping version, the EIP-712 domain `version`, was
# bumped and the CHANGELOG says so. `buf breaking` only guards the wire: adding
# `optional`, reordering declarations or renaming a message passes it, yet changes
# every digest. SIGNATURES_AGAINST=<git ref> compares with another ref instead.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { printf 'signatures: %s\n' "$*" >&2; exit 1; }

# shellcheck source=scripts/baseline.sh
source scripts/baseline.sh
baseline_ref SIGNATURES_AGAINST

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
table=gen/market/mass/eip712_pb.ts

# Now: the working tree's schema, committed or not, generated afresh.
cp -r proto plugin buf.yaml buf.gen.yaml "$scratch/"
ln -s "$PWD/node_modules" "$scratch/node_modules"
(cd "$scratch" && node_modules/.bin/buf generate) >&2 ||
  fail "npm run generate fails on the working tree's schema (see above); nothing can be compared until the EIP-712 plugin maps it"

# Then: the table the release shipped. Before the EIP-712 plugin existed nothing
# was signed, so a baseline older than the table moves to the commit that added it.
if ! git cat-file -e "$commit:$table" 2>/dev/null; then
  added=$(git log --format=%H --diff-filter=A --reverse "$commit..HEAD" -- "$table" | head -n 1)
  [ -n "$added" ] || { printf 'signatures: no commit since %s has %s: nothing signed yet, nothing to compare\n' "$ref" "$table"; exit 0; }
  why="$why predates $table; compared with the commit that added it"
  ref=$added
  commit=$added
fi
git show "$commit:$table" >"$scratch/then.ts"

if [ "$ref" = "$commit" ]; then label=${commit:0:12}; else label="$ref (${commit:0:12})"; fi
printf 'signatures: comparing the EIP-712 types of the working tree with %s (%s)\n' "$label" "$why"
node --import tsx scripts/signatures.ts \
  --then "$scratch/then.ts" --now "$scratch/$table" --label "$label" --changelog CHANGELOG.md
