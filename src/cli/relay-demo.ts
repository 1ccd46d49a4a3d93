// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `massmarket-schema relay --demo`: a ready shop to try a client against, its keycards' keys printed.
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { hexToBytes, numberToBytes } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { signEvent } from "../eip712/sign-event.js";
import type { ReferenceRelay } from "../relay/reference-relay.js";
import { createSignedEvent } from "../wire/create-signed-event.js";

type Union = NonNullable<MessageInitShape<typeof ShopEventSchema>["union"]>;
const u256 = (n: bigint) => ({ raw: numberToBytes(n, { size: 32 }) });
const id8 = (n: number) => ({ raw: numberToBytes(n, { size: 8 }) });
const meta = (title: string, description: string) => ({ title, description, images: ["https://example.com/demo.png"] });

/** Enrols a clerk and a guest keycard in a new shop, writes its manifest, listings and stock, and prints the keys. */
export async function startDemoShop({ relay, print }: { relay: ReferenceRelay; print: (line: string) => void }): Promise<void> {
  const shopId = BigInt(`0x${Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(8))).toString("hex")}`);
  const clerkKey = generatePrivateKey();
  const guestKey = generatePrivateKey();
  const clerk = privateKeyToAccount(clerkKey);
  const guest = privateKeyToAccount(guestKey);
  await relay.enrollKeycard({ shopId, publicKey: clerk.publicKey });
  await relay.enrollKeycard({ shopId, publicKey: guest.publicKey, guest: true });
  const eth = { chainId: BigInt(relay.domain.chainId), address: { raw: new Uint8Array(20) } };
  const unions: Union[] = [
    {
      case: "manifest",
      value: {
        tokenId: u256(shopId), payees: [{ name: "owner", address: { raw: hexToBytes(clerk.address) }, chainId: eth.chainId, callAsContract: false }],
        acceptedCurrencies: [eth], pricingCurrency: eth,
        shippingRegions: [
          { name: "EU", country: "DE", orderPriceModifiers: [{ title: "VAT 19%", modification: { case: "percentage", value: u256(19n) } }] },
          { name: "world", orderPriceModifiers: [{ title: "shipping", modification: { case: "absolute", value: { plusSign: true, diff: u256(500n) } } }] },
        ],
      },
    },
    {
      case: "listing",
      value: {
        id: id8(1), price: u256(2000n), metadata: meta("T-shirt", "a demo shirt"), viewState: 1,
        options: [{ id: id8(10), title: "Size", variations: [{ id: id8(11), variationInfo: { title: "S" } }, { id: id8(12), variationInfo: { title: "M" } }, { id: id8(13), variationInfo: { title: "L" }, diff: { plusSign: true, diff: u256(200n) } }] }],
      },
    },
    { case: "listing", value: { id: id8(2), price: u256(900n), metadata: meta("Mug", "a demo mug"), viewState: 1 } },
    ...[11, 12, 13].map((v): Union => ({ case: "changeInventory", value: { id: id8(1), variationIds: [id8(v)], diff: 10 } })),
    { case: "changeInventory", value: { id: id8(2), diff: 25 } },
  ];
  const shopRaw = numberToBytes(shopId, { size: 32 });
  const events = await Promise.all(unions.map(async (union, i) => {
    const event = create(ShopEventSchema, { nonce: BigInt(i + 1), shopId: { raw: shopRaw }, timestamp: timestampFromMs(Date.now()), union });
    return createSignedEvent({ event, signature: await signEvent({ event, domain: relay.domain, account: clerk }) });
  }));
  await relay.write({ keycard: { address: clerk.address, shopId: shopRaw, guest: false }, events });
  print(`demo shop: ${shopId} (0x${shopId.toString(16).padStart(64, "0")}), domain chainId ${relay.domain.chainId} verifyingContract ${relay.domain.verifyingContract}`);
  print(`  clerk keycard: private key ${clerkKey} (address ${clerk.address}); it is also the payee "owner"`);
  print(`  guest keycard: private key ${guestKey} (address ${guest.address})`);
  print("  listings: 0x0000000000000001 T-shirt 2000 (S, M, L +200; 10 each), 0x0000000000000002 Mug 900 (25)");
  print("  shipping regions: EU (country DE, VAT 19%), world (everywhere else, +500); currency: ETH (pricing and accepted)");
}
