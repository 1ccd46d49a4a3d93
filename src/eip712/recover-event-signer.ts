// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Address, Hex } from "viem";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { parseSignature } from "../signature/parse-signature.js";
import { recoverDigestSigner } from "../signature/recover-digest-signer.js";
import { typedDigest } from "./digest.js";
import type { EventDomain } from "./domain.js";
import { shopEventPrimary } from "./primary-types.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface RecoverEventSignerParameters {
  readonly event: ShopEvent;
  readonly domain: EventDomain;
  /** 65 bytes r ‖ s ‖ v, as hex or bytes; must be canonical (low s). */
  readonly signature: Hex | Uint8Array;
}

/**
 * The address that signed a shop event (EIP-712). The signature is checked
 * strictly first (65 bytes, v 27/28 or 0/1, low s, r and s in range).
 *
 * @throws SignatureError, FieldValueError, UnknownFieldsError, DomainError
 * @example
 * const keycard = recoverEventSigner({ event, domain, signature });
 */
export function recoverEventSigner(parameters: RecoverEventSignerParameters): Address {
  const { event, domain, signature } = objectParameter(parameters);
  const strict = parseSignature({ signature });
  const digest = typedDigest({ primary: shopEventPrimary, message: event, domain, root: "event" });
  return recoverDigestSigner({ digest, signature: strict });
}
