// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Every exported name of every entry point, and every error code, is mentioned
// in the prose docs (README.md or docs/*.md), so a reader who meets one in code
// or in a log can find what it is for (`XParameters`/`XReturnType` count as
// documented with function `x`, the rule docs/reference.md states). Names are read from the declarations,
// so what other changes export is checked too. Exempt: protobuf-es output in
// gen/ (messages `X`, `XSchema`, enums, file descriptors), documented in
// proto/ and by docs/reference.md's rule that every message is exported that
// way; the EIP-712 tables (gen/market/mass/eip712_pb.ts) are ours and not exempt.
import { readdirSync, readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ErrorCodesSchema } from "../../gen/market/mass/error_pb.js";
import { createEntryProgram, repo } from "../package/entry-program.js";
import { packageEntryPoints } from "../package/entry-points.js";

const docs = ["README.md", ...readdirSync(`${repo}docs`).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const prose = docs.map((path) => readFileSync(`${repo}${path}`, "utf8")).join("\n");
const mentioned = (name: string): boolean => new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`).test(prose);

const program = createEntryProgram();
const checker = program.getTypeChecker();
const isProtobufOutput = (file: string): boolean => /\/gen\/.*_pb\.ts$/.test(file) && !file.endsWith("/gen/market/mass/eip712_pb.ts");

/** Exported names per entry point, and the string literals of exported `…Code`/`…Problem` unions (the error codes). */
function exported(): { names: Map<string, string>; codes: Map<string, string> } {
  const names = new Map<string, string>();
  const codes = new Map<string, string>();
  for (const entry of packageEntryPoints()) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(`${repo}${entry.source}`)!)!;
    for (const symbol of checker.getExportsOfModule(module)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const file = target.declarations?.[0]?.getSourceFile().fileName ?? "";
      if (!isProtobufOutput(file)) names.set(symbol.name, entry.source);
      if (/(Code|Problem)$/.test(symbol.name) && target.flags & ts.SymbolFlags.TypeAlias) {
        const type = checker.getDeclaredTypeOfSymbol(target);
        for (const part of type.isUnion() ? type.types : [type]) if (part.isStringLiteral()) codes.set(part.value, symbol.name);
      }
    }
  }
  return { names, codes };
}

const { names, codes } = exported();

// docs/reference.md's rule: `XParameters`/`XReturnType` are the types of function `x`, documented with it.
const documented = (name: string): boolean => {
  if (mentioned(name)) return true;
  const [, stem] = /^(\w+?)(?:Parameters|ReturnType)$/.exec(name) ?? [];
  const fn = stem === undefined ? undefined : `${stem.charAt(0).toLowerCase()}${stem.slice(1)}`;
  return fn !== undefined && names.has(fn) && mentioned(fn);
};

describe("the prose docs mention", () => {
  it("found the exports and codes to check", () => {
    expect(names.size).toBeGreaterThan(80);
    expect(codes.get("HIGH_S")).toBe("SignatureProblem");
    expect(codes.get("EVENT_EMPTY")).toMatch(/Code$/);
  });

  it("every exported name of every entry point", () => {
    expect([...names].filter(([name]) => !documented(name)).map(([name, entry]) => `${name} (${entry})`)).toEqual([]);
  });

  it("every error code and problem (ErrorCode, SignatureProblem, EventCheckCode, …)", () => {
    expect([...codes].filter(([code]) => !mentioned(code)).map(([code, type]) => `${code} (${type})`)).toEqual([]);
  });

  it("every ErrorCodes value a relay can answer with", () => {
    const values = ErrorCodesSchema.values.map((v) => v.localName).filter((name) => name !== "UNSPECIFIED");
    expect(values.filter((name) => !mentioned(name))).toEqual([]);
  });
});
