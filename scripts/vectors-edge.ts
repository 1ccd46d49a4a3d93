// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `npm run vectors` (second part): writes test/vectors/eip712-edge.json, the
// vectors another implementation needs beyond the random events: AuthChallenge
// (keycard login), and events whose values sit at an edge of the mapping, each
// with the digest to compute or the refusal (error code and proto field path)
// to produce. `--check` only compares with the committed file.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { create, type MessageInitShape, toBinary, toJson } from "@bufbuild/protobuf";
import { bytesToHex, type Hex, keccak256, stringToBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { type ListingViewState, Uint256Schema } from "../gen/market/mass/base_types_pb.js";
import { ShopEventSchema } from "../gen/market/mass/shop_events_pb.js";
import {
  authChallengeTypedData,
  EIP712_DOMAIN_NAME,
  EIP712_DOMAIN_VERSION,
  type EventDomain,
  eventTypedData,
  hashAuthChallenge,
  hashEvent,
  isNetworkSchemaError,
  signAuthChallenge,
} from "../src/index.js";
import { type JsonValue, toJsonTypedData } from "../test/eip712/typed-data-json.js";

/** Where the edge vectors live. */
export const EDGE_VECTORS_FILE = fileURLToPath(new URL("../test/vectors/eip712-edge.json", import.meta.url));

const KEY_PHRASE = "massmarket test key";
const DOMAIN: EventDomain = { chainId: 1n, verifyingContract: "0x000000000000000000000000000000000000dEaD" };
const id = (n: number) => ({ raw: new Uint8Array(8).fill(n) });
const SHOP_23 = create(Uint256Schema, { raw: Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? 23 : 0)) });
const tag = (value: MessageInitShape<typeof ShopEventSchema>) => create(ShopEventSchema, { nonce: 1n, shopId: SHOP_23, ...value } as MessageInitShape<typeof ShopEventSchema>);
const ts = (seconds: bigint, nanos: number) => ({ seconds, nanos });

// Events at an edge: what is signed as it is, and what is refused.
const EVENT_CASES: { name: string; note: string; event: ReturnType<typeof tag>; domain?: EventDomain; forms?: "json" | "encoded" }[] = [
  { name: "timestamp nanos 1000000000", note: "out-of-range nanos are signed as the int32 they are; relays refuse them by policy", event: tag({ timestamp: ts(1_767_225_600n, 1_000_000_000), union: { case: "tag", value: { id: id(1) } } }) },
  { name: "timestamp nanos -1", note: "negative nanos are signed as they are", event: tag({ timestamp: ts(1_767_225_600n, -1), union: { case: "tag", value: { id: id(1) } } }) },
  { name: "timestamp year 10000", note: "seconds past 9999-12-31 are signed as the int64 they are (proto3 JSON cannot write them: see encoded)", event: tag({ timestamp: ts(253_402_300_800n, 0), union: { case: "tag", value: { id: id(1) } } }) },
  { name: "timestamp before year 1", note: "seconds before 0001-01-01 are signed as the int64 they are", event: tag({ timestamp: ts(-62_135_596_801n, 0), union: { case: "tag", value: { id: id(1) } } }) },
  { name: "nonce 2^64-1", note: "the largest uint64", event: tag({ nonce: 2n ** 64n - 1n, union: { case: "tag", value: { id: id(1) } } }) },
  { name: "unknown enum number", note: "an enum number the schema does not name is signed as the int32 it is", event: tag({ union: { case: "listing", value: { id: id(2), viewState: 99 as ListingViewState } } }) },
  { name: "negative enum number", note: "int32 two's complement, sign-extended", event: tag({ union: { case: "listing", value: { id: id(2), viewState: -1 as ListingViewState } } }) },
  { name: "optional string present and empty", note: "rename: [\"\"], not []", event: tag({ union: { case: "updateTag", value: { id: id(3), rename: "" } } }) },
  { name: "optional string absent", note: "rename: []", event: tag({ union: { case: "updateTag", value: { id: id(3) } } }) },
  { name: "non-ASCII string", note: "UTF-8 bytes of each Unicode scalar value are hashed", event: tag({ union: { case: "tag", value: { id: id(4), name: "Größe 🧦" } } }) },
  { name: "verifyingContract all lower case", note: "an address in one case needs no checksum; the same 20 bytes give the same digest", event: tag({ union: { case: "tag", value: { id: id(1) } } }), domain: { chainId: 1n, verifyingContract: "0x000000000000000000000000000000000000dead" } },
  { name: "verifyingContract with a wrong EIP-55 checksum", note: "mixed case must be a valid checksum", event: tag({ union: { case: "tag", value: { id: id(1) } } }), domain: { chainId: 1n, verifyingContract: "0x000000000000000000000000000000000000DEad" } },
  { name: "chainId 0", note: "chain ids are positive", event: tag({ union: { case: "tag", value: { id: id(1) } } }), domain: { chainId: 0n, verifyingContract: "0x000000000000000000000000000000000000dEaD" } },
  { name: "object id of 7 bytes", note: "wrappers have exact lengths", event: tag({ union: { case: "tag", value: { id: { raw: new Uint8Array(7) } } } }) },
  { name: "shop id of 33 bytes", note: "wrappers have exact lengths", event: tag({ shopId: { raw: new Uint8Array(33) }, union: { case: "tag", value: { id: id(1) } } }) },
  { name: "no event kind", note: "ShopEvent.union is required", event: tag({}) },
  { name: "unpaired surrogate in a string", note: "strings must be sequences of Unicode scalar values", event: tag({ union: { case: "tag", value: { id: id(1), name: "a\ud800b" } } }), forms: "json" },
  { name: "unknown field", note: "bytes the schema does not know would not be covered by the signature", event: (() => {
    const event = tag({ union: { case: "tag", value: { id: id(1) } } });
    event.$unknown = [{ no: 99, wireType: 0, data: new Uint8Array([1]) }];
    return event;
  })(), forms: "encoded" },
];

const CHALLENGES: { name: string; challenge: Uint8Array }[] = [
  { name: "32-byte challenge", challenge: Uint8Array.from({ length: 32 }, (_, i) => i) },
  { name: "empty challenge (refused)", challenge: new Uint8Array(0) },
  { name: "one byte", challenge: new Uint8Array([0xff]) },
];

/** The edge vectors document. @example const json = await buildEdgeVectors(); */
export async function buildEdgeVectors(): Promise<string> {
  const privateKey = keccak256(stringToBytes(KEY_PHRASE));
  const account = privateKeyToAccount(privateKey);
  const authChallenge: JsonValue[] = [];
  for (const { name, challenge } of CHALLENGES) {
    let expect: JsonValue;
    try {
      expect = {
        typedData: toJsonTypedData(authChallengeTypedData({ challenge, domain: DOMAIN })),
        digest: hashAuthChallenge({ challenge, domain: DOMAIN }),
        signature: await signAuthChallenge({ challenge, domain: DOMAIN, account }),
        signer: account.address,
      };
    } catch (error) {
      if (!isNetworkSchemaError(error)) throw error;
      expect = { error: { code: error.code, path: error.path ?? null } };
    }
    authChallenge.push({ name, challenge: bytesToHex(challenge), domain: fullDomain(DOMAIN), expect });
  }
  const events: JsonValue[] = [];
  for (const { name, note, event, domain = DOMAIN, forms } of EVENT_CASES) {
    let expect: JsonValue;
    try {
      expect = { digest: hashEvent({ event, domain }), message: toJsonTypedData(eventTypedData({ event, domain }).message) };
    } catch (error) {
      if (!isNetworkSchemaError(error)) throw error;
      expect = { error: { code: error.code, path: error.path ?? null } };
    }
    // The binary form of an unpaired surrogate would be U+FFFD, and proto3 JSON drops unknown fields: those cases have one form.
    events.push({ name, note, event: forms === "encoded" ? null : jsonOrNull(event), encoded: forms === "json" ? null : encodedOrNull(event), domain: fullDomain(domain), expect });
  }
  const document: JsonValue = {
    description:
      "EIP-712 edge vectors (mapping version 1, docs/eip712.md): AuthChallenge typed data, digests and signatures by the test key " +
      "of test/vectors/eip712.json; and ShopEvents at the edges of the mapping, each with the digest and typed-data message to produce " +
      "or the refusal (error code, and the path in proto field names). `event` is proto3 JSON where proto3 JSON can write it, `encoded` the protobuf " +
      "binary where it exists (null for values that cannot be encoded). Generated by scripts/vectors-edge.ts; do not edit by hand.",
    testKey: { derivation: `keccak256(utf8("${KEY_PHRASE}"))`, privateKey, address: account.address },
    authChallenge,
    events,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function fullDomain(domain: EventDomain): JsonValue {
  return toJsonTypedData({ name: EIP712_DOMAIN_NAME, version: EIP712_DOMAIN_VERSION, ...domain });
}

function jsonOrNull(event: ReturnType<typeof tag>): JsonValue {
  try {
    return toJson(ShopEventSchema, event) as JsonValue;
  } catch {
    return null;
  }
}

function encodedOrNull(event: ReturnType<typeof tag>): Hex | null {
  try {
    return bytesToHex(toBinary(ShopEventSchema, event));
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const json = await buildEdgeVectors();
  if (process.argv.includes("--check")) {
    if (readFileSync(EDGE_VECTORS_FILE, "utf8") !== json) {
      console.error(`${EDGE_VECTORS_FILE} differs from a fresh build: run \`npm run vectors\` and review the diff`);
      process.exitCode = 1;
      return;
    }
    console.log(`${EDGE_VECTORS_FILE} is up to date`);
    return;
  }
  writeFileSync(EDGE_VECTORS_FILE, json);
  console.log(`wrote ${EDGE_VECTORS_FILE}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
