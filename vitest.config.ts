// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { playwright } from "@vitest/browser-playwright";
import { configDefaults, defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./test/support/chromium.js";

// If Chromium is missing the browser project fails to launch, so its tests fail, not skip
// (`npm test` runs it only when scripts/find-chromium.ts finds one).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Random inputs the keccak equivalence check hashes; KECCAK_RANDOM_INPUTS=1000000 for the full proof.
    // Random (digest, signature) pairs the secp256k1 recovery check compares; SECP256K1_RANDOM_PAIRS=1000000 for the full proof.
    provide: { keccakRandomInputs: Number(process.env.KECCAK_RANDOM_INPUTS ?? 20_000), secp256k1RandomPairs: Number(process.env.SECP256K1_RANDOM_PAIRS ?? 20_000) },
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "test/browser/**", "test/**/*.chromium.test.ts", "test/**/*.postgres.test.ts"],
        },
      },
      {
        // The PostgreSQL store against a throwaway cluster (test/support/postgres-cluster.ts).
        extends: true,
        test: {
          name: "postgres",
          include: ["test/**/*.postgres.test.ts"],
          globalSetup: ["test/support/postgres-setup.ts"],
        },
      },
      {
        // Node tests that drive Chromium through Playwright themselves (e.g. the CSP fallback).
        extends: true,
        test: {
          name: "chromium",
          include: ["test/**/*.chromium.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.browser.test.ts"],
          // The reference relay, in Node on 127.0.0.1, for session.browser.test.ts.
          globalSetup: ["test/browser/relay-setup.ts"],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
