// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Hex } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import { isLocalAccount, isWalletClient, type Signer } from "../eip712/signer.js";
import { AccountError } from "../errors/account-error.js";
import { parseSignature } from "../signature/parse-signature.js";
import { recoverDigestSigner } from "../signature/recover-digest-signer.js";
import { DEFAULT_MAX_EVENT_BYTES } from "./constants.js";
import { decodeOneReadingEvent } from "./decode-one-reading-event.js";
import { checkBytes } from "./decode-bounded.js";
import { personalMessageDigest } from "./hash-event-bytes.js";
import { sameAddress } from "../eip712/expected-address.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface SignEventBytesParameters {
  /** The exact ShopEvent bytes to send (`toBinary(ShopEventSchema, event)`); put the same bytes in the SignedEvent. */
  readonly eventBytes: Uint8Array;
  /** A viem LocalAccount (keycard key) or a WalletClient with an account. */
  readonly account: Signer;
}

/**
 * Signs event bytes the version-3 way (EIP-191 personal message over the
 * exact bytes), for talking to existing v3 relays. Resolves to a strict
 * 65-byte low-s signature with v 27/28. The bytes must be a ShopEvent that every protobuf decoder reads one way (explicit defaults and any field order are fine).
 *
 * @throws FieldValueError, DecodeError, NonCanonicalEncodingError, SizeLimitError, AccountError, SignatureError
 * @example
 * const eventBytes = toBinary(ShopEventSchema, event);
 * const signature = await signEventBytes({ eventBytes, account });
 * const signedEvent = createSignedEvent({ event: eventBytes, signature });
 */
export async function signEventBytes(parameters: SignEventBytesParameters): Promise<Hex> {
  const { eventBytes, account } = objectParameter(parameters);
  const raw = checkBytes({ bytes: eventBytes, maxBytes: DEFAULT_MAX_EVENT_BYTES, path: "eventBytes" }).slice();
  // Bytes another decoder would read differently are never signed.
  decodeOneReadingEvent({ bytes: raw, maxBytes: DEFAULT_MAX_EVENT_BYTES, path: "eventBytes" });
  const digest = personalMessageDigest({ bytes: raw });
  if (isLocalAccount(account)) {
    // A raw-key account signs our digest directly; others hash the message themselves.
    const signature = account.sign ? await account.sign({ hash: bytesToHex(digest) }) : await account.signMessage({ message: { raw } });
    return bytesToHex(parseSignature({ signature }).bytes);
  }
  if (isWalletClient(account)) {
    const walletAccount = account.account;
    if (!walletAccount) throw new AccountError("expected a WalletClient created with an `account`");
    const strict = parseSignature({ signature: await account.signMessage({ account: walletAccount, message: { raw } }) });
    if (!sameAddress({ a: recoverDigestSigner({ digest, signature: strict }), b: walletAccount.address })) {
      throw new AccountError("the wallet returned a signature that does not recover to its account for these bytes");
    }
    return bytesToHex(strict.bytes);
  }
  throw new AccountError("expected a viem LocalAccount (e.g. privateKeyToAccount) or a WalletClient with an account");
}
