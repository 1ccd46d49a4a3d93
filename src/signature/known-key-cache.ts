// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Per-keycard precomputed tables on the @noble/curves path, in a small LRU that
// does not thrash: a keycard gets a table only after it signed often among the
// last events seen, and a signature is checked against at most one table (the
// expected keycard, or the likely one) before recovering. Identical signers either way.
import type { Address } from "viem";
import { findKnownSigner, type KnownKey } from "./known-signer.js";
import type { StrictSignature } from "./parse-signature.js";
import { publicKeyToAddress, recoverSignerKey } from "./recover-digest-signer.js";
import { secp256k1Path } from "./secp256k1-recovery.js";
import { sameBytes } from "../wire/same-bytes.js";

/** Tables kept at once: a shop has a handful of active keycards (about 30 kB each). */
export const KNOWN_KEY_TABLES = 8;
/** Signatures among the last {@link KNOWN_KEY_WINDOW} a keycard needs before its table is built (a quarter): a table costs about 1.5 recoveries and saves about 0.6 per signature it checks, so only a keycard that keeps signing repays it; a guest placing one order (five events) does not. */
export const KNOWN_KEY_BUILD_AFTER = 8;
/** The window of recent signers the build rule and the guess look at. */
export const KNOWN_KEY_WINDOW = 32;

/** The LRU of one verifier (a shop fold, a log verification, a relay). */
export class KnownKeyCache {
  /** Tables built so far (tests count them). */
  builds = 0;
  // Insertion order is recency: the last entry is the most recently used.
  private readonly tables = new Map<Address, KnownKey>();
  private readonly recent: Address[] = [];
  private readonly inWindow = new Map<Address, number>();
  // How often "the last signer signs again" held lately (a moving average): the guess is tried only while it pays.
  private guessRate = 1;
  private last: Address | undefined;
  private readonly addresses: { readonly publicKey: Uint8Array; readonly address: Address }[] = [];

  constructor(private readonly capacity = KNOWN_KEY_TABLES) {}

  /** The signer of `digest`: on @noble/curves checked against `expected` or the likely keycard's table first; otherwise recovered. */
  signer(digest: Uint8Array, signature: StrictSignature, expected?: KnownKey): Address {
    if (secp256k1Path() !== "js") return this.addressOf(recoverSignerKey(digest, signature));
    const candidate = expected?.address ?? (this.guessRate >= 0.5 ? this.last : undefined);
    const entry = candidate === undefined ? undefined : this.tables.get(candidate);
    if (entry !== undefined) {
      if (entry.table === undefined) this.builds++;
      const found = findKnownSigner(digest, signature, entry);
      if (found !== undefined) return this.observe(found, entry.publicKey);
    }
    const publicKey = recoverSignerKey(digest, signature);
    return this.observe(this.addressOf(publicKey), publicKey);
  }

  // The address of a recovered key, from the last few keys seen (most recent first): two keccak calls and a checksum saved per event of a known signer.
  private addressOf(publicKey: Uint8Array): Address {
    const addresses = this.addresses;
    for (let k = 0; k < addresses.length; k++) {
      const known = addresses[k] as { readonly publicKey: Uint8Array; readonly address: Address };
      if (!sameBytes({ a: known.publicKey, b: publicKey })) continue;
      if (k > 0) addresses.unshift(...addresses.splice(k, 1));
      return known.address;
    }
    const address = publicKeyToAddress({ publicKey });
    addresses.unshift({ publicKey: publicKey.slice(), address });
    if (addresses.length > this.capacity) addresses.pop();
    return address;
  }

  private observe(address: Address, publicKey: Uint8Array): Address {
    this.guessRate = 0.9 * this.guessRate + (address === this.last ? 0.1 : 0);
    this.last = address;
    this.recent.push(address);
    this.inWindow.set(address, (this.inWindow.get(address) ?? 0) + 1);
    if (this.recent.length > KNOWN_KEY_WINDOW) {
      const gone = this.recent.shift() as Address;
      const left = (this.inWindow.get(gone) ?? 1) - 1;
      if (left === 0) this.inWindow.delete(gone);
      else this.inWindow.set(gone, left);
    }
    const entry = this.tables.get(address);
    if (entry !== undefined) {
      this.tables.delete(address);
      this.tables.set(address, entry);
    } else if ((this.inWindow.get(address) ?? 0) >= KNOWN_KEY_BUILD_AFTER) {
      if (this.tables.size >= this.capacity) this.tables.delete(this.tables.keys().next().value as Address);
      this.tables.set(address, { address, publicKey });
    }
    return address;
  }
}
