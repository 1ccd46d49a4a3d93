// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The JavaScript entry points of package.json's `exports` map, so the package
// tests follow the map instead of repeating it.
import { readFileSync } from "node:fs";

export interface EntryPoint {
  /** The exports key: ".", "./messages", … */
  readonly subpath: string;
  /** "./dist/src/….js" */
  readonly js: string;
  /** "./dist/src/….d.ts" */
  readonly types: string;
  /** The TypeScript source it is built from, relative to the repository root: "src/….ts". */
  readonly source: string;
  /** Exported under the "node" condition only (no "default"): never bundled for browsers. */
  readonly nodeOnly: boolean;
}

export function packageEntryPoints(): EntryPoint[] {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { exports: Record<string, unknown> };
  const entries: EntryPoint[] = [];
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    // Plain-string targets are data (package.json, .proto files), not code.
    if (typeof target === "string") continue;
    const { types, default: browserSafe, node } = target as { types?: unknown; default?: unknown; node?: unknown };
    const nodeOnly = browserSafe === undefined && node !== undefined;
    const js = nodeOnly ? node : browserSafe;
    if (typeof types !== "string" || typeof js !== "string") throw new Error(`exports["${subpath}"] needs "types" and "default" (or "node" for a Node-only entry)`);
    const built = /^\.\/dist\/((?:src|gen)\/.+)\.js$/.exec(js);
    if (built === null || types !== `./dist/${built[1]}.d.ts`) throw new Error(`exports["${subpath}"] does not point at a tsc output pair in dist/`);
    entries.push({ subpath, js, types, source: `${built[1]}.ts`, nodeOnly });
  }
  return entries;
}
