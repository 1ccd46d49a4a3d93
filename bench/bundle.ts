// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// 6. Bundle size of bench/bundle/entry.ts (build, sign, encode one event):
// esbuild with minify and tree shaking for the browser; gzip at level 9.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundleReport {
  readonly minified: number;
  readonly gzip: number;
  /** Bytes each package (or our src/, gen/) contributes to the minified output, largest first. */
  readonly packages: readonly { readonly name: string; readonly bytes: number }[];
  /** The largest single input files. */
  readonly inputs: readonly { readonly path: string; readonly bytes: number }[];
}

/** Bundles the sign-and-encode entry and measures it. */
export async function measureBundle(): Promise<BundleReport> {
  const result = await build({
    entryPoints: [new URL("./bundle/entry.ts", import.meta.url).pathname],
    bundle: true,
    minify: true,
    treeShaking: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("bundle: esbuild produced no output");
  const [meta] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(meta?.inputs ?? {}).map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }));
  const byPackage = new Map<string, number>();
  for (const { path, bytes } of inputs) byPackage.set(packageOf(path), (byPackage.get(packageOf(path)) ?? 0) + bytes);
  return {
    minified: output.contents.length,
    gzip: gzipSync(output.contents, { level: 9 }).length,
    packages: [...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
    inputs: inputs.sort((a, b) => b.bytes - a.bytes).slice(0, 12),
  };
}

function packageOf(path: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (match) return match[1] as string;
  return path.split("/").find((segment) => segment === "src" || segment === "gen" || segment === "bench") ?? path;
}
