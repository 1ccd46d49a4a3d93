// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { type Timestamp, timestampFromDate, timestampNow } from "@bufbuild/protobuf/wkt";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { planFor } from "../eip712/plan.js";
import { guarded } from "../eip712/problem.js";
import { typedDataMessage } from "../eip712/typed-data-message.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { PublicKeyError } from "../errors/public-key-error.js";
import { type ShopIdInput, shopIdBytes } from "../wire/shop-id.js";

/** The event kind and its content, e.g. `{ case: "tag", value: { id, name } }`. */
export type ShopEventUnion = NonNullable<MessageInitShape<typeof ShopEventSchema>["union"]>;

export interface CreateShopEventParameters {
  /** The shop: its token id in the registry as a bigint (`23n`), or its 32 bytes. */
  readonly shopId: ShopIdInput;
  /** Larger than the last nonce this keycard used in this shop. */
  readonly nonce: bigint;
  /** The event kind and its content. */
  readonly union: ShopEventUnion;
  /** When the event was made; defaults to now. */
  readonly timestamp?: Date | Timestamp;
}

const MAX_UINT64 = (1n << 64n) - 1n;

/**
 * Builds a `ShopEvent` ready to sign: the shop id from a bigint, the nonce,
 * the timestamp (now unless given) and the event kind. Every value is checked
 * here, as signing would check it (wrapper lengths, ranges, a required kind),
 * and an enrolled keycard key must be the 64-byte form (see `keycardPublicKey`).
 *
 * @throws FieldValueError, UnknownFieldsError, PublicKeyError
 * @example
 * const event = createShopEvent({ shopId: 23n, nonce: 1n, union: { case: "tag", value: { id: objectId({ id: 1n }), name: "Summer sale" } } });
 */
export function createShopEvent(parameters: CreateShopEventParameters): ShopEvent {
  const { shopId, nonce, union, timestamp } = objectParameter(parameters);
  if (typeof nonce !== "bigint") throw new FieldValueError("WRONG_TYPE", `expected a bigint, got ${typeof nonce}`, { path: "nonce" });
  if (nonce < 0n || nonce > MAX_UINT64) throw new FieldValueError("OUT_OF_RANGE", `expected a uint64 nonce, got ${nonce}`, { path: "nonce" });
  if (typeof union !== "object" || union === null || typeof union.case !== "string") {
    throw new FieldValueError("MISSING_FIELD", "expected { case, value } naming the event kind, e.g. { case: \"tag\", value: { … } }", { path: "union" });
  }
  const kinds = ShopEventSchema.oneofs[0]?.fields.map((f) => f.localName) ?? [];
  if (!kinds.includes(union.case)) throw new FieldValueError("WRONG_TYPE", `expected case to be one of ${kinds.join(", ")}, got ${union.case}`, { path: "union" });
  let event: ShopEvent;
  try {
    event = create(ShopEventSchema, { nonce, shopId: { raw: shopIdBytes({ shopId }) }, timestamp: timestampOf(timestamp), union });
  } catch (cause) {
    if (cause instanceof FieldValueError) throw cause;
    throw new FieldValueError("WRONG_TYPE", `expected union.value to be a ${union.case} message or its fields: ${(cause as Error).message}`, { path: union.case, cause });
  }
  // The same walk signing does, so a bad wrapper fails here, not later at signing.
  guarded("event", () => typedDataMessage(planFor(ShopEventSchema), event));
  checkEnrolledKey(event);
  return event;
}

function timestampOf(timestamp: unknown): Timestamp {
  if (timestamp === undefined) return timestampNow();
  if (timestamp instanceof Date) {
    if (Number.isNaN(timestamp.getTime())) throw new FieldValueError("WRONG_TYPE", "expected a valid Date", { path: "timestamp" });
    return timestampFromDate(timestamp);
  }
  if (typeof timestamp === "object" && timestamp !== null && (timestamp as { $typeName?: unknown }).$typeName === "google.protobuf.Timestamp") return timestamp as Timestamp;
  throw new FieldValueError("WRONG_TYPE", "expected a Date or a google.protobuf.Timestamp", { path: "timestamp" });
}

// PublicKey is `bytes` of any length to EIP-712; an enrollment is only meaningful with the 64-byte key relays expect.
function checkEnrolledKey(event: ShopEvent): void {
  if (event.union.case !== "account" || event.union.value.action.case !== "enrollKeycard") return;
  const raw = event.union.value.action.value.keycardPubkey?.raw;
  if (raw !== undefined && raw.length !== 64) {
    throw new PublicKeyError({
      path: "event.account.enroll_keycard.keycard_pubkey.raw",
      expected: `expected the 64-byte public key (x ‖ y), got ${raw.length} bytes${raw.length === 65 ? " (viem's account.publicKey has a 0x04 prefix: use keycardPublicKey({ account }))" : ""}`,
    });
  }
}
