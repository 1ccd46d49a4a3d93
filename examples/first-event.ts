// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// #region readme
// First signed event (`npx tsx examples/first-event.ts`): a keycard signs a Tag
// event for shop 23; the receiving side opens the bytes, checks the signer and
// the shop's policy, and prints what it verified.
import { toBinary } from "@bufbuild/protobuf";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import {
  assertEventAccepted,
  createNonceTracker,
  createShopEvent,
  createSignedEvent,
  displayJson,
  type EventDomain,
  objectId,
  openSignedEvent,
  ShopEventSchema,
  SignedEventSchema,
  signEvent,
} from "../src/index.js";

// Signatures are bound to one chain and the shop registry contract on it.
const domain: EventDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };
const SHOP_ID = 23n; // the shop's token id in the registry
const keycard = privateKeyToAccount(generatePrivateKey()); // a real client loads its keycard key

// Client: build the event (timestamp filled in, every value checked), sign it, encode it.
const event = createShopEvent({ shopId: SHOP_ID, nonce: 1n, union: { case: "tag", value: { id: objectId({ id: 1n }), name: "Summer sale" } } });
const signature = await signEvent({ event, domain, account: keycard });
const bytes = toBinary(SignedEventSchema, createSignedEvent({ event, signature }));

// Receiver: decode, refuse non-canonical bytes or a malleable signature, recover the signer...
const opened = openSignedEvent({ signedEvent: bytes, domain });
// ...then check it is this shop's event, from a keycard of this shop, with a fresh nonce, recent.
// assertEventAccepted throws an EventRejectedError naming every failed check, else returns the
// nonce tracker to store for the next event.
const now = Date.now();
const nonces = assertEventAccepted({
  ...opened,
  shopId: SHOP_ID,
  keycards: [keycard.address],
  nonces: createNonceTracker({}), // nothing accepted yet
  timestampWindow: { notBefore: new Date(now - 5 * 60_000), notAfter: new Date(now + 60_000) },
});
console.log(JSON.stringify(displayJson({ schema: ShopEventSchema, message: opened.event }), null, 2));
console.log(`verified: signed by keycard ${opened.signer} for shop ${SHOP_ID}; ${JSON.stringify(nonces)}`);
// #endregion readme
