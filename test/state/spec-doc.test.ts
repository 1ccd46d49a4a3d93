// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// docs/shop-state.md against the golden vectors, read as text: every rule row
// has its vector logs, every rejection in the vectors has its row in the path
// table, and every snapshot in the vectors follows the grammar exactly, with
// every member of the grammar present somewhere (each nullable one both null
// and not).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const doc = readFileSync(new URL("../../docs/shop-state.md", import.meta.url), "utf8");
interface VectorEvent { expect: { result: string; code?: string; path?: string }; changed?: Record<string, unknown> }
interface VectorLog { name: string; start: string; events: VectorEvent[]; finalState?: unknown }
const vectors = JSON.parse(readFileSync(new URL("../vectors/shop-state.json", import.meta.url), "utf8")) as { logs: VectorLog[] };

/** The text of one `## ` section. */
function section(title: string): string {
  const start = doc.indexOf(`\n## ${title}\n`);
  expect(start, title).toBeGreaterThan(0);
  const end = doc.indexOf("\n## ", start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}
const cells = (line: string) => line.split(" | ").map((c) => c.replace(/^\| ?| ?\|$/g, "").trim());
const tableRows = (text: string) => text.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| #") && !l.startsWith("|---"));

// Rows that cannot have both cases, as the document says.
const NO_PASSING = new Set(["I4"]);
const NO_VECTOR = new Set(["F4"]);

describe("docs/shop-state.md rule rows against the vectors", () => {
  const rows = ["Envelope rules (every event)", "Manifest", "Account", "Listings", "Inventory", "Tags", "Orders", "Field rules"].flatMap((title) =>
    tableRows(section(title)).map((l) => cells(l)[0]!).filter((id) => /^[EMALITOF][0-9]+b?$/.test(id)));
  const byRow = (id: string) => vectors.logs.filter((l) => l.name.startsWith(`rule ${id} `)).map((l) => l.events.at(-1)!.expect.result);

  it("finds the rows", () => {
    expect(new Set(rows).size).toBeGreaterThan(50);
    for (const id of ["E1", "E9", "M9", "A4", "L8b", "L9", "I4", "T6", "O0", "O10", "F7"]) expect(rows).toContain(id);
  });

  it("each row names at least one accepted and one refused vector log (`rule <row> …`)", () => {
    const missing = [...new Set(rows)].flatMap((id) => {
      if (NO_VECTOR.has(id)) return [];
      const results = byRow(id);
      return [
        ...(results.includes("rejected") ? [] : [`${id}: no refused case`]),
        ...(results.includes("accepted") || NO_PASSING.has(id) ? [] : [`${id}: no passing case`]),
      ];
    });
    expect(missing).toEqual([]);
  });
});

describe("docs/shop-state.md rejection paths against the vectors", () => {
  const table = tableRows(section("Rejection paths")).map(cells).filter((c) => c.length === 4 && c[0] !== "rule");
  // A documented path, `<m>`, `<a>`, `<f>`, `[i]` and `…` as wildcards.
  const pattern = (text: string) => new RegExp(`^${text
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\\\[[ij]\\\]/g, "\\[\\d+\\]")
    .replace(/<[a-z]+>/g, "[a-z_0-9.\\[\\]]+")
    .replace(/…/g, ".*")}$`);
  const rows = table.map(([rule, codes, errorCodes, paths]) => ({
    rule, errorCodes: errorCodes ?? "",
    codes: [...codes!.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]!),
    paths: [...paths!.matchAll(/`([^`]+)`/g)].map((m) => pattern(m[1]!)),
  }));

  it("every code of the rejection codes table has a row, with the same ErrorCodes", () => {
    const codes = tableRows(section("Rejection codes")).map(cells).filter((c) => /^`[A-Z_]+`$/.test(c[0]!));
    for (const [code, errorCode, rule] of codes) {
      if (rule === "policy") continue;
      const name = code!.slice(1, -1);
      const found = rows.filter((r) => r.codes.includes(name));
      expect(found.length, name).toBeGreaterThan(0);
      for (const r of found) expect(r.errorCodes.split(", "), `${r.rule} ${name}`).toContain(errorCode);
    }
  });

  it("every refusal in the vectors matches a documented (code, path) row", () => {
    const unmatched = vectors.logs.flatMap((l) => l.events.map((e) => e.expect)).filter((e) => e.result === "rejected")
      .filter((e) => !rows.some((r) => r.codes.includes(e.code!) && r.paths.some((p) => p.test(e.path!))))
      .map((e) => `${e.code} ${e.path}`);
    expect([...new Set(unmatched)]).toEqual([]);
  });
});

// The grammar: per type its members, each with a type expression.
type Expr = { nullable: boolean; array: boolean; record: string | null; name: string };
function parseExpr(text: string): Expr {
  let t = text.replace(/^`|`$/g, "").trim();
  const nullable = t.endsWith(" \\| null") || t.endsWith(" | null");
  t = t.replace(/ \\?\| null$/, "");
  const record = /^\{(\w+): (.+)\}$/.exec(t);
  if (record !== null) return { nullable, array: false, record: record[1]!, name: record[2]! };
  const array = t.endsWith("[]");
  return { nullable, array, record: null, name: array ? t.slice(0, -2) : t };
}
const grammar = new Map<string, Map<string, Expr>>();
{
  const text = section("State shape");
  for (const m of text.matchAll(/^#### `(\w+)`\n([\s\S]*?)(?=\n#### |\n### |$(?![\s\S]))/gm)) {
    grammar.set(m[1]!, new Map(tableRows(m[2]!).map(cells).filter((c) => c[0] !== "member").map((c) => [c[0]!.replace(/`/g, ""), parseExpr(c[1]!)])));
  }
}
const families = new Map<string, RegExp | ((v: unknown) => boolean)>();
for (const c of tableRows(section("State shape").split("### Snapshot grammar")[0]!).map(cells)) if (/^`\w+`$/.test(c[0]!)) families.set(c[0]!.slice(1, -1), /./);
const leaf: Record<string, (v: unknown) => boolean> = {
  number: (v) => Number.isSafeInteger(v),
  uint64: (v) => typeof v === "string" && /^(0|[1-9][0-9]*)$/.test(v),
  int64: (v) => typeof v === "string" && /^(0|-?[1-9][0-9]*)$/.test(v),
  uint256: (v) => typeof v === "string" && /^(0|[1-9][0-9]*)$/.test(v),
  id8: (v) => typeof v === "string" && /^0x[0-9a-f]{16}$/.test(v),
  id32: (v) => typeof v === "string" && /^0x[0-9a-f]{64}$/.test(v),
  address: (v) => typeof v === "string" && /^0x[0-9a-fA-F]{40}$/.test(v),
  pubkey: (v) => typeof v === "string" && /^0x[0-9a-f]{128}$/.test(v),
  sig: (v) => typeof v === "string" && /^0x([0-9a-f]{2})*$/.test(v),
  key: (v) => typeof v === "string" && /^0x[0-9a-f]{16}(:0x[0-9a-f]{16})*$/.test(v),
  text: (v) => typeof v === "string",
  ttl: (v) => typeof v === "string" && /^[1-9][0-9]*$/.test(v) && Number(v) <= 86_400,
  bool: (v) => typeof v === "boolean",
};

describe("docs/shop-state.md snapshot grammar against the vectors", () => {
  const seen = new Map<string, Set<"null" | "value">>();
  const problems: string[] = [];
  const check = (value: unknown, expr: Expr, where: string, member: string) => {
    const mark = seen.get(member) ?? new Set();
    seen.set(member, mark);
    if (value === null) {
      mark.add("null");
      if (!expr.nullable) problems.push(`${where}: null`);
      return;
    }
    mark.add("value");
    if (expr.array) {
      if (!Array.isArray(value)) return problems.push(`${where}: not an array`);
      return value.forEach((v, i) => checkValue(v, expr.name, `${where}[${i}]`));
    }
    if (expr.record !== null) {
      if (typeof value !== "object" || Array.isArray(value)) return problems.push(`${where}: not an object`);
      for (const [k, v] of Object.entries(value as object)) {
        if (!leaf[expr.record]!(k)) problems.push(`${where}: key ${k} is not ${expr.record}`);
        checkValue(v, expr.name, `${where}[${k}]`);
      }
      return;
    }
    checkValue(value, expr.name, where);
  };
  const checkValue = (value: unknown, name: string, where: string): void => {
    const type = grammar.get(name);
    if (type !== undefined) {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return void problems.push(`${where}: not a ${name}`);
      const keys = Object.keys(value);
      if (keys.join() !== [...keys].sort().join()) problems.push(`${where}: keys not sorted`);
      if (keys.join() !== [...type.keys()].sort().join()) problems.push(`${where}: members ${keys.join()} are not ${[...type.keys()].join()}`);
      for (const [member, expr] of type) check((value as Record<string, unknown>)[member], expr, `${where}.${member}`, `${name}.${member}`);
      return;
    }
    const names = /^"/.test(name) ? [...name.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]) : undefined;
    if (names !== undefined) {
      if (!names.includes(value as string)) problems.push(`${where}: ${String(value)} is not one of ${name}`);
      return;
    }
    const test = leaf[name];
    if (test === undefined) return void problems.push(`${where}: unknown type ${name}`);
    if (!test(value)) problems.push(`${where}: ${JSON.stringify(value)} is not ${name}`);
  };
  const shop = grammar.get("ShopState");
  for (const log of vectors.logs) {
    if (log.finalState !== undefined) checkValue(log.finalState, "ShopState", `${log.name}.finalState`);
    for (const e of log.events) for (const [member, value] of Object.entries(e.changed ?? {})) check(value, shop!.get(member)!, `${log.name}.changed.${member}`, `ShopState.${member}`);
  }

  it("documents every family it uses", () => {
    expect([...families.keys()].sort()).toEqual(expect.arrayContaining(Object.keys(leaf)));
    for (const [, members] of grammar) for (const [, expr] of members) {
      expect(grammar.has(expr.name) || expr.name in leaf || expr.name.startsWith('"'), expr.name).toBe(true);
    }
  });

  it("every snapshot in the vectors follows the grammar (members, order, families)", () => {
    expect(grammar.size).toBe(22);
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it("every member of the grammar appears in some vector, each nullable one both null and present", () => {
    const missing: string[] = [];
    for (const [name, members] of grammar) for (const [member, expr] of members) {
      const mark = seen.get(`${name}.${member}`);
      if (mark?.has("value") !== true) missing.push(`${name}.${member} never present`);
      if (expr.nullable && mark?.has("null") !== true) missing.push(`${name}.${member} never null`);
    }
    expect(missing).toEqual([]);
  });
});
