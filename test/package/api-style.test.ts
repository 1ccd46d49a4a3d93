// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The API conventions TypeDoc cannot check: every exported function has a doc
// comment with an @example and takes one object parameter (type guards
// `isXxx(value): value is Xxx` take the value itself).
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { createEntryProgram, repo } from "./entry-program.js";
import { packageEntryPoints } from "./entry-points.js";

const program = createEntryProgram();
const checker = program.getTypeChecker();

interface ExportedFunction {
  readonly name: string;
  readonly where: string;
  readonly declaration: ts.SignatureDeclaration;
}

function exportedFunctions(): ExportedFunction[] {
  const seen = new Map<ts.Node, ExportedFunction>();
  for (const entry of packageEntryPoints()) {
    const file = program.getSourceFile(`${repo}${entry.source}`);
    const module = file === undefined ? undefined : checker.getSymbolAtLocation(file);
    if (module === undefined) throw new Error(`${entry.source} is not a module`);
    for (const symbol of checker.getExportsOfModule(module)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (!(target.flags & ts.SymbolFlags.Function)) continue;
      for (const declaration of target.declarations ?? []) {
        if (!ts.isFunctionDeclaration(declaration) || seen.has(declaration)) continue;
        const source = declaration.getSourceFile();
        const { line } = source.getLineAndCharacterOfPosition(declaration.getStart());
        seen.set(declaration, { name: symbol.name, where: `${source.fileName.slice(repo.length)}:${line + 1}`, declaration });
      }
    }
  }
  return [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** An options object: a type literal, or an interface/alias declared in this package (not Uint8Array, Date, …). */
function isOptionsType(type: ts.Type): boolean {
  if (type.isUnionOrIntersection()) return type.types.every(isOptionsType);
  if (!(type.flags & ts.TypeFlags.Object) || checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0) return false;
  const declarations = (type.aliasSymbol ?? type.getSymbol())?.declarations ?? [];
  return declarations.length > 0 && declarations.every((d) => d.getSourceFile().fileName.startsWith(repo) && !d.getSourceFile().fileName.includes("/node_modules/"));
}

function isObjectParameter(parameter: ts.ParameterDeclaration): boolean {
  return ts.isObjectBindingPattern(parameter.name) || isOptionsType(checker.getNonNullableType(checker.getTypeAtLocation(parameter)));
}

const functions = exportedFunctions();

describe("exported functions", () => {
  it("were found", () => {
    expect(functions.length).toBeGreaterThan(10);
    expect(functions.map((f) => f.name)).toContain("signEvent");
  });

  it("all have a doc comment with an @example", () => {
    const missing = functions.filter(({ declaration }) => {
      const docs = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc);
      return docs.length === 0 || !ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === "example");
    });
    expect(missing.map((f) => `${f.name} (${f.where})`)).toEqual([]);
  });

  it("all take one object parameter, or are type guards of one value", () => {
    const offenders = functions.filter(({ declaration }) => {
      const { parameters, type } = declaration;
      if (parameters.length === 0) return false;
      if (parameters.length > 1) return true;
      if (type !== undefined && ts.isTypePredicateNode(type)) return false;
      return !isObjectParameter(parameters[0] as ts.ParameterDeclaration);
    });
    expect(offenders.map((f) => `${f.name}(${f.declaration.parameters.map((p) => p.getText()).join(", ")}) (${f.where})`)).toEqual([]);
  });
});
