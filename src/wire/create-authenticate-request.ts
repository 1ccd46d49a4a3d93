// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import type { Hex } from "viem";
import { hexToBytes, isHex } from "../crypto/hex.js";
import { AuthenticateRequestSchema, type AuthenticateRequest } from "../../gen/market/mass/authentication_pb.js";
import { PublicKeySchema } from "../../gen/market/mass/base_types_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { uncompressedPublicKey } from "./keycards.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface CreateAuthenticateRequestParameters {
  /**
   * The keycard's secp256k1 public key: 64 bytes (x ‖ y), 65 bytes (0x04 ‖ x ‖ y,
   * e.g. viem's `account.publicKey`) or 33 bytes compressed; as hex or bytes.
   */
  readonly publicKey: Hex | Uint8Array;
}

/**
 * Starts a keycard login. The key is checked to be on the curve and sent in
 * the 64-byte x ‖ y form version-3 relays enrol keycards with.
 *
 * @throws PublicKeyError, FieldValueError
 * @example
 * const request = createAuthenticateRequest({ publicKey: account.publicKey });
 */
export function createAuthenticateRequest(parameters: CreateAuthenticateRequestParameters): AuthenticateRequest {
  const { publicKey } = objectParameter(parameters);
  const bytes = typeof publicKey === "string" && isHex(publicKey, { strict: true }) && publicKey.length % 2 === 0 ? hexToBytes(publicKey) : publicKey;
  if (!(bytes instanceof Uint8Array)) throw new FieldValueError("WRONG_TYPE", "expected a public key as 0x-hex or a Uint8Array", { path: "publicKey" });
  const raw = uncompressedPublicKey({ publicKey: bytes, path: "publicKey" }).slice(1);
  return create(AuthenticateRequestSchema, { publicKey: create(PublicKeySchema, { raw }) });
}
