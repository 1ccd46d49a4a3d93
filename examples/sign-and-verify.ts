// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// End-to-end example (`npm start`): a merchant's keycard builds a Listing
// event, signs it with EIP-712, encodes it for the wire; the receiving side
// decodes it and verifies who signed it.
import { toBinary } from "@bufbuild/protobuf";
import { bytesToHex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import {
  createShopEvent,
  createSignedEvent,
  displayJson,
  type EventDomain,
  hashEvent,
  ListingViewState,
  objectId,
  openSignedEvent,
  ShopEventSchema,
  SignedEventSchema,
  signEvent,
  uint256,
  verifyEvent,
} from "../src/index.js";

const step = (n: number, what: string, detail: string): void => console.log(`\n[${n}] ${what}\n    ${detail.replaceAll("\n", "\n    ")}`);

// Signatures are bound to a chain and the shop registry contract; callers always pass both.
const domain: EventDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };

const keycard = privateKeyToAccount(generatePrivateKey());
step(1, "Generated a keycard key", `address ${keycard.address}`);

// Value builders check every length and range here, not later at signing.
const event = createShopEvent({
  shopId: 23n,
  nonce: 1n,
  union: {
    case: "listing",
    value: {
      id: objectId({ id: 1n }),
      price: uint256({ value: 1_500_000n }), // 1.5 USDC in its smallest unit (6 decimals)
      metadata: { title: "Mass Market T-shirt", description: "Organic cotton", images: ["ipfs://bafy…/shirt.png"] },
      viewState: ListingViewState.PUBLISHED,
      options: [
        {
          id: objectId({ id: 0x10n }),
          title: "Size",
          variations: [
            { id: objectId({ id: 0x11n }), variationInfo: { title: "M" } },
            { id: objectId({ id: 0x12n }), variationInfo: { title: "L" }, diff: { plusSign: true, diff: uint256({ value: 100_000n }) } },
          ],
        },
      ],
    },
  },
});
step(2, "Built a Listing event", JSON.stringify(displayJson({ schema: ShopEventSchema, message: event }), null, 2));

const digest = hashEvent({ event, domain });
step(3, "EIP-712 digest", digest);

const signature = await signEvent({ event, domain, account: keycard });
step(4, "Signed with the keycard", signature);

const wire = toBinary(SignedEventSchema, createSignedEvent({ event, signature }));
step(5, "Encoded as a SignedEvent (protobuf binary, the event packed in google.protobuf.Any)", `${wire.length} bytes: ${bytesToHex(wire).slice(0, 66)}…`);

// The relay (or another client) gets only the bytes: decode, check the signature strictly, recover the signer.
const opened = openSignedEvent({ signedEvent: wire, domain });
step(6, "Decoded and opened on the receiving side", `${opened.event.union.case} event, nonce ${opened.event.nonce}, ${opened.eventBytes.length} event bytes`);

const valid = verifyEvent({ event: opened.event, domain, signature, address: keycard.address });
step(7, "Verified", `recovered signer ${opened.signer}\nsigned by the keycard: ${valid}`);

if (!valid || opened.signer !== keycard.address) {
  console.error("verification failed");
  process.exit(1);
}
