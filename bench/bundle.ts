// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// 6. Bundle size of bench/bundle/entry.ts (build, sign, encode one event), as a
// browser app ships it: a Vite production build (Rolldown, minified, code
// splitting), gzip at level 9. The initial load is the entry chunk and every chunk
// it imports statically; chunks behind `import()` are reported apart. esbuild's
// single-file bundle of the same entry is reported beside it as a second opinion.
import { gzipSync } from "node:zlib";
import { build as esbuild } from "esbuild";
import { build as viteBuild, type Rollup } from "vite";

export interface BundleChunk {
  readonly file: string;
  readonly minified: number;
  readonly gzip: number;
}

export interface BundleReport {
  /** Minified bytes of the initial load (entry chunk and its static imports). */
  readonly minified: number;
  /** Gzip bytes of the initial load, each chunk compressed on its own (each is its own download). */
  readonly gzip: number;
  /** Chunks reached only through `import()`. */
  readonly lazy: readonly BundleChunk[];
  /** esbuild, minified, one file with no code splitting. */
  readonly esbuildSingleFile: { readonly minified: number; readonly gzip: number };
  /** Every `@noble/curves` copy in the initial load, by its folder in node_modules. */
  readonly nobleCurvesCopies: readonly string[];
  /** Rendered bytes (after tree shaking, before minifying) each package or our src/, gen/ adds to the initial load. */
  readonly packages: readonly { readonly name: string; readonly bytes: number }[];
  /** The largest single modules of the initial load, in rendered bytes. */
  readonly inputs: readonly { readonly path: string; readonly bytes: number }[];
}

const ROOT = new URL("..", import.meta.url).pathname;
const ENTRY = new URL("./bundle/entry.ts", import.meta.url).pathname;

/**
 * Builds the sign-and-encode entry for the browser and measures what loads up front.
 * @example (await measureBundle()).gzip <= 60_000
 */
export async function measureBundle(entry = ENTRY): Promise<BundleReport> {
  const chunks = await viteChunks(entry);
  const initial = staticClosure(chunks);
  const chunkOf = (chunk: Rollup.OutputChunk): BundleChunk => ({ file: chunk.fileName, minified: Buffer.byteLength(chunk.code), gzip: gzipSync(chunk.code, { level: 9 }).length });
  const initialChunks = initial.map(chunkOf);
  const modules = initial.flatMap((chunk) => Object.entries(chunk.modules).map(([path, { renderedLength }]) => ({ path: path.startsWith(ROOT) ? path.slice(ROOT.length) : path, bytes: renderedLength })));
  const byPackage = new Map<string, number>();
  for (const { path, bytes } of modules) byPackage.set(packageOf(path), (byPackage.get(packageOf(path)) ?? 0) + bytes);
  const noble = new Set(modules.filter(({ bytes }) => bytes > 0).flatMap(({ path }) => /^(.*node_modules\/@noble\/curves)\//.exec(path)?.[1] ?? []));
  return {
    minified: initialChunks.reduce((sum, chunk) => sum + chunk.minified, 0),
    gzip: initialChunks.reduce((sum, chunk) => sum + chunk.gzip, 0),
    lazy: chunks.filter((chunk) => !initial.includes(chunk)).map(chunkOf),
    esbuildSingleFile: await esbuildSingleFile(entry),
    nobleCurvesCopies: [...noble].sort(),
    packages: [...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
    inputs: modules.filter(({ bytes }) => bytes > 0).sort((a, b) => b.bytes - a.bytes).slice(0, 12),
  };
}

async function viteChunks(entry: string): Promise<Rollup.OutputChunk[]> {
  const result = await viteBuild({
    configFile: false,
    logLevel: "silent",
    root: ROOT,
    build: { write: false, minify: true, target: "es2022", modulePreload: false, rollupOptions: { input: entry, preserveEntrySignatures: "strict" } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((output) => output.output.filter((item): item is Rollup.OutputChunk => item.type === "chunk"));
  if (chunks.length === 0) throw new Error("bundle: Vite produced no chunk");
  return chunks;
}

// The entry chunk and every chunk it reaches through static imports.
function staticClosure(chunks: readonly Rollup.OutputChunk[]): Rollup.OutputChunk[] {
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!entry) throw new Error("bundle: no entry chunk");
  const seen = [entry];
  for (const chunk of seen) {
    for (const file of chunk.imports) {
      const next = chunks.find((candidate) => candidate.fileName === file);
      if (next && !seen.includes(next)) seen.push(next);
    }
  }
  return seen;
}

async function esbuildSingleFile(entry: string): Promise<{ minified: number; gzip: number }> {
  const result = await esbuild({ entryPoints: [entry], bundle: true, minify: true, treeShaking: true, platform: "browser", format: "esm", target: "es2022", write: false, logLevel: "silent" });
  const output = result.outputFiles[0];
  if (!output) throw new Error("bundle: esbuild produced no output");
  return { minified: output.contents.length, gzip: gzipSync(output.contents, { level: 9 }).length };
}

function packageOf(path: string): string {
  // Rolldown names its own helpers (the preload helper for viem's `import()`s) with a leading NUL.
  if (path.startsWith("\0")) return `bundler runtime (${path.slice(1)})`;
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (match) return match[1] as string;
  return path.split("/").find((segment) => segment === "src" || segment === "gen" || segment === "bench") ?? path;
}
