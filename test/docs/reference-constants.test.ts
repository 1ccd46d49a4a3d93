// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// docs/reference.md, "Constants", against the exports: each row's value, and
// the KiB or seconds its text gives, equal the exported constant; and every
// exported constant (an UPPER_CASE number or string) has its row.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";

const doc = readFileSync(new URL("../../docs/reference.md", import.meta.url), "utf8");
const start = doc.indexOf("\n## Constants\n");
const section = doc.slice(start, doc.indexOf("\n## ", start + 1));
const rows = [...section.matchAll(/^\| `([A-Z0-9_]+)` \| `([^`]+)` \| (.*) \|$/gm)].map((m) => ({ name: m[1]!, literal: m[2]!, text: m[3]! }));
const exported = Object.entries(lib).filter(([name, value]) => /^[A-Z][A-Z0-9_]+$/.test(name) && (typeof value === "number" || typeof value === "string"));

describe("docs/reference.md constants", () => {
  it("finds the section and its rows", () => {
    expect(start).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThan(10);
  });

  it("each row's value is the export's", () => {
    const wrong = rows.filter((r) => JSON.stringify((lib as Record<string, unknown>)[r.name]) !== (r.literal.startsWith('"') ? r.literal : JSON.stringify(Number(r.literal.replaceAll("_", "")))));
    expect(wrong.map((r) => `${r.name}: doc ${r.literal}, export ${JSON.stringify((lib as Record<string, unknown>)[r.name])}`)).toEqual([]);
  });

  it("each size (KiB, MiB) or duration (s) in a row's text is the export's", () => {
    const units: Record<string, number> = { KiB: 1024, MiB: 1024 * 1024, s: 1000 };
    const wrong = rows.flatMap((r) => [...r.text.matchAll(/\((\d+) (KiB|MiB|s)\b/g)].map((m) => ({ r, amount: Number(m[1]) * units[m[2]!]! })))
      .filter(({ r, amount }) => (lib as Record<string, unknown>)[r.name] !== amount)
      .map(({ r, amount }) => `${r.name}: the text says ${amount}`);
    expect(wrong).toEqual([]);
  });

  it("every exported constant has a row", () => {
    const documented = new Set(rows.map((r) => r.name));
    expect(exported.map(([name]) => name).filter((name) => !documented.has(name))).toEqual([]);
  });
});
