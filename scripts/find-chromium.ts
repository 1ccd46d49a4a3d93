// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Finds a Chromium for the browser tests, never downloading one. Run directly,
// prints its path (exit 0) or why none was found (exit 1).
import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];
const FIXED = ["/usr/bin/chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium"];

const runnable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The Chromium to use: CHROMIUM_BIN when set (and then only it), else Debian's
 * /usr/bin/chromium, a Chrome or Chromium on PATH or in /Applications, else a
 * browser Playwright installed itself.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const given = env.CHROMIUM_BIN;
  if (given !== undefined && given !== "") return runnable(given) ? given : undefined;
  const onPath = (env.PATH ?? "").split(delimiter).filter(Boolean).flatMap((dir) => NAMES.map((name) => join(dir, name)));
  const found = [...FIXED, ...onPath].find(runnable);
  if (found !== undefined) return found;
  try {
    const { chromium } = await import("playwright");
    const path = chromium.executablePath();
    return existsSync(path) && runnable(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = await findChromium();
  if (path === undefined) {
    const given = process.env.CHROMIUM_BIN;
    process.stderr.write(given ? `CHROMIUM_BIN=${given} is not an executable\n` : "no Chromium or Chrome found (CHROMIUM_BIN, /usr/bin/chromium, PATH, Playwright's browsers)\n");
    process.exitCode = 1;
  } else {
    process.stdout.write(`${path}\n`);
  }
}
