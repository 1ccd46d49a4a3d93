// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/**
 * Bytes that should hold a protobuf message could not be decoded (truncated,
 * malformed varint, invalid UTF-8, nesting too deep, …). The decoder's own
 * error is kept as `cause`.
 *
 * @example
 * if (isDecodeError(error)) console.log(error.path, error.cause); // "signedEvent.event.value"
 */
export class DecodeError extends NetworkSchemaError {
  override name = "DecodeError";
  /** Full protobuf name of the message that was being decoded, e.g. "market.mass.ShopEvent". */
  readonly typeName: string;
  constructor({ typeName, path, cause }: { typeName: string; path: string; cause?: unknown }) {
    super("DECODE_FAILED", `expected a valid binary ${typeName}${detail(cause)}`, { path, cause });
    this.typeName = typeName;
  }
}

function detail(cause: unknown): string {
  return cause instanceof Error && cause.message !== "" ? ` (${cause.message})` : "";
}

/** @example if (isDecodeError(error)) console.log(error.typeName); */
export function isDecodeError(value: unknown): value is DecodeError {
  return isNamedError(value, "DecodeError");
}
