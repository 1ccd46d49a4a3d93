// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// EIP-712 encodeType and typeHash for mapped structs, computed once at generation time.
import { keccak_256 } from "@noble/hashes/sha3";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { MappedStruct } from "./mapping.js";

/** Struct names referenced by `struct`, transitively, excluding itself. */
export function referencedStructs(struct: MappedStruct, byName: ReadonlyMap<string, MappedStruct>): string[] {
  const found = new Set<string>();
  const visit = (current: MappedStruct): void => {
    for (const field of current.fields) {
      const base = field.type.endsWith("[]") ? field.type.slice(0, -2) : field.type;
      const target = byName.get(base);
      if (target && target.name !== struct.name && !found.has(base)) {
        found.add(base);
        visit(target);
      }
    }
  };
  visit(struct);
  return [...found].sort();
}

/** `Name(type name,…)` followed by every referenced struct, sorted by name (EIP-712 §encodeType). */
export function encodeType(struct: MappedStruct, byName: ReadonlyMap<string, MappedStruct>): string {
  const one = (s: MappedStruct): string => `${s.name}(${s.fields.map((f) => `${f.type} ${f.name}`).join(",")})`;
  return [struct, ...referencedStructs(struct, byName).map((n) => byName.get(n) as MappedStruct)].map(one).join("");
}

/** keccak256 of encodeType, as 0x-prefixed hex. */
export function typeHash(struct: MappedStruct, byName: ReadonlyMap<string, MappedStruct>): `0x${string}` {
  return `0x${bytesToHex(keccak_256(utf8ToBytes(encodeType(struct, byName))))}`;
}
