// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The published artefact, not the source tree: `npm pack` (which builds via
// `prepack`), unpack the tarball into a scratch project's node_modules next to
// only the declared dependencies, then import every entry point from Node,
// sign and verify an event, and type-check a TypeScript consumer against the
// shipped declarations. Offline: dependencies are symlinks into this
// repository's node_modules. The last tests install the tarball with npm
// beside the newest compatible dependencies (see install-beside-newest.ts).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageEntryPoints } from "./entry-points.js";
import { installBesideNewest, readmeBlockOf } from "./install-beside-newest.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const manifest = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as {
  name: string;
  dependencies: Record<string, string>;
  bin: Record<string, string>;
};
const entryPoints = packageEntryPoints();

let work: string;
let scratch: string;
let packed: string[];
let tarball: string;

function run(file: string, args: string[], cwd: string): string {
  try {
    return execFileSync(file, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_OPTIONS: "" } });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(" ")} failed in ${cwd}:\n${stdout ?? ""}${stderr ?? ""}`, { cause: error });
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "network-schema-pack-"));
  // --json keeps stdout machine-readable; the prepack build logs to stderr.
  const [result] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], repo)) as { filename: string; files: { path: string }[] }[];
  if (result === undefined) throw new Error("npm pack reported no tarball");
  packed = result.files.map((f) => f.path).sort();
  tarball = join(work, result.filename);

  scratch = join(work, "consumer");
  const installed = join(scratch, "node_modules", manifest.name);
  mkdirSync(installed, { recursive: true });
  run("tar", ["-xzf", join(work, result.filename), "-C", installed, "--strip-components=1"], work);
  // Only the declared dependencies are visible to the package; an undeclared
  // import (a devDependency, a Node builtin polyfill) fails to resolve.
  for (const dependency of Object.keys(manifest.dependencies)) {
    const link = join(scratch, "node_modules", dependency);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(repo, "node_modules", dependency), link, "dir");
  }
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: { [manifest.name]: "*" } }));
}, 120_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe("npm pack", () => {
  it("ships built code, declarations, sources for the maps, the .proto files and the docs, nothing else", () => {
    const allowed = [/^dist\/(src|gen)\/.+\.(js|d\.ts|js\.map|d\.ts\.map)$/, /^(src|gen)\/.+\.ts$/, /^proto\/market\/mass\/[a-z_]+\.proto$/, /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|docs\/[a-z0-9-]+\.md)$/];
    expect(packed.filter((path) => !allowed.some((pattern) => pattern.test(path)))).toEqual([]);
    for (const required of ["package.json", "README.md", "LICENSE", "CHANGELOG.md", "docs/eip712.md", "docs/verifying-events.md", "docs/changing-the-schema.md", "proto/market/mass/shop_events.proto", "proto/market/mass/options.proto"]) {
      expect(packed).toContain(required);
    }
    for (const entry of entryPoints) {
      expect(packed).toContain(entry.types.slice(2));
      expect(packed).toContain(entry.js.slice(2));
    }
    expect(packed.some((path) => /(^|\/)(test|bench|examples|plugin|scripts)\//.test(path) || path.endsWith(".test.ts"))).toBe(false);
  });

  it("has every source map pointing at a file inside the package", () => {
    const maps = packed.filter((path) => path.endsWith(".map"));
    expect(maps.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const map of maps) {
      const { sources } = JSON.parse(readFileSync(join(scratch, "node_modules", manifest.name, map), "utf8")) as { sources: string[] };
      for (const source of sources) {
        const target = posix.normalize(posix.join(posix.dirname(map), source));
        if (!packed.includes(target)) missing.push(`${map} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("imports every entry point from Node and signs and verifies an event with the installed copy", () => {
    const script = `
      import { create } from "@bufbuild/protobuf";
      import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
      import { existsSync } from "node:fs";
      import { fileURLToPath } from "node:url";
      import * as root from "${manifest.name}";
      const entries = {};
      for (const subpath of ${JSON.stringify(entryPoints.map((e) => e.subpath))}) {
        const specifier = subpath === "." ? "${manifest.name}" : "${manifest.name}/" + subpath.slice(2);
        const module = await import(specifier);
        entries[subpath] = { resolved: fileURLToPath(import.meta.resolve(specifier)), keys: Object.keys(module).length };
        // One module instance per file: a subpath re-exports the root's objects, never copies.
        for (const [name, value] of Object.entries(module)) if (name in root && root[name] !== value) throw new Error(subpath + " " + name + " differs from the root export");
      }
      const domain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };
      const account = privateKeyToAccount(generatePrivateKey());
      const event = create(root.ShopEventSchema, { nonce: 1n, shopId: { raw: new Uint8Array(32).fill(7) }, timestamp: { seconds: 1700000000n },
        union: { case: "tag", value: { id: { raw: new Uint8Array(8).fill(1) }, name: "sale" } } });
      const signature = await root.signEvent({ event, domain, account });
      const decoded = (await import("${manifest.name}/messages")).ShopEventSchema === root.ShopEventSchema;
      const proto = fileURLToPath(import.meta.resolve("${manifest.name}/proto/market/mass/shop_events.proto"));
      console.log(JSON.stringify({
        entries,
        sameSchema: decoded,
        verified: root.verifyEvent({ event, domain, signature, address: account.address }),
        recovered: root.recoverEventSigner({ event, domain, signature }) === account.address,
        wrongKey: root.verifyEvent({ event, domain, signature, address: privateKeyToAccount(generatePrivateKey()).address }),
        proto: existsSync(proto) && proto.startsWith(${JSON.stringify(scratch)}),
      }));
    `;
    writeFileSync(join(scratch, "consumer.mjs"), script);
    const result = JSON.parse(run(process.execPath, ["consumer.mjs"], scratch)) as {
      entries: Record<string, { resolved: string; keys: number }>;
      sameSchema: boolean;
      verified: boolean;
      recovered: boolean;
      wrongKey: boolean;
      proto: boolean;
    };
    expect(Object.keys(result.entries)).toEqual(entryPoints.map((e) => e.subpath));
    for (const entry of entryPoints) {
      const got = result.entries[entry.subpath];
      // Resolved inside the unpacked tarball, not this checkout.
      expect(got?.resolved).toBe(join(scratch, "node_modules", manifest.name, entry.js));
      expect(got?.keys).toBeGreaterThan(0);
    }
    expect(result).toMatchObject({ sameSchema: true, verified: true, recovered: true, wrongKey: false, proto: true });
  });

  it("ships a working massmarket-schema binary", () => {
    const [[name, path]] = Object.entries(manifest.bin) as [[string, string]];
    expect(name).toBe("massmarket-schema");
    const binary = join(scratch, "node_modules", manifest.name, path);
    expect(readFileSync(binary, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const help = run(process.execPath, [binary, "--help"], scratch);
    expect(help).toContain("Usage: massmarket-schema <command>");
    // A ShopEvent with nonce 1 and a CreateOrder: decoded by the installed binary.
    const decoded = JSON.parse(run(process.execPath, [binary, "decode", "--type", "shop-event", "0x0801620c0a0a0a080102030405060708"], scratch).replace(/^detected.*\n/, ""));
    expect(decoded).toMatchObject({ nonce: "1" });
  });

  it("has every import in the shipped code and declarations resolve inside the package or to a declared dependency", () => {
    const declared = new Set(Object.keys(manifest.dependencies));
    const problems: string[] = [];
    for (const path of packed.filter((p) => p.startsWith("dist/") && /\.(js|d\.ts)$/.test(p))) {
      // Doc comments hold usage examples with imports; only code counts.
      const text = readFileSync(join(scratch, "node_modules", manifest.name, path), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
      for (const [, specifier] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) {
        if (specifier === undefined) continue;
        // Node builtins are not dependencies; browser-bundle.test.ts keeps them out of the library entry points.
        if (specifier.startsWith("node:")) continue;
        if (specifier.startsWith(".")) {
          if (!packed.includes(posix.normalize(posix.join(posix.dirname(path), specifier)))) problems.push(`${path}: ${specifier} is not in the package`);
        } else {
          // "@scope/name/sub" → "@scope/name"; "name/sub" → "name".
          const name = specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
          if (!declared.has(name)) problems.push(`${path}: ${specifier} is not a declared dependency`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  // skipLibCheck keeps this fast (viem's declarations are large); the test
  // above catches declarations importing what a consumer will not have.
  it("type-checks a strict TypeScript consumer against the shipped declarations", () => {
    const imports = entryPoints
      .map((e, i) => `import * as entry${i} from "${e.subpath === "." ? manifest.name : `${manifest.name}/${e.subpath.slice(2)}`}";`)
      .join("\n");
    writeFileSync(
      join(scratch, "consumer.ts"),
      `${imports}
import { create } from "@bufbuild/protobuf";
import type { Address, Hex } from "viem";
import { type EventDomain, ShopEventSchema, signEvent, verifyEvent } from "${manifest.name}";
import { hashEvent } from "${manifest.name}/eip712";
import { ShopEventSchema as MessagesShopEventSchema } from "${manifest.name}/messages";
export const all = [${entryPoints.map((_, i) => `entry${i}`).join(", ")}];
const domain: EventDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };
const event = create(MessagesShopEventSchema, { nonce: 1n });
export const digest: Hex = hashEvent({ event, domain });
export async function check(account: Parameters<typeof signEvent>[0]["account"], address: Address): Promise<boolean> {
  const signature: Hex = await signEvent({ event: create(ShopEventSchema, { nonce: 2n }), domain, account });
  return verifyEvent({ event, domain, signature, address });
}
// @ts-expect-error signEvent takes one object parameter
signEvent(event, domain);
`,
    );
    writeFileSync(
      join(scratch, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, exactOptionalPropertyTypes: true, noEmit: true, skipLibCheck: true, types: [], lib: ["ES2022", "DOM"] },
        files: ["consumer.ts"],
      }),
    );
    const tsc = join(repo, "node_modules", "typescript", "bin", "tsc");
    expect(existsSync(tsc)).toBe(true);
    // tsc exits non-zero on any error; run() then throws with its output.
    expect(run(process.execPath, [tsc, "-p", "tsconfig.json", "--pretty", "false"], scratch)).toBe("");
  });

  // A real `npm install` of the tarball with the newest @bufbuild/protobuf and viem
  // its ranges allow: one copy of each, and a consumer using them type-checks and runs.
  it("installs beside the newest compatible @bufbuild/protobuf and viem, with one copy of each", () => {
    const firstEvent = readmeBlockOf(readFileSync(join(repo, "examples", "first-event.ts"), "utf8"), manifest.name);
    expect(readFileSync(join(repo, "README.md"), "utf8")).toContain(firstEvent);
    const result = installBesideNewest({ tarball, work, repo, ranges: manifest.dependencies, name: manifest.name, firstEvent });
    expect(result.copies).toEqual({ "@bufbuild/protobuf": 1, viem: 1 });
    expect(result.typeErrors).toBe("");
    expect(result.output).toMatchObject({ verified: true, wrongKey: false, roundTrip: true, keyLength: 64 });
    // The README's first program, copied as is, against the installed package.
    expect(result.firstEventOutput).toMatch(/verified: signed by keycard 0x[0-9a-fA-F]{40} for shop 23/);
  }, 300_000);

  it("takes ^ ranges for runtime dependencies, with a protobuf runtime at least as new as the generator", () => {
    const dev = (JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies;
    for (const range of Object.values(manifest.dependencies)) expect(range).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(manifest.dependencies["@bufbuild/protobuf"]).toBe(`^${dev["@bufbuild/protoc-gen-es"]}`);
    // 1.9.1's multiplyUnsafe returns wrong points on precomputed points; fixed in 1.9.7.
    const [, minor = "0", patch = "0"] = /^\^1\.(\d+)\.(\d+)$/.exec(manifest.dependencies["@noble/curves"] ?? "") ?? [];
    expect(Number(minor) * 1000 + Number(patch)).toBeGreaterThanOrEqual(9007);
  });
});
