// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// End-to-end example (`npm start`): a merchant's keycard builds a Listing
// event, signs it with EIP-712, encodes it for the wire; the receiving side
// decodes it and verifies who signed it.
import { create, fromBinary, toBinary, toJsonString } from "@bufbuild/protobuf";
import { timestampNow } from "@bufbuild/protobuf/wkt";
import { bytesToHex, hexToBytes, numberToBytes } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import {
  type EventDomain,
  hashEvent,
  ListingViewState,
  recoverEventSigner,
  ShopEventSchema,
  signEvent,
  verifyEvent,
} from "../src/index.js";

const step = (n: number, what: string, detail: string): void => console.log(`\n[${n}] ${what}\n    ${detail.replaceAll("\n", "\n    ")}`);

// Signatures are bound to a chain and the shop registry contract; callers always pass both.
const domain: EventDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };

const keycard = privateKeyToAccount(generatePrivateKey());
step(1, "Generated a keycard key", `address ${keycard.address}`);

const uint256 = (value: bigint) => ({ raw: numberToBytes(value, { size: 32 }) });
const event = create(ShopEventSchema, {
  nonce: 1n,
  shopId: uint256(23n),
  timestamp: timestampNow(),
  union: {
    case: "listing",
    value: {
      id: { raw: hexToBytes("0x0000000000000001") },
      price: uint256(1_500_000n), // 1.5 USDC in its smallest unit (6 decimals)
      metadata: { title: "Mass Market T-shirt", description: "Organic cotton", images: ["ipfs://bafy…/shirt.png"] },
      viewState: ListingViewState.PUBLISHED,
      options: [
        {
          id: { raw: hexToBytes("0x0000000000000010") },
          title: "Size",
          variations: [
            { id: { raw: hexToBytes("0x0000000000000011") }, variationInfo: { title: "M" } },
            { id: { raw: hexToBytes("0x0000000000000012") }, variationInfo: { title: "L" }, diff: { plusSign: true, diff: uint256(100_000n) } },
          ],
        },
      ],
    },
  },
});
step(2, "Built a Listing event", toJsonString(ShopEventSchema, event, { prettySpaces: 2 }));

const digest = hashEvent({ event, domain });
step(3, "EIP-712 digest", digest);

const signature = await signEvent({ event, domain, account: keycard });
step(4, "Signed with the keycard", signature);

const wire = toBinary(ShopEventSchema, event);
step(5, "Encoded to protobuf binary", `${wire.length} bytes: ${bytesToHex(wire).slice(0, 66)}…`);

const received = fromBinary(ShopEventSchema, wire);
step(6, "Decoded on the receiving side", `${received.union.case} event, nonce ${received.nonce}`);

const signer = await recoverEventSigner({ event: received, domain, signature });
const valid = await verifyEvent({ event: received, domain, signature, address: keycard.address });
step(7, "Verified", `recovered signer ${signer}\nsigned by the keycard: ${valid}`);

if (!valid || signer !== keycard.address) {
  console.error("verification failed");
  process.exit(1);
}
