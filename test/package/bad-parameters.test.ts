// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Plain-JavaScript callers get no type checking: every exported function,
// called without its object parameter or with junk in it, must return or
// fail with one of our typed errors, never a raw TypeError.
import { describe, expect, it } from "vitest";
import * as root from "../../src/index.js";

const isClass = (value: unknown) => typeof value === "function" && /^class\s/.test(Function.prototype.toString.call(value));
const functions = Object.entries(root).filter(([, value]) => typeof value === "function" && !isClass(value)) as [string, (arg: unknown) => unknown][];
const junk: unknown[] = [undefined, null, {}, 42, "0x", [], { event: {}, domain: {}, bytes: "00", signature: 1, publicKey: {}, keycards: [1] }];

describe("every exported function with missing or junk parameters", () => {
  it("covers the public API", () => {
    expect(functions.length).toBeGreaterThan(30);
  });

  it.each(functions)("%s fails only with typed errors", async (_name, fn) => {
    for (const argument of junk) {
      try {
        await fn(argument);
      } catch (error) {
        expect(root.isNetworkSchemaError(error), `${String(error)} for ${JSON.stringify(argument)}`).toBe(true);
      }
    }
  });
});
