// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import type { SignatureScheme } from "./open-signed-event.js";

/**
 * How a shop's peers talk (docs/sessions.md, "Dialects"): `"eip712"` (the
 * default: EIP-712 events, shop_id required, per-request timeouts) or `"v3"`
 * (what deployed version-3 clients speak: EIP-191 events, an absent shop_id
 * means the session's shop, liveness only by the silence kick, resume after
 * `start_shop_seq_no`).
 */
export type Dialect = "eip712" | "v3";

/**
 * Checks a dialect option and gives the signature scheme it implies; a
 * `scheme` that contradicts it is refused rather than silently ignored.
 *
 * @example const scheme = dialectScheme({ dialect: "v3" }); // "eip191"
 */
export function dialectScheme(parameters: { dialect: unknown; scheme?: unknown; path?: string }): SignatureScheme {
  const { dialect, scheme, path = "dialect" } = objectParameter(parameters);
  if (dialect !== undefined && dialect !== "eip712" && dialect !== "v3") throw new FieldValueError("WRONG_TYPE", 'expected "eip712" or "v3"', { path });
  if (dialect !== "v3") return (scheme ?? "eip712") as SignatureScheme;
  if (scheme !== undefined && scheme !== "eip191") throw new FieldValueError("WRONG_TYPE", 'expected scheme "eip191" (or none) with dialect "v3": v3 peers sign events with EIP-191', { path: "scheme" });
  return "eip191";
}
