// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `npm start` runs examples/sign-and-verify.ts: it must run and end verified.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

it("npm start's example builds, signs, encodes, decodes and verifies an event", () => {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const run = spawnSync(process.execPath, ["--import", "tsx", "examples/sign-and-verify.ts"], { cwd: root, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  for (const step of ["Generated a keycard key", "Built a Listing event", "EIP-712 digest", "Signed with the keycard", "Encoded as a SignedEvent", "Decoded and opened", "Verified"]) {
    expect(run.stdout).toContain(step);
  }
  expect(run.stdout).toContain("signed by the keycard: true");
});
