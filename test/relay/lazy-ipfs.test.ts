// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The IPFS libraries (ipfs-unixfs-importer, multiformats) load only when the
// relay first handles a blob: with their resolution forbidden, the package's
// entry points import and a relay starts and serves sessions; only the upload
// fails (which shows the ban works).
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const here = new URL("./lazy-ipfs/", import.meta.url).pathname;

describe("the IPFS libraries are loaded lazily", () => {
  it("are not loaded by the entry points or by a relay that sees no blob", () => {
    const output = execFileSync(process.execPath, ["--import", "tsx", "--import", `${here}register-forbid-ipfs.mjs`, `${here}run-relay.ts`], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const [started, upload] = output.trim().split("\n");
    expect(started).toMatch(/^started and logged in \(\d+ root exports\)$/);
    expect(upload).toMatch(/^upload failed: .*500/);
  });
});
