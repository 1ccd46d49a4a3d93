// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { playwright } from "@vitest/browser-playwright";
import { configDefaults, defineConfig } from "vitest/config";

// Debian's chromium (installed by .ci/run), never a Playwright download. If it
// is missing the browser project fails to launch, so its tests fail, not skip.
const chromium = process.env.CHROMIUM_BIN ?? "/usr/bin/chromium";

// Why each flag: see DEVELOPERS.md ("Browser tests").
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Random inputs the keccak equivalence check hashes; KECCAK_RANDOM_INPUTS=1000000 for the full proof.
    provide: { keccakRandomInputs: Number(process.env.KECCAK_RANDOM_INPUTS ?? 20_000) },
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "test/browser/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.browser.test.ts"],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromium, args: chromiumArgs } }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
