// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay's own key signs its sandboxed events synchronously, so a write and
// the relay events it triggers are accepted in one step, in one order.
import { create, toBinary } from "@bufbuild/protobuf";
import { secp256k1 } from "@noble/curves/secp256k1";
import type { Address, Hex } from "viem";
import { hexToBytes } from "../crypto/hex.js";
import { privateKeyToAddress } from "viem/accounts";
import { type ShopEvent, ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import type { SignedEvent } from "../../gen/market/mass/transport_pb.js";
import type { EventDomain } from "../eip712/domain.js";
import { hashEvent } from "../eip712/hash-event.js";
import { createSignedEvent } from "../wire/create-signed-event.js";
import type { Dialect } from "../wire/dialect.js";
import { personalMessageDigest } from "../wire/hash-event-bytes.js";

export interface RelaySigner {
  readonly address: Address;
  sign(event: ShopEvent): SignedEvent;
}

export function createRelaySigner({ privateKey, domain, dialect = "eip712" }: { privateKey: Hex; domain: EventDomain; dialect?: Dialect }): RelaySigner {
  const key = hexToBytes(privateKey);
  return {
    address: privateKeyToAddress(privateKey),
    sign(event) {
      const bytes = toBinary(ShopEventSchema, create(ShopEventSchema, event));
      // v3 clients recover relay events as they do keycards': EIP-191 over the event bytes.
      const digest = dialect === "v3" ? personalMessageDigest({ bytes }) : hexToBytes(hashEvent({ event, domain }));
      const signed = secp256k1.sign(digest, key, { lowS: true });
      const signature = new Uint8Array(65);
      signature.set(signed.toCompactRawBytes(), 0);
      signature[64] = 27 + signed.recovery;
      return createSignedEvent({ event: bytes, signature, scheme: dialect === "v3" ? "eip191" : "eip712" });
    },
  };
}
