// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { create } from "@bufbuild/protobuf";
import type { Hex } from "viem";
import { type ChallengeSolvedRequest, ChallengeSolvedRequestSchema } from "../../gen/market/mass/authentication_pb.js";
import { SignatureSchema } from "../../gen/market/mass/base_types_pb.js";
import { parseSignature } from "../signature/parse-signature.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface CreateChallengeSolvedRequestParameters {
  /** The keycard's signature over the relay's challenge (`signAuthChallenge`); checked strictly. */
  readonly signature: Hex | Uint8Array;
}

/**
 * Finishes a keycard login with the signed challenge (65 bytes, low s, v 27/28).
 *
 * @throws SignatureError
 * @example
 * const signature = await signAuthChallenge({ challenge, domain, account });
 * const request = createChallengeSolvedRequest({ signature });
 */
export function createChallengeSolvedRequest(parameters: CreateChallengeSolvedRequestParameters): ChallengeSolvedRequest {
  const { signature } = objectParameter(parameters);
  return create(ChallengeSolvedRequestSchema, { signature: create(SignatureSchema, { raw: parseSignature({ signature }).bytes }) });
}
