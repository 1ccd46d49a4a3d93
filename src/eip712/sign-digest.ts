// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { Hex } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import { AccountError } from "../errors/account-error.js";
import { parseSignature } from "../signature/parse-signature.js";
import type { PrimaryType } from "./primary-types.js";
import { isLocalAccount, isWalletClient, type Signer } from "./signer.js";
import type { TypedData } from "./typed-data.js";
import { sameAddress } from "./expected-address.js";

export type { Signer } from "./signer.js";

/**
 * Signs a digest with a local key, or the typed data with a wallet (which
 * hashes it itself), and returns a strict 65-byte signature with v 27/28.
 * @example await signDigest({ account, digest, typedData: () => typedDataOf({ primary: shopEventPrimary, message: event, domain, root: "event" }) })
 */
export async function signDigest<P extends PrimaryType>({ account, digest, typedData }: { account: Signer; digest: Uint8Array; typedData: () => TypedData<P> }): Promise<Hex> {
  if (isLocalAccount(account)) {
    // A raw-key account signs our digest directly: no second hashing of the typed data.
    const signature = account.sign ? await account.sign({ hash: bytesToHex(digest) }) : await account.signTypedData(typedData() as never);
    return bytesToHex(parseSignature({ signature }).bytes);
  }
  if (isWalletClient(account)) {
    const walletAccount = account.account;
    if (!walletAccount) throw new AccountError("expected a WalletClient created with an `account`");
    const signature = await account.signTypedData({ account: walletAccount, ...(typedData() as object) } as never);
    const strict = parseSignature({ signature });
    // A wallet hashes on its own: make sure it signed what we meant, with the key we expect.
    // viem recovers with the curve copy it already ships for accounts, so signing never loads ours
    // (a second @noble/curves, about 10 kB gzip in a browser bundle). The digest is our own.
    const { recoverAddress } = await import("./wallet-recover.js");
    const signer = await recoverAddress({ hash: bytesToHex(digest), signature: bytesToHex(strict.bytes) }).catch(() => undefined);
    if (signer === undefined || !sameAddress({ a: signer, b: walletAccount.address })) {
      throw new AccountError("the wallet returned a signature that does not recover to its account for this typed data");
    }
    return bytesToHex(strict.bytes);
  }
  throw new AccountError("expected a viem LocalAccount (e.g. privateKeyToAccount) or a WalletClient with an account");
}
