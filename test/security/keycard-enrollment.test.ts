// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: enroll an address instead of a key. Account.KeyCardEnroll carries
// `keycard_pubkey` (a PublicKey message); createKeycardSet accepted 20 bytes
// there as an address, so an enrollment could name any address with no
// curve point behind it. A public-key message must hold a public key.
import { create } from "@bufbuild/protobuf";
import { hexToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { EthereumAddressSchema, PublicKeySchema } from "../../gen/market/mass/base_types_pb.js";
import { checkEvent, createKeycardSet, createNonceTracker, isPublicKeyError, keycardAddress } from "../../src/index.js";
import { thrown } from "../support/thrown.js";
import { keycard, otherKeycard, SHOP_ID, tagEvent, WINDOW } from "../wire-helpers/fixtures.js";

describe("an enrollment carrying an address where a public key belongs", () => {
  const forged = create(PublicKeySchema, { raw: hexToBytes(otherKeycard.address) });

  it("is refused by createKeycardSet and keycardAddress, naming the entry", () => {
    const error = thrown(() => createKeycardSet({ keycards: [keycard.address, forged] }));
    expect(isPublicKeyError(error)).toBe(true);
    expect(error).toMatchObject({ code: "INVALID_PUBLIC_KEY", path: "keycards[1].raw" });
    expect(isPublicKeyError(thrown(() => keycardAddress({ keycard: { raw: hexToBytes(otherKeycard.address) } })))).toBe(true);
  });

  it("cannot make its address a keycard of the shop through checkEvent", () => {
    const run = () =>
      checkEvent({ event: tagEvent(1n), signer: otherKeycard.address, shopId: SHOP_ID, keycards: [forged], nonces: createNonceTracker({}), timestampWindow: WINDOW });
    expect(isPublicKeyError(thrown(run))).toBe(true);
  });

  it("real public keys and explicit addresses still work", () => {
    const set = createKeycardSet({
      keycards: [create(PublicKeySchema, { raw: hexToBytes(keycard.publicKey).slice(1) }), create(EthereumAddressSchema, { raw: hexToBytes(otherKeycard.address) })],
    });
    expect(set.addresses).toEqual([keycard.address, otherKeycard.address]);
    expect(isPublicKeyError(thrown(() => keycardAddress({ keycard: create(EthereumAddressSchema, { raw: new Uint8Array(19) }) })))).toBe(true);
  });
});
