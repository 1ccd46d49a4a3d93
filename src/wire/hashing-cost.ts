// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { DescMessage } from "@bufbuild/protobuf";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { type ElementPlan, type FieldPlan, planFor, type StructPlan } from "../eip712/plan.js";
import { DecodeError } from "../errors/decode-error.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { HashingBudgetError } from "../errors/hashing-budget-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { positiveCount } from "./decode-bounded.js";
import { MalformedWire, readRecord, readVarint } from "./wire-reader.js";

/** The work of hashing one event: keccak-256 calls and bytes fed to them. */
export interface HashingCost {
  readonly keccakCalls: number;
  readonly hashedBytes: number;
}

/** Most hashing work one event may cost, and most items one repeated field may hold. */
export interface HashingBudget {
  readonly maxKeccakCalls: number;
  readonly maxHashedBytes: number;
  readonly maxItemsPerField: number;
  /**
   * Most ids in a variation combination (`variation_ids` of ListingStockStatus,
   * OrderedItem, ChangeInventory): the schema says one variation per option,
   * so this is a bound on a listing's options, far below `maxItemsPerField`.
   */
  readonly maxVariationsPerCombination: number;
}

/**
 * Default {@link HashingBudget}. The largest realistic events use under half
 * of it (test/security/hashing-cost.test.ts: a listing with 6 options of 8
 * variations, 717 calls and 45 KB hashed; an order of 128 items, 394 calls;
 * a manifest of 48 shipping regions with fees, 725 calls and 41 KB), and the
 * costliest event it admits (1,842 keccak permutations) opens in about 10× the time of a normal Tag
 * (`npm run bench`, bench/RESULTS.md). Relays that take bigger events from
 * trusted merchants raise it per call.
 */
export const DEFAULT_HASHING_BUDGET: HashingBudget = Object.freeze({
  maxKeccakCalls: 1536,
  maxHashedBytes: 96 * 1024,
  maxItemsPerField: 1024,
  maxVariationsPerCombination: 64,
});

export interface EventHashingCostParameters {
  /** ShopEvent bytes, e.g. `SignedEvent.event.value`. */
  readonly eventBytes: Uint8Array;
  /** Stop early and throw once over this budget; defaults to {@link DEFAULT_HASHING_BUDGET}. */
  readonly budget?: Partial<HashingBudget> | undefined;
}

/**
 * The EIP-712 hashing cost of an event, counted in one pass over its wire
 * bytes, before they are decoded or hashed: one keccak per struct, per
 * non-empty array and per string or bytes value (also absent ones, which
 * hash as empty), as `hashEvent` does. Repeated wire fields are added up,
 * so the count never falls short of the real work; each field the schema
 * does not know counts as one call (it is decoded and kept, not hashed).
 * Every decode of a ShopEvent in this package runs it first, so decoding is
 * bounded too. Groups (wire types 3 and 4, unused by this schema) are refused.
 *
 * @throws HashingBudgetError beyond the budget, DecodeError for malformed bytes, FieldValueError for a bad budget
 * @example
 * const { keccakCalls, hashedBytes } = eventHashingCost({ eventBytes });
 */
export function eventHashingCost(parameters: EventHashingCostParameters): HashingCost {
  const { eventBytes, budget } = objectParameter(parameters);
  if (!(eventBytes instanceof Uint8Array)) throw new FieldValueError("WRONG_TYPE", "expected a Uint8Array", { path: "eventBytes" });
  return measureCost({ schema: ShopEventSchema, bytes: eventBytes, budget: resolveBudget({ budget }), path: "eventBytes" });
}

/**
 * A budget with defaults filled in; each limit must be a positive safe integer (NaN, Infinity and 0 are refused, never "no limit").
 * @example resolveBudget({ budget: { maxKeccakCalls: 10_000 } })
 */
export function resolveBudget({ budget }: { budget?: unknown }): HashingBudget {
  // The default is frozen: every event opened without a budget shares it.
  if (budget === undefined) return DEFAULT_HASHING_BUDGET;
  if (typeof budget !== "object" || budget === null) throw new FieldValueError("WRONG_TYPE", "expected a HashingBudget object", { path: "hashingBudget" });
  const out: Record<string, number> = { ...DEFAULT_HASHING_BUDGET };
  for (const key of Object.keys(budget)) {
    const value = (budget as Record<string, unknown>)[key];
    if (!(key in DEFAULT_HASHING_BUDGET)) throw new FieldValueError("WRONG_TYPE", "expected only maxKeccakCalls, maxHashedBytes, maxItemsPerField, maxVariationsPerCombination", { path: `hashingBudget.${key}` });
    if (value === undefined) continue;
    out[key] = positiveCount({ value, path: `hashingBudget.${key}` });
  }
  return out as unknown as HashingBudget;
}

interface Tally {
  calls: number;
  bytes: number;
  readonly budget: HashingBudget;
  readonly path: string;
}

/**
 * Cost of `bytes` as a message of `schema`, throwing as soon as it exceeds `budget`.
 * @example measureCost({ schema: ShopEventSchema, bytes, budget, path: "bytes" })
 */
export function measureCost({ schema, bytes, budget, path }: { schema: DescMessage; bytes: Uint8Array; budget: HashingBudget; path: string }): HashingCost {
  const tally: Tally = { calls: 0, bytes: 0, budget, path };
  try {
    structCost(planFor(schema), bytes, 0, bytes.length, tally);
  } catch (error) {
    if (error instanceof MalformedWire) throw new DecodeError({ typeName: schema.typeName, path, cause: new Error(error.message) });
    throw error;
  }
  return { keccakCalls: tally.calls, hashedBytes: tally.bytes };
}

function charge(tally: Tally, calls: number, bytes: number): void {
  tally.calls += calls;
  tally.bytes += bytes;
  if (tally.calls > tally.budget.maxKeccakCalls) throw new HashingBudgetError({ path: tally.path, resource: "keccakCalls", limit: tally.budget.maxKeccakCalls });
  if (tally.bytes > tally.budget.maxHashedBytes) throw new HashingBudgetError({ path: tally.path, resource: "hashedBytes", limit: tally.budget.maxHashedBytes });
}

const byNumber = new WeakMap<StructPlan, Map<number, FieldPlan>>();
function fieldsByNumber(plan: StructPlan): Map<number, FieldPlan> {
  let map = byNumber.get(plan);
  if (map === undefined) {
    map = new Map(plan.fields.map((f) => [f.number, f]));
    byNumber.set(plan, map);
  }
  return map;
}

// A string or bytes value is one keccak call; numbers and fixed-size wrappers are written into the struct's words.
const hashesOwnValue = (element: ElementPlan): boolean =>
  (element.kind === "scalar" && (element.type === "string" || element.type === "bytes")) || (element.kind === "atomic" && element.length === 0);

// Numbers and booleans travel as varints (or packed in a length-delimited run when repeated).
const isPackable = (field: FieldPlan): boolean => field.element.kind === "scalar" && !hashesOwnValue(field.element);

function structCost(plan: StructPlan, buf: Uint8Array, start: number, end: number, tally: Tally): void {
  charge(tally, 1, 32 * (plan.fields.length + 1));
  const fields = fieldsByNumber(plan);
  const items = new Map<FieldPlan, number>();
  for (let pos = start; pos < end; ) {
    const record = readRecord({ buf, pos, end });
    pos = record.end;
    const { wireType, valueStart: bodyStart } = record;
    const field = fields.get(record.number);
    const element = field?.element;
    const lengthDelimited = wireType === 2;
    // Unknown fields (and, as protobuf-go reads them, known ones with the wrong wire type) are not
    // hashed, but decoding and keeping them is work: each counts as one call.
    if (field === undefined || element === undefined || (lengthDelimited ? isPackable(field) && !field.repeated : wireType !== 0 || !isPackable(field))) {
      charge(tally, 1, 0);
      continue;
    }
    if (isPackable(field)) {
      items.set(field, (items.get(field) ?? 0) + (lengthDelimited ? countVarints(buf, bodyStart, pos) : 1));
      continue;
    }
    items.set(field, (items.get(field) ?? 0) + 1);
    if (element.kind === "struct") structCost(element.plan, buf, bodyStart, pos, tally);
    else if (!hashesOwnValue(element)) continue; // fixed-size wrappers (address, uint256, bytes8, bytes32) fill a word
    else if (element.kind === "atomic") charge(tally, 1, wrappedLength(buf, bodyStart, pos));
    else charge(tally, 1, pos - bodyStart);
  }
  for (const field of plan.fields) {
    const count = items.get(field) ?? 0;
    if (field.array) {
      // A combination picks one variation per option: its meaning bounds it well below any list.
      const limit = field.name === "variation_ids" ? tally.budget.maxVariationsPerCombination : tally.budget.maxItemsPerField;
      if (field.repeated && count > limit) throw new HashingBudgetError({ path: `${tally.path} (${plan.typeName}.${field.name})`, resource: "items", limit });
      if (count > 0) charge(tally, 1, 32 * count);
    } else if (count === 0) {
      // Absent singular values are hashed too: an empty string, or a struct of defaults.
      if (field.element.kind === "struct") structCost(field.element.plan, buf, 0, 0, tally);
      else if (hashesOwnValue(field.element)) charge(tally, 1, 0);
    }
  }
}

// The bytes inside a string/bytes wrapper message: what its keccak call hashes.
function wrappedLength(buf: Uint8Array, start: number, end: number): number {
  let total = 0;
  for (let pos = start; pos < end; ) {
    const key = readVarint(buf, pos, end);
    if (key.value % 8 !== 2) return end - start; // not a plain wrapper: count every byte, never less than the work
    const length = readVarint(buf, key.next, end);
    total += length.value;
    pos = length.next + length.value;
  }
  return total;
}

function countVarints(buf: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let pos = start; pos < end; pos++) if ((buf[pos] as number) < 0x80) count++;
  return count;
}
