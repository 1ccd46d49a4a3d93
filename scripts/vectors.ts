// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `npm run vectors`: writes the EIP-712 golden vectors, test/vectors/eip712.json,
// and the shop state vectors, test/vectors/shop-state.json (scripts/shop-state-vectors.ts),
// from a fixed fast-check seed, and the worked example of docs/eip712.md §9;
// with scripts/vectors-edge.ts's test/vectors/eip712-edge.json and
// scripts/session-transcripts.ts's test/vectors/sessions.json; `npm run vectors -- --check`
// only compares them all (this one script, so the flag reaches every output).
// The same seed, schema and fast-check version give the same file byte for
// byte. The committed file is the expectation test/eip712/golden-vectors.test.ts
// checks the library against, and a reference for other implementations.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { toBinary, toJson } from "@bufbuild/protobuf";
import fc from "fast-check";
import { bytesToHex, getAddress, keccak256, stringToBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { ShopEventSchema } from "../gen/market/mass/shop_events_pb.js";
import { type EventDomain, eventTypedData, hashEvent, recoverEventSigner, signEvent } from "../src/index.js";
import { arbitraries } from "../test/support/arbitraries.js";
import { type JsonValue, toJsonTypedData } from "../test/eip712/typed-data-json.js";
import { buildSessionTranscripts, SESSION_TRANSCRIPTS_FILE } from "./session-transcripts.js";
import { buildShopStateVectors } from "./shop-state-vectors.js";
import { buildEdgeVectors, EDGE_VECTORS_FILE } from "./vectors-edge.js";
import { withWorkedExample, workedExampleMarkdown } from "./worked-example.js";

/** Where the vectors live. */
export const VECTORS_FILE = fileURLToPath(new URL("../test/vectors/eip712.json", import.meta.url));
/** Where the shop state vectors live (scripts/shop-state-vectors.ts). */
export const SHOP_STATE_VECTORS_FILE = fileURLToPath(new URL("../test/vectors/shop-state.json", import.meta.url));
/** The document whose worked example is generated. */
export const MAPPING_DOC = fileURLToPath(new URL("../docs/eip712.md", import.meta.url));

const SEED = 712;
const CASES_PER_KIND = 3;
const KEY_PHRASE = "massmarket test key";

// Domains the cases rotate through: a small chain id, a real testnet id, and
// one past 2^53 that only survives as a bigint (a decimal string in JSON).
const DOMAINS: readonly EventDomain[] = [
  { chainId: 1n, verifyingContract: getAddress("0x5b3f3b9a8b0ee5c7a9b0b1c2d3e4f5a6b7c8d9e0") },
  { chainId: 84_532n, verifyingContract: getAddress("0x000000000000000000000000000000000000dead") },
  { chainId: 2n ** 53n + 1n, verifyingContract: getAddress("0xffffffffffffffffffffffffffffffffffffffff") },
];

/**
 * Builds the vectors document: per case the event (proto3 JSON and binary),
 * the domain, the typed data (JSON-RPC form), digest, signature and signer.
 * @example const json = await buildEip712Vectors(); // the file's content
 */
export async function buildEip712Vectors(): Promise<string> {
  const privateKey = keccak256(stringToBytes(KEY_PHRASE));
  const account = privateKeyToAccount(privateKey);
  const cases: JsonValue[] = [];
  let index = 0;
  for (const [kindIndex, { name, arbitrary }] of arbitraries.eventCases.entries()) {
    const events = fc.sample(arbitrary, { seed: SEED + kindIndex, numRuns: CASES_PER_KIND });
    for (const [i, event] of events.entries()) {
      const domain = DOMAINS[index++ % DOMAINS.length]!;
      const typedData = eventTypedData({ event, domain });
      const digest = hashEvent({ event, domain });
      const signature = await signEvent({ event, domain, account });
      const signer = recoverEventSigner({ event, domain, signature });
      if (signer !== account.address) throw new Error(`${name} #${i}: signature recovers to ${signer}, not ${account.address}`);
      cases.push({
        name: `${name} #${i}`,
        kind: name,
        event: toJson(ShopEventSchema, event) as JsonValue,
        encoded: bytesToHex(toBinary(ShopEventSchema, event)),
        domain: toJsonTypedData(typedData.domain),
        typedData: toJsonTypedData({ primaryType: typedData.primaryType, domain: typedData.domain, message: typedData.message }),
        digest,
        signature,
        signer,
      });
    }
  }
  const first = eventTypedData({ event: fc.sample(arbitraries.event, { seed: SEED, numRuns: 1 })[0]!, domain: DOMAINS[0]! });
  const document: JsonValue = {
    description:
      "EIP-712 golden vectors of Mass Market ShopEvents (mapping version 1, docs/eip712.md). " +
      "Each case: the event as proto3 JSON and as protobuf binary (hex), the domain, the typed data as a wallet receives it " +
      "over JSON-RPC (64- and 256-bit integers as decimal strings; its `types` is the top-level `types`), the EIP-712 digest, " +
      "and a deterministic (RFC 6979) signature by the test key with its signer address. Generated by scripts/vectors.ts; do not edit by hand.",
    generator: { script: "scripts/vectors.ts", command: "npm run vectors", seed: SEED, casesPerKind: CASES_PER_KIND },
    testKey: {
      note: "Public test key, never use it for anything else.",
      derivation: `keccak256(utf8("${KEY_PHRASE}"))`,
      privateKey,
      address: account.address,
    },
    primaryType: "ShopEvent",
    types: toJsonTypedData(first.types),
    cases,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

async function main(): Promise<void> {
  const outputs = [
    { file: VECTORS_FILE, text: await buildEip712Vectors() },
    { file: EDGE_VECTORS_FILE, text: await buildEdgeVectors() },
    { file: SHOP_STATE_VECTORS_FILE, text: await buildShopStateVectors() },
    { file: SESSION_TRANSCRIPTS_FILE, text: await buildSessionTranscripts() },
    { file: MAPPING_DOC, text: withWorkedExample({ doc: readFileSync(MAPPING_DOC, "utf8"), region: workedExampleMarkdown() }) },
  ];
  if (process.argv.includes("--check")) {
    for (const { file, text } of outputs) {
      if (readFileSync(file, "utf8") !== text) {
        console.error(`${file} differs from a fresh build: run \`npm run vectors\` and review the diff`);
        process.exitCode = 1;
      } else console.log(`${file} is up to date`);
    }
    return;
  }
  for (const { file, text } of outputs) {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
