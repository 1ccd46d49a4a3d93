// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The README's code comes from examples/ (compiled by tsc, run by tests): it must stay identical.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const readme = read("README.md");
const tsBlocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

describe("README", () => {
  it.each(["examples/client-side.ts", "examples/relay-side.ts"])("shows the readme region of %s verbatim", (path) => {
    const region = read(path).match(/\/\/ #region readme\n([\s\S]*?)\/\/ #endregion readme\n/)?.[1];
    expect(region, `${path} has a readme region`).toBeDefined();
    expect(tsBlocks).toContain(region);
  });

  it("starts with a quick start of exactly two commands: npm start and npm test", () => {
    const quickStart = readme.slice(readme.indexOf("## Quick start")).match(/```sh\n([\s\S]*?)```/)?.[1] ?? "";
    const commands = quickStart.split("\n").filter((line) => line.trim() !== "").map((line) => line.replace(/#.*$/, "").trim());
    expect(commands).toEqual(["npm ci && npm start", "npm test"]);
  });

  it("links only to docs that exist", () => {
    for (const [, target] of readme.matchAll(/\]\(((?:docs|examples)\/[^)#]+|DEVELOPERS\.md)\)/g)) {
      expect(() => read(target as string), target).not.toThrow();
    }
  });
});
