// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// No Node-only APIs behind any entry point: each one bundles with esbuild for
// the browser (which fails on Node builtins such as "node:fs" or "crypto"),
// and none of our own modules in the bundle touches Node globals.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { packageEntryPoints } from "./entry-points.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const nodeGlobals = /\bprocess\s*\.|\bBuffer\b|\brequire\s*\(|\b__dirname\b|\b__filename\b|\bglobal\s*\.|["']node:/;

const bundle = (source: string) =>
  build({ absWorkingDir: repo, entryPoints: [source], bundle: true, platform: "browser", format: "esm", write: false, metafile: true, logLevel: "silent", outdir: "out" });

describe("browser bundle", () => {
  it("has Node-only entry points (the test relay) and keeps them out of every browser entry", () => {
    expect(packageEntryPoints().filter((e) => e.nodeOnly).map((e) => e.subpath)).toEqual(["./relay", "./testing"]);
  });

  for (const entry of packageEntryPoints().filter((e) => !e.nodeOnly)) {
    it(`bundles ${entry.subpath} for the browser without Node APIs`, async () => {
      const result = await bundle(entry.source);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);

      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs).toContain(entry.source);
      expect(inputs.filter((input) => input.startsWith("node:") || input.includes("(disabled)"))).toEqual([]);
      // The relay's server side (ws, src/relay) is Node-only.
      expect(inputs.filter((input) => input.includes("node_modules/ws/") || input.startsWith("src/relay/"))).toEqual([]);

      const ours = inputs.filter((input) => input.startsWith("src/") || input.startsWith("gen/"));
      const offenders = ours.filter((input) => {
        // Comments may say "process" or show Node examples; only code counts.
        const code = readFileSync(`${repo}${input}`, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
        return nodeGlobals.test(code);
      });
      expect(offenders).toEqual([]);
    });
  }

  it("keeps ./messages free of the signing stack", async () => {
    // The point of the subpath: decoding without pulling in viem and the curves.
    const messages = packageEntryPoints().find((e) => e.subpath === "./messages");
    expect(messages?.source).toBe("src/messages.ts");
    const result = await bundle(messages?.source ?? "");
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes("node_modules/@bufbuild/protobuf/"))).toBe(true);
    expect(inputs.filter((input) => /node_modules\/(viem|ox|abitype|@noble)\//.test(input) || input.startsWith("src/"))).toEqual(["src/messages.ts"]);
  });
});
