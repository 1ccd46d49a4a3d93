// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// scripts/vectors.ts must be reproducible (the same seed gives the same file,
// so regenerating the vectors only changes them when the mapping does), and
// what is committed must be what it writes: `npm run vectors -- --check` passes
// here and fails on a tampered copy.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildEip712Vectors, VECTORS_FILE } from "../../scripts/vectors.js";
import { repo, scratchClone } from "../support/scratch-clone.js";

/** Exit status and output of `npm run vectors -- --check` in `cwd`. */
function check(cwd: string): { status: number; output: string } {
  try {
    return { status: 0, output: execFileSync("npm", ["run", "--silent", "vectors", "--", "--check"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
  } catch (error) {
    const { status, stdout, stderr } = error as { status?: number; stdout?: string; stderr?: string };
    return { status: status ?? 1, output: `${stdout ?? ""}${stderr ?? ""}` };
  }
}

describe("scripts/vectors.ts", () => {
  it("builds the same text twice (fixed seed, deterministic signatures, stable key order)", async () => {
    const first = await buildEip712Vectors();
    const second = await buildEip712Vectors();
    expect(second).toBe(first);
    expect(JSON.parse(first)).toHaveProperty("cases");
  });

  it("builds exactly the committed test/vectors/eip712.json", async () => {
    expect(await buildEip712Vectors()).toBe(readFileSync(VECTORS_FILE, "utf8"));
  });

  it("`--check` passes on the committed vectors and worked example", () => {
    const { status, output } = check(repo);
    expect(output).toContain("eip712.json is up to date");
    expect(output).toContain("eip712.md is up to date");
    expect(output).toContain("eip712-edge.json is up to date");
    expect(output).toContain("shop-state.json is up to date");
    expect(output).toContain("sessions.json is up to date");
    expect(status).toBe(0);
  });

  it("`--check` fails, and writes nothing, on a changed hash in any vector file or in the worked example", () => {
    const clone = scratchClone();
    // Each output of `npm run vectors` with a member whose hex value a tamper flips.
    const outputs = [
      ["test/vectors/eip712.json", "digest"],
      ["test/vectors/eip712-edge.json", "digest"],
      ["test/vectors/shop-state.json", "stateKeccak"],
      ["test/vectors/sessions.json", "frame"],
      ["docs/eip712.md", "digest"],
    ] as const;
    try {
      // Every output tampered at once, one run: each is reported, none rewritten.
      const tampered = outputs.map(([file, member]) => {
        const path = join(clone.dir, file);
        const original = readFileSync(path, "utf8");
        const text = original.replace(new RegExp(`"${member}": "0x([0-9a-f])`), (_m, c: string) => `"${member}": "0x${c === "0" ? "1" : "0"}`);
        expect(text, file).not.toBe(original);
        writeFileSync(path, text);
        return { file, path, text };
      });
      const stale = check(clone.dir);
      expect(stale.status).toBe(1);
      for (const { file, path, text } of tampered) {
        expect(stale.output).toContain(`${file.split("/").pop()} differs from a fresh build`);
        expect(readFileSync(path, "utf8")).toBe(text);
      }
    } finally {
      clone.remove();
    }
  }, 180_000);
});
