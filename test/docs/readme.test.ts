// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The README's code comes from examples/ (compiled by tsc, run by tests) and
// must stay identical, imports and constants included, with the package name
// in place of ../src/index.js; every link must work for a reader of the npm
// package (shipped files) or of GitHub (files of this repository).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readmeBlockOf } from "../package/install-beside-newest.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const readme = read("README.md");
const manifest = JSON.parse(read("package.json")) as { name: string; files: string[]; repository: { url: string }; homepage: string; bugs: { url: string } };
const tsBlocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const GITHUB = "https://github.com/massmarket/network-schema";

const readmeRegion = (path: string) => readmeBlockOf(read(path), manifest.name);

describe("README", () => {
  const examples = ["examples/first-event.ts", "examples/client-side.ts", "examples/relay-side.ts"];
  it.each(examples)("shows %s verbatim, imports and constants included", (path) => {
    const region = readmeRegion(path);
    expect(region).toMatch(/^import /m);
    expect(tsBlocks).toContain(region);
  });

  it("has only complete programs as TypeScript blocks: each starts with its imports", () => {
    expect(tsBlocks.length).toBeGreaterThanOrEqual(examples.length);
    for (const block of tsBlocks) expect(block, block?.slice(0, 80)).toMatch(/^(\/\/ .*\n)*import /);
  });

  it("starts with a quick start of exactly two commands: npm start and npm test", () => {
    const quickStart = readme.slice(readme.indexOf("## Quick start")).match(/```sh\n([\s\S]*?)```/)?.[1] ?? "";
    const commands = quickStart.split("\n").filter((line) => line.trim() !== "").map((line) => line.replace(/#.*$/, "").trim());
    expect(commands).toEqual(["npm ci && npm start", "npm test"]);
    expect(readme.indexOf("## Quick start")).toBeLessThan(readme.indexOf("## Use it in your project"));
    expect(readme.indexOf("## Use it in your project")).toBeLessThan(readme.indexOf("## Contributing"));
  });

  it("gets a user from install to a verified event: the first-event program runs and verifies", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "examples/first-event.ts"], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/verified: signed by keycard 0x[0-9a-fA-F]{40} for shop 23/);
    expect(readme).toContain("npm install @massmarket/network-schema");
  });

  it("links relatively only to files the npm package ships, and absolutely to files of the repository", () => {
    const shipped = (path: string) => manifest.files.some((pattern) => new RegExp(`^${pattern.replaceAll(".", "\\.").replaceAll("*", "[^/]+")}(/|$)`).test(path));
    for (const [, target] of readme.matchAll(/\]\(([^)#]+)[^)]*\)/g)) {
      const link = target as string;
      if (link.startsWith(`${GITHUB}/`)) {
        const path = link.slice(GITHUB.length + 1).replace(/^(blob|tree)\/main\//, "");
        expect(existsSync(`${root}${path}`), link).toBe(true);
      } else if (link !== GITHUB && !/^https?:/.test(link)) {
        expect(shipped(link), `${link} is not in package.json files`).toBe(true);
        expect(existsSync(`${root}${link}`), link).toBe(true);
      }
    }
  });

  it("ships docs whose relative links stay inside the shipped docs", () => {
    for (const doc of ["docs/eip712.md", "docs/verifying-events.md", "docs/changing-the-schema.md"]) {
      for (const [, target] of read(doc).matchAll(/\]\(([^)#]+)[^)]*\)/g)) {
        if (/^https?:/.test(target as string)) continue;
        expect(existsSync(`${root}docs/${target}`), `${doc} → ${target}`).toBe(true);
        expect(target, `${doc} links outside docs/`).not.toMatch(/^\.\.\//);
      }
    }
  });

  it("has package metadata pointing at the repository", () => {
    expect(manifest.repository.url).toBe(`git+${GITHUB}.git`);
    expect(manifest.homepage).toBe(`${GITHUB}#readme`);
    expect(manifest.bugs.url).toBe(`${GITHUB}/issues`);
  });
});
