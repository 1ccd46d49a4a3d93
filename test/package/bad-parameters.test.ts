// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Plain-JavaScript callers get no type checking: every exported function,
// called without its object parameter or with junk in it, must return or
// fail with one of our typed errors, never a raw TypeError. Junk also goes
// one level down: each property of the parameter object (names read from the
// declarations) gets null, arrays of null, objects of null and the like, with
// the other properties holding plausible values so the check reaches it.
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ObjectType } from "../../gen/market/mass/subscription_pb.js";
import * as root from "../../src/index.js";
import { createEntryProgram, repo } from "./entry-program.js";

const isClass = (value: unknown) => typeof value === "function" && /^class\s/.test(Function.prototype.toString.call(value));
const functions = Object.entries(root).filter(([, value]) => typeof value === "function" && !isClass(value)) as [string, (arg: unknown) => unknown][];
const junk: unknown[] = [undefined, null, {}, 42, "0x", [], { event: {}, domain: {}, bytes: "00", signature: 1, publicKey: {}, keycards: [1] }];
const nestedJunk: unknown[] = [null, 42, "0x", [null], [undefined], [42], [{}], [[null]], [{ x: null }], {}, { x: null }, Object.create(null), new ArrayBuffer(4)];

// Values that pass the usual first checks, so junk in another property is reached.
const plausible: Readonly<Record<string, unknown>> = {
  shopId: 1n,
  requestId: 1n,
  request: 1n,
  subscriptionId: Uint8Array.of(1),
  startShopSeqNo: 0n,
  filters: [{ objectType: ObjectType.LISTING }],
  domain: { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" },
  bytes: Uint8Array.of(8, 1),
  eventBytes: Uint8Array.of(8, 1),
  challenge: Uint8Array.of(1, 2, 3),
  signature: `0x${"11".repeat(64)}1b`,
  address: "0x000000000000000000000000000000000000dEaD",
  items: [1],
};

/** Property names of each exported function's object parameter, from the declarations. */
function parameterProperties(): Map<string, string[]> {
  const program = createEntryProgram();
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(`${repo}src/index.ts`)!)!;
  const found = new Map<string, string[]>();
  for (const symbol of checker.getExportsOfModule(module)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations?.find(ts.isFunctionDeclaration);
    const parameter = declaration?.parameters[0];
    if (parameter === undefined) continue;
    const type = checker.getNonNullableType(checker.getTypeAtLocation(parameter));
    const names = new Set<string>();
    for (const part of type.isUnion() ? type.types : [type]) for (const property of checker.getPropertiesOfType(part)) names.add(property.name);
    found.set(symbol.name, [...names]);
  }
  return found;
}

/** Calls `fn` and fails unless it returns or throws one of our typed errors. */
async function typedOutcome(fn: (arg: unknown) => unknown, argument: unknown, label: string): Promise<void> {
  try {
    await fn(argument);
  } catch (error) {
    expect(root.isNetworkSchemaError(error), `${String(error)} for ${label}`).toBe(true);
  }
}

describe("every exported function with missing or junk parameters", () => {
  const properties = parameterProperties();

  it("covers the public API", () => {
    expect(functions.length).toBeGreaterThan(30);
    expect(properties.get("createSubscriptionRequest")).toEqual(expect.arrayContaining(["shopId", "filters"]));
  });

  it.each(functions)("%s fails only with typed errors", async (name, fn) => {
    for (const argument of junk) await typedOutcome(fn, argument, JSON.stringify(argument) ?? String(argument));
    for (const property of properties.get(name) ?? []) {
      for (const value of nestedJunk) {
        const argument = { ...plausible, [property]: value };
        await typedOutcome(fn, argument, `${name}({ ${property}: ${describeJunk(value)} })`);
      }
    }
  });
});

function describeJunk(value: unknown): string {
  if (value instanceof ArrayBuffer) return "ArrayBuffer";
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === null) return "Object.create(null)";
  return JSON.stringify(value) ?? String(value);
}
