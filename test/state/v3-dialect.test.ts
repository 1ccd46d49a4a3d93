// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// verifyShopEvent and ShopFold.verify in the v3 dialect: EIP-191, and an absent shop_id is the state's shop.
import { create, toBinary } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { numberToBytes } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { createShopFold, createShopState, createSignedEvent, ShopEventSchema, signEventBytes, verifyShopEvent } from "../../src/index.js";
import { thrown } from "../support/thrown.js";

const relay = privateKeyToAccount(generatePrivateKey());
const card = privateKeyToAccount(generatePrivateKey());
const state = createShopState({ context: { shopId: 9n, relays: [relay.address] } });

async function v3Event(shopId: Uint8Array | undefined) {
  const eventBytes = toBinary(
    ShopEventSchema,
    create(ShopEventSchema, {
      nonce: 1n,
      ...(shopId === undefined ? {} : { shopId: { raw: shopId } }),
      timestamp: timestampFromMs(Date.now()),
      union: { case: "account", value: { action: { case: "enrollKeycard", value: { keycardPubkey: { raw: new Uint8Array(Buffer.from(card.publicKey.slice(4), "hex")) }, userWallet: { raw: new Uint8Array(20) } } } } },
    }),
  );
  return createSignedEvent({ event: eventBytes, signature: await signEventBytes({ eventBytes, account: relay }), scheme: "eip191" });
}

describe("the v3 dialect in the shop rules", () => {
  it("an absent or empty shop_id is the state's shop in v3, and SHOP_MISMATCH by default", async () => {
    for (const shopId of [undefined, new Uint8Array(0)]) {
      const signedEvent = await v3Event(shopId);
      expect(verifyShopEvent({ state, signedEvent, dialect: "v3" }).signer).toBe(relay.address);
      expect(thrown(() => verifyShopEvent({ state, signedEvent, scheme: "eip191" }))).toMatchObject({ code: "EVENT_REJECTED" });
      expect(createShopFold({ state }).verify({ signedEvent, dialect: "v3" }).signer).toBe(relay.address);
    }
    const otherShop = await v3Event(numberToBytes(10n, { size: 32 }));
    expect(thrown(() => verifyShopEvent({ state, signedEvent: otherShop, dialect: "v3" }))).toMatchObject({ code: "EVENT_REJECTED" });
    expect(verifyShopEvent({ state, signedEvent: await v3Event(numberToBytes(9n, { size: 32 })), dialect: "v3" }).state.keycards[card.address]?.role).toBe("guest");
  });

  it("a dialect and a scheme that contradict each other are refused, naming the field", async () => {
    const signedEvent = await v3Event(undefined);
    expect(thrown(() => verifyShopEvent({ state, signedEvent, dialect: "v3", scheme: "eip712" } as never))).toMatchObject({ code: "WRONG_TYPE", path: "scheme" });
    expect(thrown(() => verifyShopEvent({ state, signedEvent, dialect: "v4" } as never))).toMatchObject({ code: "WRONG_TYPE", path: "dialect" });
  });
});
