// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The worked example of docs/eip712.md §9, generated so a schema change never
// needs a hand edit there: `npm run vectors` rewrites the region between the
// markers, `npm run vectors -- --check` fails when it is stale.
import { create, toJson } from "@bufbuild/protobuf";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { TypedDataEncoder } from "ethers";
import { type Address, hashDomain } from "viem";
import { ShopEventSchema } from "../gen/market/mass/shop_events_pb.js";
import { eip712Structs, eventTypedData, hashEvent } from "../src/index.js";
import { type JsonValue, toJsonTypedData } from "../test/eip712/typed-data-json.js";

/** Opening marker of the generated region in docs/eip712.md. */
export const WORKED_EXAMPLE_BEGIN = "<!-- worked-example:begin (written by `npm run vectors` from scripts/worked-example.ts; do not edit) -->";
/** Closing marker of the generated region. */
export const WORKED_EXAMPLE_END = "<!-- worked-example:end -->";

/** The worked example's values block, as the doc shows it and its test reads it. */
export interface WorkedExample {
  domain: { name: string; version: string; chainId: number; verifyingContract: Address };
  event: JsonValue;
  encodeType: Record<string, string>;
  typeHash: Record<string, string>;
  hashStruct: Record<string, string>;
  domainSeparator: string;
  digest: string;
}

const REGISTRY: Address = "0x000000000000000000000000000000000000dEaD";

// One member per line, values compact: readable, and stable byte for byte.
const compact = (value: JsonValue): string => JSON.stringify(value).replace(/,(?=["{[\d-])/g, ", ").replace(/":/g, '": ');
const memberLines = (record: Record<string, JsonValue>): string => `{\n${Object.entries(record).map(([k, v]) => `  ${JSON.stringify(k)}: ${compact(v)}`).join(",\n")}\n}`;

/**
 * The CreateOrder event of §9 and everything computed from it.
 * @example workedExample().digest // "0x…"
 */
export function workedExample(): { values: WorkedExample; message: Record<string, JsonValue>; structCount: number } {
  const event = create(ShopEventSchema, {
    nonce: 7n,
    shopId: { raw: new Uint8Array(32).fill(1, 31) },
    timestamp: timestampFromDate(new Date("2026-01-01T00:00:00Z")),
    union: { case: "createOrder", value: { id: { raw: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8) } } },
  });
  const typedData = eventTypedData({ event, domain: { chainId: 1, verifyingContract: REGISTRY } });
  const { EIP712Domain: _domain, ...types } = typedData.types;
  const encoder = TypedDataEncoder.from(types as unknown as Record<string, { name: string; type: string }[]>);
  const message = toJsonTypedData(typedData.message) as Record<string, JsonValue>;
  const members = typedData.message as unknown as Record<string, Record<string, unknown>[]>;
  const parts: Record<string, Record<string, unknown>> = {
    CreateOrder: members.create_order?.[0] ?? {},
    google_protobuf_Timestamp: members.timestamp?.[0] ?? {},
    ShopEvent: typedData.message as unknown as Record<string, unknown>,
  };
  const typeHashOf = (name: string): string => Object.values(eip712Structs).find((s) => s.name === name)?.typeHash ?? "(none)";
  const values: WorkedExample = {
    domain: { name: typedData.domain.name, version: typedData.domain.version, chainId: Number(typedData.domain.chainId), verifyingContract: REGISTRY },
    event: toJson(ShopEventSchema, event) as JsonValue,
    encodeType: Object.fromEntries(Object.keys(parts).map((name) => [name, encoder.encodeType(name)])),
    typeHash: Object.fromEntries(Object.keys(parts).map((name) => [name, typeHashOf(name)])),
    hashStruct: Object.fromEntries(Object.entries(parts).map(([name, value]) => [name, encoder.hashStruct(name, value)])),
    domainSeparator: hashDomain({ domain: typedData.domain, types: { EIP712Domain: [...typedData.types.EIP712Domain] } }),
    digest: hashEvent({ event, domain: typedData.domain }),
  };
  return { values, message, structCount: Object.keys(types).length };
}

/**
 * The markdown between the markers: the message, the encodeType prose with its counts, the values.
 * @example const region = workedExampleMarkdown();
 */
export function workedExampleMarkdown(): string {
  const { values, message, structCount } = workedExample();
  const shopEvent = values.encodeType.ShopEvent ?? "";
  return [
    WORKED_EXAMPLE_BEGIN,
    "The typed-data `message`:",
    "",
    "```json",
    memberLines(message),
    "```",
    "",
    `\`encodeType(CreateOrder)\` = \`${values.encodeType.CreateOrder}\`; its \`hashStruct\` is`,
    "`keccak256(typeHash ‖ keccak256(0x0102030405060708 ‖ 24 zero bytes))`.",
    `\`encodeType(ShopEvent)\` is the ShopEvent struct followed by all ${structCount - 1} structs it`,
    `reaches, sorted (${shopEvent.length} characters, below). The values, checked against ethers and the`,
    "generated tables by `test/docs/eip712-doc.test.ts`:",
    "",
    "```json",
    JSON.stringify(values, null, 2),
    "```",
    WORKED_EXAMPLE_END,
  ].join("\n");
}

/**
 * `doc` with the region between the markers replaced by `region` (markers included in `region`).
 * @example writeFileSync(path, withWorkedExample({ doc: readFileSync(path, "utf8"), region: workedExampleMarkdown() }))
 */
export function withWorkedExample({ doc, region }: { doc: string; region: string }): string {
  const begin = doc.indexOf(WORKED_EXAMPLE_BEGIN);
  const end = doc.indexOf(WORKED_EXAMPLE_END);
  if (begin < 0 || end < begin) throw new Error(`docs/eip712.md lacks the markers ${WORKED_EXAMPLE_BEGIN} … ${WORKED_EXAMPLE_END}`);
  return doc.slice(0, begin) + region + doc.slice(end + WORKED_EXAMPLE_END.length);
}
