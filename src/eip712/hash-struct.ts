// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// EIP-712 hashStruct straight from protobuf-es messages, using the generated
// type hashes: one keccak per struct, array and dynamic value, nothing more.
import { keccak256, keccak256Into, keccak256Utf8Into, keccakScratchInto, scratch } from "../crypto/keccak.js";
import type { ElementPlan, StructPlan } from "./plan.js";
import { Problem } from "./problem.js";
import { atomicRaw, checkMessage, checkOneofs, checkScalar, fieldValue } from "./values.js";

const EMPTY_ARRAY_HASH = keccak256(new Uint8Array(0));
// Plans are built once per schema and kept, so a Map (faster than a WeakMap here) holds no garbage.
const templates = new Map<StructPlan, Uint8Array>();
// encodeData buffers are taken from the keccak module's scratch space, used as a stack: no
// allocation per struct (V8 gives typed arrays over 64 bytes off-heap storage) and no copy to hash.
let top = 0;

/**
 * keccak256(typeHash ‖ encodeData(message)) for a message of `plan`'s type.
 * @example hashStruct(planFor(ShopEventSchema), event)
 */
export function hashStruct(plan: StructPlan, message: unknown): Uint8Array {
  const digest = new Uint8Array(32);
  hashStructInto(plan, message, digest, 0);
  return digest;
}

/** hashStruct written into `target` at `offset`: nested structs hash straight into their parent's buffer. */
function hashStructInto(plan: StructPlan, message: unknown, target: Uint8Array, offset: number): void {
  const fields = plan.fields;
  const record = checkMessage(message, plan.typeName);
  if (plan.oneofs.length > 0) checkOneofs(plan, record);
  const words = templates.get(plan) ?? template(plan);
  const base = top;
  const start = take(words.length);
  const out = start < 0 ? words.slice() : scratch;
  const at = Math.max(start, 0);
  if (start >= 0) scratch.set(words, start);
  try {
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      try {
        const value = fieldValue(record, field);
        if (field.array) {
          // Empty arrays (most union members of a ShopEvent) already hold their hash in the template.
          const items = value as readonly unknown[];
          if (items.length > 0) hashArrayInto(field.element, items, field.repeated, out, at + 32 * (i + 1));
        } else {
          encodeElement(field.element, value, out, at + 32 * (i + 1));
        }
      } catch (error) {
        if (error instanceof Problem) error.within(field.name);
        throw error;
      }
    }
    hashRange(out, at, words.length, target, offset);
  } finally {
    top = base;
  }
}

/** The start of `size` bytes of scratch space above the current top, or -1 when they do not fit. */
function take(size: number): number {
  if (top + size > scratch.length) return -1;
  top += size;
  return top - size;
}

/** keccak-256 of `buffer[start, start + length)` into `target` at `offset`: in place when `buffer` is the scratch space. */
function hashRange(buffer: Uint8Array, start: number, length: number, target: Uint8Array, offset: number): void {
  if (buffer === scratch) keccakScratchInto(start, length, target, offset);
  else keccak256Into(buffer.subarray(start, start + length), target, offset);
}

/** A struct's encodeData buffer before any value: its type hash, the empty-array hash in every array slot, zeros elsewhere. */
function template(plan: StructPlan): Uint8Array {
  const words = new Uint8Array(32 * (plan.fields.length + 1));
  words.set(plan.typeHash, 0);
  plan.fields.forEach((field, i) => {
    if (field.array) words.set(EMPTY_ARRAY_HASH, 32 * (i + 1));
  });
  templates.set(plan, words);
  return words;
}

/** Writes the hash of a non-empty array (the keccak of its elements' words) into `out` at `offset`. */
function hashArrayInto(element: ElementPlan, items: readonly unknown[], indexed: boolean, out: Uint8Array, offset: number): void {
  const base = top;
  const size = 32 * items.length;
  const start = take(size);
  const words = start < 0 ? new Uint8Array(size) : scratch.fill(0, start, start + size);
  const at = Math.max(start, 0);
  try {
    for (let j = 0; j < items.length; j++) {
      try {
        encodeElement(element, items[j], words, at + 32 * j);
      } catch (error) {
        // 0-or-1 presence arrays are not lists: their element keeps the field's own path.
        if (error instanceof Problem && indexed) error.within(`[${j}]`);
        throw error;
      }
    }
    hashRange(words, at, size, out, offset);
  } finally {
    top = base;
  }
}

/** Writes the 32-byte encodeData word of one value at `offset` (buffer starts zeroed). */
function encodeElement(element: ElementPlan, value: unknown, out: Uint8Array, offset: number): void {
  if (element.kind === "struct") {
    hashStructInto(element.plan, value, out, offset);
    return;
  }
  if (element.kind === "atomic") {
    const raw = atomicRaw(element, value);
    if (typeof raw === "string") keccak256Utf8Into(raw, out, offset);
    else if (element.type === "bytes") keccak256Into(raw, out, offset);
    else if (element.type === "address") out.set(raw, offset + 12);
    else out.set(raw, offset); // uint256 and bytes32 fill the word; bytes8 is left-aligned
    return;
  }
  const scalar = checkScalar(element.type, value);
  switch (typeof scalar) {
    case "bigint":
      writeInt64(scalar, out, offset);
      return;
    case "number":
      writeInt32(scalar, out, offset);
      return;
    case "boolean":
      out[offset + 31] = scalar ? 1 : 0;
      return;
    case "string":
      keccak256Utf8Into(scalar, out, offset);
      return;
    default:
      keccak256Into(scalar, out, offset);
  }
}

// Two's complement over the whole word: negative values are sign-extended with 0xff.
function writeInt64(value: bigint, out: Uint8Array, offset: number): void {
  if (value < 0n) out.fill(0xff, offset, offset + 24);
  // Two 32-bit halves: far fewer BigInt operations than a byte at a time (one for most nonces and amounts).
  if (value >= 0n && value <= 0x1fffffffffffffn) {
    const n = Number(value);
    writeUint32(Math.floor(n / 0x100000000), out, offset + 24);
    writeUint32(n >>> 0, out, offset + 28);
    return;
  }
  const v = BigInt.asUintN(64, value);
  writeUint32(Number(v >> 32n), out, offset + 24);
  writeUint32(Number(v & 0xffffffffn), out, offset + 28);
}

function writeUint32(v: number, out: Uint8Array, at: number): void {
  out[at] = v >>> 24;
  out[at + 1] = (v >>> 16) & 0xff;
  out[at + 2] = (v >>> 8) & 0xff;
  out[at + 3] = v & 0xff;
}

function writeInt32(value: number, out: Uint8Array, offset: number): void {
  if (value < 0) out.fill(0xff, offset, offset + 28);
  writeUint32(value >>> 0, out, offset + 28);
}
