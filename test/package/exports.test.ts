// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The public API of every entry point in package.json's `exports`, values and
// types, as a committed snapshot: adding, removing or renaming an export
// changes __snapshots__/exports.test.ts.snap, so it shows up in review.
// Update deliberately with `npx vitest run test/package/exports.test.ts -u`.
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { createEntryProgram, repo } from "./entry-program.js";
import { packageEntryPoints } from "./entry-points.js";

const entryPoints = packageEntryPoints();

const program = createEntryProgram();
const checker = program.getTypeChecker();

const kinds: [ts.SymbolFlags, string][] = [
  [ts.SymbolFlags.Class, "class"],
  [ts.SymbolFlags.Enum, "enum"],
  [ts.SymbolFlags.Function, "function"],
  [ts.SymbolFlags.Variable, "const"],
  [ts.SymbolFlags.Interface, "interface"],
  [ts.SymbolFlags.TypeAlias, "type"],
];
const valueKinds = new Set(["class", "enum", "function", "const"]);

/** "kind name" for each export, sorted by name; a name declared as a value and a type lists both kinds. */
function exportList(source: string): { name: string; kinds: string[] }[] {
  const file = program.getSourceFile(`${repo}${source}`);
  const module = file === undefined ? undefined : checker.getSymbolAtLocation(file);
  if (module === undefined) throw new Error(`${source} is not a module`);
  return checker
    .getExportsOfModule(module)
    .map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const found = kinds.filter(([flag]) => target.flags & flag).map(([, kind]) => kind);
      if (found.length === 0) throw new Error(`${source}: cannot classify export ${symbol.name}`);
      return { name: symbol.name, kinds: found };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

describe("public exports", () => {
  it("has a source file for every JavaScript entry point", () => {
    expect(entryPoints.map((e) => e.subpath)).toContain(".");
    for (const entry of entryPoints) expect(program.getSourceFile(`${repo}${entry.source}`), entry.source).toBeDefined();
  });

  it("type-checks the entry points without Node's type definitions (no Node-only APIs)", () => {
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);
  });

  for (const entry of entryPoints) {
    describe(entry.subpath, () => {
      const list = exportList(entry.source);

      it("matches the snapshot", () => {
        expect(list.map(({ name, kinds }) => `${kinds.join(" ")} ${name}`).join("\n")).toMatchSnapshot();
      });

      it("exports at run time exactly the values it declares", async () => {
        const module = (await import(`${repo}${entry.source}`)) as Record<string, unknown>;
        const declaredValues = list.filter((e) => e.kinds.some((k) => valueKinds.has(k))).map((e) => e.name);
        expect(Object.keys(module).sort()).toEqual(declaredValues.sort());
      });
    });
  }

  it("keeps every subpath's exports a subset of the root's, bound to the same objects (Node-only entries stay out of the root)", async () => {
    const root = (await import(`${repo}src/index.ts`)) as Record<string, unknown>;
    for (const entry of entryPoints.filter((e) => e.subpath !== "." && !e.nodeOnly)) {
      const module = (await import(`${repo}${entry.source}`)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) expect(root[name], `${entry.subpath} ${name}`).toBe(value);
    }
  });
});
