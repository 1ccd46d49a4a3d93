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
    expect(status).toBe(0);
  });

  it("`--check` fails on a changed digest in the vectors or in the worked example", () => {
    const clone = scratchClone();
    try {
      const vectors = join(clone.dir, "test/vectors/eip712.json");
      const original = readFileSync(vectors, "utf8");
      writeFileSync(vectors, original.replace(/"digest": "0x([0-9a-f])/, (_m, c: string) => `"digest": "0x${c === "0" ? "1" : "0"}`));
      const staleVectors = check(clone.dir);
      expect(staleVectors.status).toBe(1);
      expect(staleVectors.output).toContain("eip712.json differs from a fresh build");
      writeFileSync(vectors, original);

      // The edge vectors are checked too, not rewritten (the flag reaches every output).
      const edge = join(clone.dir, "test/vectors/eip712-edge.json");
      const edgeText = readFileSync(edge, "utf8");
      writeFileSync(edge, edgeText.replace(/"digest": "0x([0-9a-f])/, (_m, c: string) => `"digest": "0x${c === "0" ? "1" : "0"}`));
      const staleEdge = check(clone.dir);
      expect(staleEdge.status).toBe(1);
      expect(staleEdge.output).toContain("eip712-edge.json differs from a fresh build");
      expect(readFileSync(edge, "utf8")).not.toBe(edgeText);
      writeFileSync(edge, edgeText);

      const doc = join(clone.dir, "docs/eip712.md");
      writeFileSync(doc, readFileSync(doc, "utf8").replace(/"digest": "0x([0-9a-f])/, (_m, c: string) => `"digest": "0x${c === "0" ? "1" : "0"}`));
      const staleDoc = check(clone.dir);
      expect(staleDoc.status).toBe(1);
      expect(staleDoc.output).toContain("eip712.md differs from a fresh build");
    } finally {
      clone.remove();
    }
  });
});
