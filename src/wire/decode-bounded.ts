// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { type DescMessage, fromBinary, type MessageShape } from "@bufbuild/protobuf";
import { DecodeError } from "../errors/decode-error.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { SizeLimitError } from "../errors/size-limit-error.js";

/**
 * Checks a size cap (a positive safe integer, the caller's choice).
 * @example checkMaxBytes({ maxBytes, path: "maxBytes" })
 */
export function checkMaxBytes({ maxBytes, path }: { maxBytes: unknown; path: string }): number {
  if (typeof maxBytes !== "number" || !Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new FieldValueError("OUT_OF_RANGE", "expected a positive integer number of bytes", { path });
  }
  return maxBytes;
}

/**
 * Checks a limit on a number of items: a positive safe integer. NaN, Infinity
 * and 0 are refused, never read as "no limit".
 * @example positiveCount({ value: 64, path: "limit" }) // 64
 */
export function positiveCount({ value, path }: { value: unknown; path: string }): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new FieldValueError("OUT_OF_RANGE", "expected a positive integer (NaN, Infinity and 0 are not limits)", { path });
  }
  return value;
}

/**
 * Refuses non-bytes and input over `maxBytes` before anything is parsed.
 * @example checkBytes({ bytes, maxBytes, path: "bytes" })
 */
export function checkBytes({ bytes, maxBytes, path }: { bytes: unknown; maxBytes: number; path: string }): Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw new FieldValueError("WRONG_TYPE", `expected a Uint8Array${notBytesHint(bytes)}`, { path });
  if (bytes.length > maxBytes) throw new SizeLimitError({ path, size: bytes.length, limit: maxBytes });
  return bytes;
}

// What callers most often pass instead of bytes, and what to do about it.
function notBytesHint(value: unknown): string {
  const kind = Object.prototype.toString.call(value).slice(8, -1);
  if (kind === "ArrayBuffer" || kind === "SharedArrayBuffer") return `, got an ${kind}: wrap it, new Uint8Array(buffer)`;
  if (kind === "Blob") return ', got a Blob: set the WebSocket\'s binaryType = "arraybuffer" and wrap the data, new Uint8Array(data)';
  if (ArrayBuffer.isView(value)) return `, got a ${kind}: pass new Uint8Array(view.buffer, view.byteOffset, view.byteLength)`;
  return value === null ? ", got null" : `, got ${typeof value === "object" ? kind : typeof value}`;
}

/**
 * Size-capped protobuf decode of a private copy of `bytes` (so the result
 * never shares memory with the caller's buffer); every decoder failure
 * becomes a DecodeError with the original as `cause`.
 *
 * @example decodeBounded({ schema: EnvelopeSchema, bytes, maxBytes, path: "bytes" })
 */
export function decodeBounded<Desc extends DescMessage>({
  schema,
  bytes,
  maxBytes,
  path,
}: {
  schema: Desc;
  bytes: unknown;
  maxBytes: number;
  path: string;
}): MessageShape<Desc> {
  const input = checkBytes({ bytes, maxBytes, path });
  try {
    return fromBinary(schema, input.slice());
  } catch (cause) {
    throw new DecodeError({ typeName: schema.typeName, path, cause });
  }
}
