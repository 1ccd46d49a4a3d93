// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The one-pass canonical check (src/wire/canonical-wire.ts) against the rule
// as stated: decode, re-encode with toBinary, compare bytes. On random valid
// events and on random mutations of their encodings (records swapped,
// repeated, dropped or added, varints padded or changed, text broken, bytes
// flipped), decodeCanonicalEvent must accept and refuse exactly as the
// re-encoding alone does, and whatever the pass proves canonical must be.
import { toBinary } from "@bufbuild/protobuf";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { DEFAULT_MAX_EVENT_BYTES } from "../../src/index.js";
import { provedCanonical } from "../../src/wire/canonical-wire.js";
import { decodeCanonicalEvent } from "../../src/wire/decode-canonical-event.js";
import { decodeShopEvent } from "../../src/wire/decode-shop-event.js";
import { sameBytes } from "../../src/wire/same-bytes.js";
import { arbitraries } from "../support/arbitraries.js";
import { varint } from "../support/wire-bytes.js";

const RUNS = 400;

/** What the rule as stated says: the error's name and code, or "canonical". */
function byReencoding(bytes: Uint8Array): string {
  try {
    const event = decodeShopEvent({ bytes, maxBytes: DEFAULT_MAX_EVENT_BYTES });
    return sameBytes({ a: toBinary(ShopEventSchema, event), b: bytes }) ? "canonical" : "NonCanonicalEncodingError NON_CANONICAL_ENCODING";
  } catch (error) {
    return describeError(error);
  }
}

/** What decodeCanonicalEvent says, in the same form. */
function byDecoder(bytes: Uint8Array): string {
  try {
    decodeCanonicalEvent({ bytes, maxBytes: DEFAULT_MAX_EVENT_BYTES, path: "bytes" });
    return "canonical";
  } catch (error) {
    return describeError(error);
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) throw error;
  return `${error.constructor.name} ${(error as { code?: string }).code ?? ""}`;
}

/** Whether a decoded message or any message inside it kept unknown fields. */
function hasUnknown(value: unknown): boolean {
  if (typeof value !== "object" || value === null || value instanceof Uint8Array) return false;
  if (((value as { $unknown?: unknown[] }).$unknown?.length ?? 0) > 0) return true;
  return Object.values(value).some(hasUnknown);
}

// ---------------------------------------------------------------- a record tree to mutate

interface Record {
  key: number;
  /** A varint or fixed value's bytes, or a length-delimited body as bytes or as nested records. */
  value: Uint8Array | Record[];
  /** Extra 0x80 bytes padding the key (0 for none). */
  padKey?: number;
  padLength?: number;
}

// Reads records; undefined when the bytes are not a well-formed message.
function parse(bytes: Uint8Array): Record[] | undefined {
  const out: Record[] = [];
  let pos = 0;
  const readVarint = () => {
    let value = 0;
    for (let shift = 1; pos < bytes.length; shift *= 128) {
      const byte = bytes[pos++] as number;
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
    }
    return undefined;
  };
  while (pos < bytes.length) {
    const key = readVarint();
    if (key === undefined || key < 8) return undefined;
    const start = pos;
    switch (key % 8) {
      case 0:
        if (readVarint() === undefined) return undefined;
        out.push({ key, value: bytes.slice(start, pos) });
        break;
      case 1:
      case 5:
        pos += key % 8 === 1 ? 8 : 4;
        if (pos > bytes.length) return undefined;
        out.push({ key, value: bytes.slice(start, pos) });
        break;
      case 2: {
        const length = readVarint();
        if (length === undefined || pos + length > bytes.length) return undefined;
        const body = bytes.slice(pos, pos + length);
        pos += length;
        out.push({ key, value: (body.length > 0 && parse(body)) || body });
        break;
      }
      default:
        return undefined;
    }
  }
  return out;
}

const padded = (bytes: number[], pad = 0): number[] => (pad === 0 ? bytes : [...bytes.slice(0, -1), (bytes.at(-1) as number) | 0x80, ...Array(pad - 1).fill(0x80), 0]);

function serialize(records: Record[]): number[] {
  return records.flatMap((r) => {
    const key = padded(varint(r.key), r.padKey);
    if (r.key % 8 !== 2) return [...key, ...(r.value as Uint8Array)];
    const body = r.value instanceof Uint8Array ? [...r.value] : serialize(r.value);
    return [...key, ...padded(varint(body.length), r.padLength), ...body];
  });
}

// Every record list in the tree (the top one first), so a mutation can land at any depth.
function lists(records: Record[]): Record[][] {
  return [records, ...records.flatMap((r) => (Array.isArray(r.value) ? lists(r.value) : []))];
}

type Mutation = (records: Record[], pick: (n: number) => number) => void;

const mutations: Mutation[] = [
  (rs, pick) => {
    // swap two neighbours
    const at = pick(rs.length - 1);
    if (rs.length > 1) [rs[at], rs[at + 1]] = [rs[at + 1] as Record, rs[at] as Record];
  },
  (rs, pick) => rs.length > 0 && rs.splice(pick(rs.length), 0, structuredClone(rs[pick(rs.length)] as Record)),
  (rs, pick) => rs.length > 0 && rs.splice(pick(rs.length), 1),
  (rs, pick) => {
    // a new field: known or not, a zero, a one, an empty body or a large varint
    const number = 1 + pick(12);
    const wire = [0, 2, 5, 1][pick(4)] as number;
    const values = wire === 2 ? [new Uint8Array(), new Uint8Array([0x61])] : wire === 0 ? [new Uint8Array([0]), new Uint8Array([1]), new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]), new Uint8Array([...Array(9).fill(0xff), 1])] : [new Uint8Array(wire === 1 ? 8 : 4)];
    rs.splice(pick(rs.length + 1), 0, { key: number * 8 + wire, value: values[pick(values.length)] as Uint8Array });
  },
  (rs, pick) => {
    const r = rs[pick(rs.length)];
    if (r !== undefined) r.padKey = 1 + pick(3);
  },
  (rs, pick) => {
    const r = rs[pick(rs.length)];
    if (r !== undefined && r.key % 8 === 2) r.padLength = 1 + pick(3);
  },
  (rs, pick) => {
    // a varint value padded, zeroed, set to two or to a 10-byte negative
    const r = rs[pick(rs.length)];
    if (r === undefined || r.key % 8 !== 0) return;
    const v = r.value as Uint8Array;
    const options = [new Uint8Array(padded([...v], 1 + pick(2))), new Uint8Array([0]), new Uint8Array([2]), new Uint8Array([...Array(9).fill(0xff), 1])];
    r.value = options[pick(options.length)] as Uint8Array;
  },
  (rs, pick) => {
    // text broken: a leading byte-order mark, a lone surrogate, a bad byte, or emptied
    const r = rs[pick(rs.length)];
    if (r === undefined || r.key % 8 !== 2) return;
    const body = r.value instanceof Uint8Array ? [...r.value] : serialize(r.value);
    const options = [[0xef, 0xbb, 0xbf, ...body], [...body, 0xed, 0xa0, 0x80], [...body, 0xff], [...body, 0xc3, 0xa9], []];
    r.value = new Uint8Array(options[pick(options.length)] as number[]);
  },
  (rs, pick) => {
    // the key's wire type changed
    const r = rs[pick(rs.length)];
    if (r !== undefined) r.key = r.key - (r.key % 8) + ([0, 1, 2, 5][pick(4)] as number);
  },
];

function mutate(bytes: Uint8Array, choices: number[]): Uint8Array {
  let k = 0;
  const pick = (n: number) => (n <= 0 ? 0 : (choices[k++ % choices.length] as number) % n);
  const records = parse(bytes);
  if (records === undefined) return bytes;
  const count = 1 + pick(3);
  for (let i = 0; i < count; i++) {
    const all = lists(records);
    (mutations[pick(mutations.length)] as Mutation)(all[pick(all.length)] as Record[], pick);
  }
  const out = new Uint8Array(serialize(records));
  // Sometimes a raw byte flip too.
  if (pick(4) === 0 && out.length > 0) {
    const at = pick(out.length);
    out[at] = (out[at] as number) ^ (1 << pick(8));
  }
  return out;
}

describe("one-pass canonical check against decode, re-encode and compare", () => {
  it("proves every toBinary encoding of a random valid event canonical (the fast path covers honest events)", () => {
    fc.assert(
      fc.property(arbitraries.event, (event) => {
        const bytes = toBinary(ShopEventSchema, event);
        expect(provedCanonical({ schema: ShopEventSchema, bytes })).toBe(true);
        expect(byDecoder(bytes)).toBe("canonical");
      }),
      { numRuns: RUNS, seed: 23 },
    );
  });

  it("refuses and accepts exactly as the re-encoding check on random mutations, and proves nothing that is not canonical", () => {
    const outcomes = new Map<string, number>();
    let proved = 0;
    let unproved = 0;
    fc.assert(
      fc.property(arbitraries.event, fc.array(fc.nat(), { minLength: 16, maxLength: 16 }), (event, choices) => {
        const bytes = mutate(toBinary(ShopEventSchema, event), choices);
        const expected = byReencoding(bytes);
        expect(byDecoder(bytes), `bytes 0x${Buffer.from(bytes).toString("hex")}`).toBe(expected);
        if (provedCanonical({ schema: ShopEventSchema, bytes })) {
          proved++;
          expect(expected, `proved canonical: 0x${Buffer.from(bytes).toString("hex")}`).toBe("canonical");
        } else if (expected === "canonical") {
          // Canonical yet not proved: only with unknown fields, which toBinary writes last (and signing refuses later).
          expect(hasUnknown(decodeShopEvent({ bytes })), `canonical, not proved: 0x${Buffer.from(bytes).toString("hex")}`).toBe(true);
          unproved++;
        }
        outcomes.set(expected, (outcomes.get(expected) ?? 0) + 1);
      }),
      { numRuns: RUNS * 10, seed: 2323 },
    );
    // The mutations reach every verdict: still canonical (e.g. a swap of equal records), non-canonical, undecodable.
    expect(outcomes.get("NonCanonicalEncodingError NON_CANONICAL_ENCODING") ?? 0).toBeGreaterThan(RUNS);
    expect(outcomes.get("canonical") ?? 0).toBeGreaterThan(0);
    expect(proved + unproved).toBe(outcomes.get("canonical"));
    expect(proved).toBeGreaterThan(unproved);
    expect([...outcomes.keys()].some((k) => k.startsWith("DecodeError"))).toBe(true);
  });

  it("refuses each non-canonical form the rule names (docs/verifying-events.md), through the re-encoding where the pass proves nothing", () => {
    const canonical = toBinary(ShopEventSchema, fc.sample(arbitraries.event, { numRuns: 1, seed: 5 })[0] as never);
    const forms: [string, Uint8Array][] = [
      ["fields out of order", new Uint8Array(serialize((parse(canonical) as Record[]).reverse()))],
      ["a padded field key", new Uint8Array([...padded(varint(canonical[0] as number), 1), ...canonical.subarray(1)])],
      ["an explicit zero nonce", new Uint8Array([0x08, 0x00, ...canonical])],
    ];
    for (const [name, bytes] of forms) {
      expect(provedCanonical({ schema: ShopEventSchema, bytes }), name).toBe(false);
      expect(byDecoder(bytes), name).toBe(byReencoding(bytes));
      expect(byDecoder(bytes), name).not.toBe("canonical");
    }
  });
});
