// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The `message` of EIP-712 typed data: a protobuf-es message turned into the
// plain values viem, ethers and wallets expect, checked exactly like hashing.
import type { Hex } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import { checksumAddress } from "../crypto/checksum-address.js";
import type { ElementPlan, StructPlan } from "./plan.js";
import { Problem } from "./problem.js";
import { atomicRaw, checkMessage, checkOneofs, checkScalar, fieldValue } from "./values.js";

/** A typed-data value: bigint for 64/256-bit integers, number for 32-bit ones and enums, hex for bytes. */
export type TypedDataValue = bigint | number | boolean | string | Hex | TypedDataValue[] | { [member: string]: TypedDataValue };

/**
 * The typed-data object of one message, keyed by proto field names.
 * @example typedDataMessage(planFor(ShopEventSchema), event).nonce // 1n
 */
export function typedDataMessage(plan: StructPlan, message: unknown): { [member: string]: TypedDataValue } {
  const record = checkMessage(message, plan.typeName);
  if (plan.oneofs.length > 0) checkOneofs(plan, record);
  const result: { [member: string]: TypedDataValue } = {};
  for (const field of plan.fields) {
    try {
      const value = fieldValue(record, field);
      result[field.name] = field.array
        ? (value as readonly unknown[]).map((item, j) => {
            try {
              return elementValue(field.element, item);
            } catch (error) {
              if (error instanceof Problem && field.repeated) error.within(`[${j}]`);
              throw error;
            }
          })
        : elementValue(field.element, value);
    } catch (error) {
      if (error instanceof Problem) error.within(field.name);
      throw error;
    }
  }
  return result;
}

function elementValue(element: ElementPlan, value: unknown): TypedDataValue {
  if (element.kind === "struct") return typedDataMessage(element.plan, value);
  if (element.kind === "atomic") {
    const raw = atomicRaw(element, value);
    if (typeof raw === "string") return raw;
    if (element.type === "uint256") return BigInt(bytesToHex(raw));
    if (element.type === "address") return checksumAddress(bytesToHex(raw));
    return bytesToHex(raw);
  }
  const scalar = checkScalar(element.type, value);
  return scalar instanceof Uint8Array ? bytesToHex(scalar) : scalar;
}
