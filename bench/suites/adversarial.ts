// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// 6. Hostile events at the default caps: the costliest event the default
// hashing budget admits (a Manifest of empty ShippingRegions, 5 keccak calls
// per 2 wire bytes) and one just over it (refused after the cost pass),
// beside opening a normal Tag; the target bounds the worst open at 20× the Tag.
import { create, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { hexToBytes, numberToBytes } from "viem";
import {
  createSignedEvent,
  DEFAULT_HASHING_BUDGET,
  eventHashingCost,
  isHashingBudgetError,
  openSignedEvent,
  SHOP_EVENT_TYPE_URL,
  ShopEventSchema,
  SignedEventSchema,
  signEvent,
} from "../../src/index.js";
import { emptyRegionsManifest, worstAdmittedEvent } from "../../test/support/large-events.js";
import { account, domain } from "../fixtures.js";
import { assertSame, type Suite } from "../suite.js";

export async function adversarialSuite(): Promise<Suite> {
  const tag = create(ShopEventSchema, {
    nonce: 1n,
    shopId: { raw: numberToBytes(23n, { size: 32 }) },
    timestamp: { seconds: 1_767_225_600n, nanos: 0 },
    union: { case: "tag", value: { id: { raw: hexToBytes("0x0000000000000001") }, name: "Summer sale" } },
  });
  const worst = worstAdmittedEvent();
  const signed = async (event: typeof tag) => toBinary(SignedEventSchema, createSignedEvent({ event, signature: await signEvent({ event, domain, account }) }));
  const tagBytes = await signed(tag);
  const worstBytes = await signed(worst);
  const regions = worst.union.case === "manifest" ? worst.union.value.shippingRegions.length : 0;
  // One region more than the budget admits; signed over the bytes so building it stays cheap.
  const over = toBinary(ShopEventSchema, emptyRegionsManifest(regions + 1));
  const overBytes = toBinary(
    SignedEventSchema,
    create(SignedEventSchema, {
      event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value: over }),
      signature: { raw: hexToBytes(await account.signMessage({ message: { raw: over } })) },
    }),
  );
  const cost = eventHashingCost({ eventBytes: toBinary(ShopEventSchema, worst) });

  assertSame("openSignedEvent(Tag)", openSignedEvent({ signedEvent: tagBytes, domain }).signer, account.address);
  assertSame("openSignedEvent(worst admitted)", openSignedEvent({ signedEvent: worstBytes, domain }).signer, account.address);
  const refused = (() => {
    try {
      openSignedEvent({ signedEvent: overBytes, domain });
      return false;
    } catch (error) {
      return isHashingBudgetError(error);
    }
  })();
  assertSame("openSignedEvent(one region over the budget) refused", refused, true);

  const refuse = () => {
    try {
      openSignedEvent({ signedEvent: overBytes, domain });
    } catch {
      return;
    }
  };
  return {
    groups: [
      {
        title: `6. Adversarial event at the default caps (${DEFAULT_HASHING_BUDGET.maxKeccakCalls} keccak calls, ${DEFAULT_HASHING_BUDGET.maxHashedBytes} bytes hashed)`,
        subject: "adversarial.worst",
        cases: [
          { id: "adversarial.tag", label: "openSignedEvent, normal Tag", fn: () => openSignedEvent({ signedEvent: tagBytes, domain }) },
          {
            id: "adversarial.worst",
            label: `openSignedEvent, worst admitted: Manifest of ${regions} empty regions (${cost.keccakCalls} calls, ${cost.hashedBytes} bytes hashed)`,
            fn: () => openSignedEvent({ signedEvent: worstBytes, domain }),
          },
          { id: "adversarial.refused", label: `openSignedEvent, ${regions + 1} regions: refused by the cost pass`, fn: refuse },
        ],
      },
    ],
    targets: [
      { text: "worst admitted event opens in ≤ 20× a normal Tag", kind: "within", subject: "adversarial.worst", reference: "adversarial.tag", bound: 20 },
      { text: "an over-budget event is refused in ≤ 1× a normal Tag", kind: "within", subject: "adversarial.refused", reference: "adversarial.tag", bound: 1 },
    ],
  };
}
