// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Strict checks of the JS values inside protobuf-es messages: nothing is
// coerced, wrapped, truncated or padded; anything off throws a Problem.
import type { ElementPlan, FieldPlan, ScalarKind, StructPlan } from "./plan.js";
import { Problem } from "./problem.js";

const LIMITS: Readonly<Record<"uint64" | "int64", readonly [bigint, bigint]>> = {
  uint64: [0n, 2n ** 64n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** The message object must be of `typeName` and carry no unknown fields. */
export function checkMessage(value: unknown, typeName: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || (value as { $typeName?: unknown }).$typeName !== typeName) {
    throw new Problem("WRONG_TYPE", `expected a ${typeName} message (made with create())`);
  }
  const unknown = (value as { $unknown?: unknown }).$unknown;
  if (unknown === undefined) return value as Record<string, unknown>;
  // A hand-built `$unknown` that is no list of { no } records is refused, never read as "none".
  if (!Array.isArray(unknown) || !unknown.every((u) => typeof u === "object" && u !== null && Number.isSafeInteger((u as { no?: unknown }).no))) {
    return new Problem("WRONG_TYPE", "expected $unknown to be undefined or protobuf-es unknown-field records").within("$unknown");
  }
  if (unknown.length > 0) {
    throw new Problem("UNKNOWN_FIELDS", "", [...new Set(unknown.map((u: { no: number }) => u.no))]);
  }
  return value as Record<string, unknown>;
}

/**
 * A oneof's `case` must name one of its members (a typo would otherwise read
 * as "nothing set" and be dropped), and a required oneof must have one.
 */
export function checkOneofs(plan: StructPlan, message: Record<string, unknown>): void {
  for (const oneof of plan.oneofs) {
    const group = message[oneof.localName] as { case?: unknown } | undefined;
    if (typeof group !== "object" || group === null) new Problem("WRONG_TYPE", "expected a oneof object { case, value }").within(oneof.name);
    const selected = group?.case;
    if (selected === undefined) {
      if (oneof.required) new Problem("MISSING_FIELD", `expected one member of oneof ${oneof.name} to be set`).within(oneof.name);
    } else if (typeof selected !== "string" || !oneof.cases.has(selected)) {
      new Problem("WRONG_TYPE", `expected case to be one of ${[...oneof.cases].join(", ")}, got ${String(selected)}`).within(oneof.name);
    }
  }
}

/** Values a field contributes: an array for `T[]` members (0-or-1 for presence), else the single value. */
export function fieldValue(message: Record<string, unknown>, field: FieldPlan): unknown {
  const slot = message[field.localName];
  if (field.oneof !== undefined) {
    const group = slot as { case?: unknown; value?: unknown } | undefined;
    if (typeof group !== "object" || group === null) throw new Problem("WRONG_TYPE", "expected a oneof object { case, value }");
    return group.case === field.oneof ? [group.value] : EMPTY;
  }
  if (field.repeated) {
    if (!Array.isArray(slot)) throw new Problem("WRONG_TYPE", "expected an array");
    return slot;
  }
  if (field.array) return slot === undefined ? EMPTY : [slot];
  return slot;
}

const EMPTY: readonly unknown[] = Object.freeze([]);

/** Validates a scalar of the given EIP-712 kind and returns it unchanged. */
export function checkScalar(type: ScalarKind, value: unknown): bigint | number | boolean | string | Uint8Array {
  switch (type) {
    case "uint64":
    case "int64": {
      if (typeof value !== "bigint") throw new Problem("WRONG_TYPE", `expected a bigint (${type})`);
      const [min, max] = LIMITS[type];
      if (value < min || value > max) throw new Problem("OUT_OF_RANGE", `expected a ${type} in [${min}, ${max}], got ${value}`);
      return value;
    }
    case "uint32":
    case "int32": {
      if (typeof value !== "number" || !Number.isInteger(value)) throw new Problem("WRONG_TYPE", `expected an integer number (${type})`);
      const ok = type === "uint32" ? value >= 0 && value <= 0xffffffff : value >= -0x80000000 && value <= 0x7fffffff;
      if (!ok) throw new Problem("OUT_OF_RANGE", `expected a ${type}, got ${value}`);
      return value;
    }
    case "bool":
      if (typeof value !== "boolean") throw new Problem("WRONG_TYPE", "expected a boolean");
      return value;
    case "string":
      return checkString(value);
    case "bytes":
      if (!(value instanceof Uint8Array)) throw new Problem("WRONG_TYPE", "expected a Uint8Array");
      return value;
  }
}

// Only strings the protobuf codec gives back unchanged are signed: lone surrogates have no UTF-8
// form (both protobuf and keccak(utf8) would make them U+FFFD), and decoders strip a leading BOM,
// so the honest event would arrive as different text and fail its own signature.
function checkString(value: unknown): string {
  if (typeof value !== "string") throw new Problem("WRONG_TYPE", "expected a string");
  if (!value.isWellFormed()) throw new Problem("WRONG_TYPE", "expected well-formed Unicode text (no lone surrogates)");
  if (value.charCodeAt(0) === 0xfeff) throw new Problem("WRONG_TYPE", "expected text without a leading byte-order mark (U+FEFF): decoders strip it");
  return value;
}

/** The raw bytes (or string) inside an atomic wrapper, with its exact length enforced. */
export function atomicRaw(element: Extract<ElementPlan, { kind: "atomic" }>, value: unknown): Uint8Array | string {
  const wrapper = checkMessage(value, element.typeName);
  const raw = wrapper[element.rawName];
  if (element.type === "string") {
    try {
      return checkString(raw);
    } catch (error) {
      if (error instanceof Problem) error.within(element.rawName);
      throw error;
    }
  }
  if (!(raw instanceof Uint8Array)) return new Problem("WRONG_TYPE", "expected a Uint8Array").within(element.rawName);
  if (element.length !== 0 && raw.length !== element.length) {
    return new Problem("WRONG_LENGTH", `expected exactly ${element.length} bytes for ${element.type}, got ${raw.length}`).within(element.rawName);
  }
  return raw;
}
