// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Loads the upstream version-3 test vectors (test/vectors/upstream-v3-testVectors.json)
// and checks the parts the wire tests rely on, so a malformed file fails with
// a clear message instead of an obscure one deep inside a test.

import { readFileSync } from "node:fs";
import { isHex, type Hex } from "viem";

export interface V3EventVector {
  /** Position in the file's `events` array. */
  readonly index: number;
  /** ShopEvent union member, PascalCase message name, e.g. "UpdateManifest". */
  readonly type: string;
  /** The member in the vectors' protobuf-JSON-like form. */
  readonly object: Record<string, unknown>;
  /** Whole ShopEvent in protobuf binary. */
  readonly encoded: Hex;
  /** EIP-191 personal-message hash of `encoded`. */
  readonly hash: Hex;
  /** 65-byte signature of `hash` by the signer. */
  readonly signature: Hex;
}

export interface V3Vectors {
  /** `signatures.shop_id`: the shop every event belongs to. */
  readonly shopId: Hex;
  /** `signatures.signer`: the keycard that signed every event. */
  readonly signer: { readonly address: Hex; readonly key: Hex };
  readonly events: readonly V3EventVector[];
}

const file = new URL("../vectors/upstream-v3-testVectors.json", import.meta.url);

export function loadV3Vectors(): V3Vectors {
  const root = JSON.parse(readFileSync(file, "utf8")) as {
    signatures?: { shop_id?: unknown; signer?: { address?: unknown; key?: unknown } };
    events?: unknown;
  };
  const shopId = root.signatures?.shop_id;
  if (!isHex(shopId, { strict: true })) throw new Error("v3 vectors: signatures.shop_id is not hex");
  const { address, key } = root.signatures?.signer ?? {};
  if (!isHex(address, { strict: true }) || !isHex(key, { strict: true })) throw new Error("v3 vectors: signatures.signer lacks a hex address and key");
  if (!Array.isArray(root.events)) throw new Error("v3 vectors: events is not an array");
  const events = root.events.map((raw: unknown, index): V3EventVector => {
    const e = raw as { type?: unknown; object?: unknown; encoded?: unknown; hash?: unknown; signature?: unknown };
    const ok =
      typeof e.type === "string" &&
      typeof e.object === "object" && e.object !== null && !Array.isArray(e.object) &&
      isHex(e.encoded, { strict: true }) &&
      isHex(e.hash, { strict: true }) &&
      isHex(e.signature, { strict: true });
    if (!ok) throw new Error(`v3 vectors: events[${index}] lacks a string type, an object, or hex encoded/hash/signature`);
    return { index, type: e.type as string, object: e.object as Record<string, unknown>, encoded: e.encoded as Hex, hash: e.hash as Hex, signature: e.signature as Hex };
  });
  return { shopId, signer: { address, key }, events };
}
