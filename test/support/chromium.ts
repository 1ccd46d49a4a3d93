// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A Chromium already on the machine, never a Playwright download, with the
// flags every headless launch of this repository uses: vitest's browser
// project, the CSP test and the Chromium hashing bench.
import { findChromium } from "../../scripts/find-chromium.js";

/**
 * The Chromium binary (scripts/find-chromium.ts): CHROMIUM_BIN, Debian's, a Chrome
 * on PATH, or Playwright's own. `npm test` runs the browser project only when one
 * is found; run directly without one, the browser project fails to launch, never skips.
 */
export const CHROMIUM_PATH = (await findChromium()) ?? process.env.CHROMIUM_BIN ?? "/usr/bin/chromium";

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
