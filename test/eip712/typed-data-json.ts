// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Typed data in the JSON form a wallet receives over JSON-RPC
// (`eth_signTypedData_v4`): JSON has no bigint, so 64- and 256-bit integers
// (and a bigint chain id) travel as decimal strings. Shared by the EIP-712
// tests and scripts/vectors.ts.

/** A JSON value (what JSON.parse can return). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Deep copy of typed data with every bigint turned into its decimal string.
 * Numbers, strings, booleans and hex strings are kept as they are; anything
 * that JSON cannot carry (undefined, functions, Uint8Array) throws, so a
 * typed-data value that is not plain JSON is never silently dropped.
 *
 * @example toJsonTypedData(eventTypedData({ event, domain })).message.nonce // "1"
 */
export function toJsonTypedData(value: unknown): JsonValue {
  return convert(value, "typedData");
}

function convert(value: unknown, path: string): JsonValue {
  switch (typeof value) {
    case "bigint":
      return value.toString(10);
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) throw new Error(`${path}: ${value} is not a JSON number`);
      return value;
    case "object": {
      if (value === null) return null;
      if (Array.isArray(value)) return value.map((item, i) => convert(item, `${path}[${i}]`));
      if (Object.getPrototypeOf(value) !== Object.prototype) throw new Error(`${path}: not a plain object`);
      const out: { [key: string]: JsonValue } = {};
      for (const [key, item] of Object.entries(value)) out[key] = convert(item, `${path}.${key}`);
      return out;
    }
    default:
      throw new Error(`${path}: a ${typeof value} has no JSON form`);
  }
}
