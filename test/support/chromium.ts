// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Debian's chromium (installed by .ci/run), never a Playwright download, with
// the flags every headless launch of this repository uses: vitest's browser
// project, the CSP test and the Chromium hashing bench.

/** The Chromium binary: CHROMIUM_BIN, else Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_BIN ?? "/usr/bin/chromium";

/** Why each flag: see DEVELOPERS.md ("Browser tests"). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
