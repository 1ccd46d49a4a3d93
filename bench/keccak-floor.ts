// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The bare-keccak floor of hashEvent: a tiny, independent EIP-712 encoder over
// the typed data (viem's input form) that records the input size of every
// keccak-256 call hashEvent has to make. Its digest is checked against viem's,
// which proves the walk follows the encoding rules, and so that the recorded
// calls are exactly the ones the encoding needs. The floor replays the recorded
// inputs, so its last output is the digest itself, checked before timing.
import { keccak_256 } from "@noble/hashes/sha3";
import { bytesToHex, encodeAbiParameters, hashDomain, hashTypedData, hexToBytes, type Hex } from "viem";
import { eip712Structs } from "../gen/market/mass/eip712_pb.js";
import { type EventDomain, eventTypedData, type ShopEvent } from "../src/index.js";

type Types = Readonly<Record<string, readonly { readonly name: string; readonly type: string }[]>>;

export interface KeccakPlan {
  /** Input length in bytes of each keccak-256 call, in call order. */
  readonly sizes: readonly number[];
  /** The input of each keccak-256 call, in call order (the last one's hash is the digest). */
  readonly inputs: readonly Uint8Array[];
  /** The EIP-712 digest the walk computed (equal to viem's, checked). */
  readonly digest: Hex;
}

// hashEvent takes type hashes from the generated tables, so they cost no keccak call.
const typeHashes = new Map<string, Uint8Array>(Object.values(eip712Structs).map((s) => [s.name, hexToBytes(s.typeHash as Hex)]));
const utf8 = new TextEncoder();

/**
 * Counts the keccak-256 calls (and their input sizes) of one hashEvent: one per
 * struct, per non-empty array, per string/bytes value, plus the final 0x1901
 * hash; the domain separator (cached per domain) and empty-array hashes (a
 * constant) are not calls.
 * @example keccakPlan({ event, domain }).sizes.length
 */
export function keccakPlan({ event, domain }: { event: ShopEvent; domain: EventDomain }): KeccakPlan {
  const typedData = eventTypedData({ event, domain }) as unknown as Parameters<typeof hashTypedData>[0];
  const types = typedData.types as unknown as Types;
  const sizes: number[] = [];
  const inputs: Uint8Array[] = [];
  const keccak = (input: Uint8Array): Uint8Array => {
    sizes.push(input.length);
    inputs.push(input.slice());
    return keccak_256(input);
  };

  const hashStruct = (type: string, data: Record<string, unknown>): Uint8Array => {
    const members = types[type];
    const typeHash = typeHashes.get(type);
    if (!members || !typeHash) throw new Error(`keccak floor: unknown struct ${type}`);
    const words = new Uint8Array(32 * (members.length + 1));
    words.set(typeHash, 0);
    members.forEach((member, i) => words.set(encodeValue(member.type, data[member.name]), 32 * (i + 1)));
    return keccak(words);
  };

  const encodeValue = (type: string, value: unknown): Uint8Array => {
    if (type.endsWith("[]")) {
      const items = value as readonly unknown[];
      if (items.length === 0) return keccak_256(new Uint8Array(0)); // a constant in hashEvent, not a call
      const words = new Uint8Array(32 * items.length);
      items.forEach((item, j) => words.set(encodeValue(type.slice(0, -2), item), 32 * j));
      return keccak(words);
    }
    if (types[type]) return hashStruct(type, value as Record<string, unknown>);
    if (type === "string") return keccak(utf8.encode(value as string));
    if (type === "bytes") return keccak(hexToBytes(value as Hex));
    return hexToBytes(encodeAbiParameters([{ type }], [value]));
  };

  const structHash = hashStruct(typedData.primaryType as string, typedData.message as Record<string, unknown>);
  const final = new Uint8Array(66);
  final.set([0x19, 0x01], 0);
  final.set(hexToBytes(hashDomain({ domain: typedData.domain ?? {}, types: typedData.types })), 2);
  final.set(structHash, 34);
  const digest = bytesToHex(keccak(final));
  const reference = hashTypedData(typedData);
  if (digest !== reference) throw new Error(`keccak floor: walk digest ${digest} differs from viem's ${reference}`);
  return { sizes, inputs, digest };
}

/** A keccak-256 implementation: @noble/hashes' or ours (src/crypto/keccak.ts). */
export type Keccak = (input: Uint8Array) => Uint8Array;

/**
 * A function doing exactly the keccak-256 calls of a plan, with `keccak`, on
 * the recorded inputs in preallocated buffers: the floor no EIP-712 hasher
 * built on that keccak can beat. It returns the last call's output, the digest.
 * @example const floor = keccakFloor({ inputs }, keccak_256); floor();
 */
export function keccakFloor({ inputs }: { inputs: readonly Uint8Array[] }, keccak: Keccak): () => Uint8Array {
  const buffers = inputs.map((input) => input.slice());
  return () => {
    let last: Uint8Array = new Uint8Array(0);
    for (const buffer of buffers) last = keccak(buffer);
    return last;
  };
}

/** Keccak-f permutations a call of `size` bytes costs (rate 136, with padding). */
export function keccakBlocks(size: number): number {
  return Math.floor(size / 136) + 1;
}
