#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
#
# SPDX-License-Identifier: MIT

# Fails when gen/ differs from what the schema generates: regenerate into a
# scratch copy and compare, so the working tree is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r proto plugin buf.yaml buf.gen.yaml "$scratch/"
ln -s "$PWD/node_modules" "$scratch/node_modules"
(cd "$scratch" && node_modules/.bin/buf generate)
if ! diff -r "$scratch/gen" gen >"$scratch/diff.txt"; then
  echo "gen/ is stale: the schema or the plugin changed without 'npm run generate'." >&2
  cut -c1-160 "$scratch/diff.txt" | head -n 40 >&2
  exit 1
fi
echo "gen/ matches the schema."
