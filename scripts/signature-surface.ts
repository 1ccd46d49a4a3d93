// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// What signatures cover, read from a generated EIP-712 table
// (gen/market/mass/eip712_pb.ts), and the differences between two of them.
import { keccak_256 } from "@noble/hashes/sha3";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";

/** One EIP-712 struct member. */
export interface Member {
  readonly name: string;
  readonly type: string;
}

/** One struct as a primary type's typed data has it. */
export interface SurfaceStruct {
  readonly members: readonly Member[];
  readonly encodeType: string;
  readonly typeHash: string;
}

/** One primary type: the type URL its message travels under, and every struct it reaches. */
export interface SurfacePrimary {
  readonly typeUrl: string;
  readonly structs: ReadonlyMap<string, SurfaceStruct>;
}

/** The mapping version (the EIP-712 domain `version`) and every primary type. */
export interface SignatureSurface {
  readonly version: string;
  readonly primaries: ReadonlyMap<string, SurfacePrimary>;
}

type Types = Readonly<Record<string, readonly Member[]>>;

/** EIP-712 encodeType of `name` within `types`: the struct, then every struct it references, sorted. */
function encodeTypeOf(name: string, types: Types): string {
  const found = new Set<string>();
  const visit = (current: string): void => {
    for (const { type } of types[current] ?? []) {
      const base = type.replace(/(\[\d*\])+$/, "");
      if (base !== name && types[base] !== undefined && !found.has(base)) {
        found.add(base);
        visit(base);
      }
    }
  };
  visit(name);
  const one = (n: string): string => `${n}(${(types[n] ?? []).map((m) => `${m.type} ${m.name}`).join(",")})`;
  return [name, ...[...found].sort()].map(one).join("");
}

/**
 * Reads the surface from a generated table module: `eip712MappingVersion`,
 * `eip712Structs` (proto name → struct) and one `<primary>Eip712Types` per primary type.
 * @example const surface = surfaceOf({ table: await import("../gen/market/mass/eip712_pb.js") });
 */
export function surfaceOf({ table }: { table: Readonly<Record<string, unknown>> }): SignatureSurface {
  const version = String(table.eip712MappingVersion);
  const structs = (table.eip712Structs ?? {}) as Readonly<Record<string, { name: string }>>;
  const primaries = new Map<string, SurfacePrimary>();
  for (const [exportName, value] of Object.entries(table)) {
    if (!exportName.endsWith("Eip712Types")) continue;
    const types = value as Types;
    const primary = Object.keys(types)[0];
    if (primary === undefined) continue;
    const protoName = Object.entries(structs).find(([, s]) => s.name === primary)?.[0] ?? primary;
    const surfaceStructs = new Map<string, SurfaceStruct>();
    for (const name of Object.keys(types).sort()) {
      const encodeType = encodeTypeOf(name, types);
      surfaceStructs.set(name, { members: types[name] ?? [], encodeType, typeHash: `0x${bytesToHex(keccak_256(utf8ToBytes(encodeType)))}` });
    }
    primaries.set(primary, { typeUrl: `type.googleapis.com/${protoName}`, structs: surfaceStructs });
  }
  return { version, primaries };
}

/** How the members of one struct changed, in words. */
function memberChanges(then: readonly Member[], now: readonly Member[]): string[] {
  const lines: string[] = [];
  const before = new Map(then.map((m) => [m.name, m.type]));
  const after = new Map(now.map((m) => [m.name, m.type]));
  for (const [name, type] of before) {
    const next = after.get(name);
    if (next === undefined) lines.push(`member \`${type} ${name}\` removed (or renamed)`);
    else if (next !== type) lines.push(`member \`${name}\` changed type: ${type} → ${next}${next === `${type}[]` ? " (a field became `optional` or a message; absent is now [])" : ""}`);
  }
  for (const [name, type] of after) if (!before.has(name)) lines.push(`member \`${type} ${name}\` added`);
  const order = (list: readonly Member[], other: ReadonlyMap<string, string>) => list.map((m) => m.name).filter((n) => other.has(n));
  if (order(then, after).join() !== order(now, before).join()) {
    lines.push(`members reordered: (${order(then, after).join(", ")}) → (${order(now, before).join(", ")}); members follow field declaration order`);
  }
  return lines;
}

/**
 * Every difference between two surfaces, one line each, grouped by primary type and struct.
 * Empty when signatures are unchanged (the version is compared by the caller).
 * @example const lines = surfaceChanges({ then: surfaceOf({ table: old }), now: surfaceOf({ table: current }) });
 */
export function surfaceChanges({ then, now }: { then: SignatureSurface; now: SignatureSurface }): string[] {
  const lines: string[] = [];
  for (const [primary, before] of then.primaries) {
    const after = now.primaries.get(primary);
    if (after === undefined) {
      lines.push(`primary type ${primary} (${before.typeUrl}) is gone${now.primaries.size > 0 ? `; primary types now: ${[...now.primaries.keys()].join(", ")}` : ""} (renamed, or its package renamed?)`);
      continue;
    }
    if (before.typeUrl !== after.typeUrl) lines.push(`${primary}: type URL ${before.typeUrl} → ${after.typeUrl} (message or package renamed)`);
    for (const [name, struct] of before.structs) {
      const next = after.structs.get(name);
      if (next === undefined) {
        lines.push(`${primary} › ${name}: struct no longer reachable (removed or renamed)`);
        continue;
      }
      if (next.typeHash === struct.typeHash) continue;
      const own = memberChanges(struct.members, next.members);
      const referenced = [...after.structs.keys()].filter((n) => n !== name && next.encodeType.includes(`${n}(`) && before.structs.get(n)?.typeHash !== after.structs.get(n)?.typeHash);
      lines.push(`${primary} › ${name}: type hash ${struct.typeHash} → ${next.typeHash}`);
      for (const change of own) lines.push(`    ${change}`);
      if (referenced.length > 0) lines.push(`    references changed or new structs: ${referenced.join(", ")}`);
    }
    for (const name of after.structs.keys()) if (!before.structs.has(name)) lines.push(`${primary} › ${name}: new struct`);
  }
  for (const [primary, after] of now.primaries) if (!then.primaries.has(primary)) lines.push(`new primary type ${primary} (${after.typeUrl})`);
  return lines;
}
