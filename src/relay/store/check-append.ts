// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The argument checks every ShopStore makes before it touches its storage,
// in one place (as abstract-level keeps them out of its backends).
import { FieldValueError } from "../../errors/field-value-error.js";
import type { ShopStoreAppend, ShopStoreKeycard } from "./store.js";

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const MAX_UINT64 = (1n << 64n) - 1n;

/** Refuses a malformed batch with a FieldValueError naming the field; returns it unchanged. */
export function checkAppend(batch: ShopStoreAppend): ShopStoreAppend {
  if (typeof batch !== "object" || batch === null) throw new FieldValueError("WRONG_TYPE", "expected a batch object", { path: "batch" });
  checkShopId(batch.shopId, "batch.shopId");
  const { records, keycards = [] } = batch;
  if (!Array.isArray(records) || records.length === 0) throw new FieldValueError("MISSING_FIELD", "a batch holds at least one record", { path: "batch.records" });
  for (const [i, record] of records.entries()) {
    const path = `batch.records[${i}]`;
    if (typeof record.seqNo !== "bigint" || record.seqNo < 1n) throw new FieldValueError("OUT_OF_RANGE", "seqNo must be a bigint ≥ 1", { path: `${path}.seqNo` });
    if (i > 0 && record.seqNo !== records[i - 1]!.seqNo + 1n) throw new FieldValueError("OUT_OF_RANGE", `seqNo ${record.seqNo} does not follow ${records[i - 1]!.seqNo}: a batch's seq_nos are consecutive`, { path: `${path}.seqNo` });
    if (!(record.signedEvent instanceof Uint8Array) || record.signedEvent.length === 0) throw new FieldValueError("WRONG_TYPE", "signedEvent must be non-empty bytes", { path: `${path}.signedEvent` });
    checkAddress(record.signer, `${path}.signer`);
    if (typeof record.nonce !== "bigint" || record.nonce < 0n || record.nonce > MAX_UINT64) throw new FieldValueError("OUT_OF_RANGE", "nonce must be a uint64 bigint", { path: `${path}.nonce` });
  }
  if (!Array.isArray(keycards)) throw new FieldValueError("WRONG_TYPE", "keycards must be an array", { path: "batch.keycards" });
  for (const [i, keycard] of keycards.entries()) checkKeycard(keycard, `batch.keycards[${i}]`);
  return batch;
}

/** Refuses anything but 32 bytes. */
export function checkShopId(shopId: unknown, path = "shopId"): void {
  if (!(shopId instanceof Uint8Array) || shopId.length !== 32) throw new FieldValueError("WRONG_LENGTH", "a shop id is 32 bytes", { path });
}

/** Refuses anything but 0x and 40 hex digits. */
export function checkAddress(address: unknown, path: string): void {
  if (typeof address !== "string" || !ADDRESS.test(address)) throw new FieldValueError("WRONG_TYPE", "expected an address (0x + 40 hex digits)", { path });
}

/** Refuses a negative or non-bigint seq_no and a limit that is not a positive integer. */
export function checkRange({ afterSeqNo, limit }: { afterSeqNo: unknown; limit?: unknown }): void {
  if (typeof afterSeqNo !== "bigint" || afterSeqNo < 0n) throw new FieldValueError("OUT_OF_RANGE", "afterSeqNo must be a bigint ≥ 0", { path: "afterSeqNo" });
  if (limit !== undefined && (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1)) throw new FieldValueError("OUT_OF_RANGE", "limit must be a positive integer", { path: "limit" });
}

function checkKeycard(keycard: ShopStoreKeycard, path: string): void {
  checkAddress(keycard.address, `${path}.address`);
  if (!(keycard.publicKey instanceof Uint8Array) || keycard.publicKey.length !== 64) throw new FieldValueError("WRONG_LENGTH", "a keycard's public key is 64 bytes (x ‖ y)", { path: `${path}.publicKey` });
  if (typeof keycard.guest !== "boolean") throw new FieldValueError("WRONG_TYPE", "guest must be a boolean", { path: `${path}.guest` });
  if (typeof keycard.revoked !== "boolean") throw new FieldValueError("WRONG_TYPE", "revoked must be a boolean", { path: `${path}.revoked` });
}
