// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// One pass over decoded bytes that proves they are what `toBinary` would
// write for the decoded message, so the common case skips the re-encoding.
// It only ever says "proved": anything it does not prove (unknown fields,
// negative int32, 10-byte varints, floats, maps, groups, ...) is left to the
// re-encoding check, which alone decides refusals (decode-canonical-event.ts).
import type { DescEnum, DescField, DescMessage } from "@bufbuild/protobuf";
import { ScalarType } from "@bufbuild/protobuf";

// How a value is checked: varints by width and signedness, bytes-like by content, or not proved at all.
type Kind = "int32" | "uint32" | "varint64" | "bool" | "fixed32" | "fixed64" | "string" | "bytes" | "message" | "unproved";

interface Rule {
  readonly kind: Kind;
  readonly wireType: number;
  /** A zero value is not written (proto3 field without presence). */
  readonly implicit: boolean;
  /** One packed record holding every item. */
  readonly packed: boolean;
  /** Several records of this field, one per item, in a row. */
  readonly unpacked: boolean;
  /** Index of the field's oneof in its message, or -1. */
  readonly oneof: number;
  readonly message: Plan | undefined;
}

interface Plan {
  readonly rules: Map<number, Rule>;
}

const plans = new WeakMap<DescMessage, Plan>();
const IMPLICIT = 2; // FeatureSet.FieldPresence.IMPLICIT

function planOf(desc: DescMessage): Plan {
  let plan = plans.get(desc);
  if (plan !== undefined) return plan;
  const rules = new Map<number, Rule>();
  plan = { rules };
  // Set before the fields so recursive messages find it.
  plans.set(desc, plan);
  for (const field of desc.fields) rules.set(field.number, ruleOf(desc, field));
  return plan;
}

function ruleOf(desc: DescMessage, field: DescField): Rule {
  const oneof = field.oneof === undefined ? -1 : desc.oneofs.indexOf(field.oneof);
  const base = { implicit: false, packed: false, unpacked: false, oneof, message: undefined };
  switch (field.fieldKind) {
    case "message":
      if (field.delimitedEncoding) return { ...base, kind: "unproved", wireType: -1 };
      return { ...base, kind: "message", wireType: 2, message: planOf(field.message) };
    case "scalar":
    case "enum": {
      const kind = field.fieldKind === "enum" ? enumKind(field.enum) : kindOf(field.scalar);
      return { ...base, kind, wireType: wireTypeOf(kind), implicit: field.presence === IMPLICIT && field.oneof === undefined };
    }
    case "list": {
      if (field.listKind === "message") return { ...base, kind: field.delimitedEncoding ? "unproved" : "message", wireType: 2, unpacked: true, message: planOf(field.message) };
      const kind = field.listKind === "enum" ? enumKind(field.enum) : kindOf(field.scalar);
      const lengthDelimited = kind === "string" || kind === "bytes";
      if (lengthDelimited || !field.packed) return { ...base, kind, wireType: wireTypeOf(kind), unpacked: true };
      return { ...base, kind, wireType: 2, packed: true };
    }
    default:
      return { ...base, kind: "unproved", wireType: -1 };
  }
}

// Open enums with 0 first are plain int32 values; a closed enum keeps unknown values aside, in `$unknown`.
const enumKind = (desc: DescEnum): Kind => (desc.open && desc.values[0]?.number === 0 ? "int32" : "unproved");

function kindOf(scalar: ScalarType): Kind {
  switch (scalar) {
    case ScalarType.INT32:
      return "int32";
    case ScalarType.UINT32:
    case ScalarType.SINT32:
      return "uint32";
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.SINT64:
      return "varint64";
    case ScalarType.BOOL:
      return "bool";
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return "fixed32";
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return "fixed64";
    case ScalarType.STRING:
      return "string";
    case ScalarType.BYTES:
      return "bytes";
    default:
      // Floats: -0 and NaN payloads do not survive a round trip.
      return "unproved";
  }
}

function wireTypeOf(kind: Kind): number {
  if (kind === "fixed64") return 1;
  if (kind === "fixed32") return 5;
  if (kind === "string" || kind === "bytes" || kind === "message") return 2;
  return kind === "unproved" ? -1 : 0;
}

/**
 * True when `bytes` (already decoded as `schema`) are provably the bytes
 * `toBinary` writes for what they decode to: fields in ascending number
 * order, each at most once (a repeated one in one run, numbers packed),
 * minimal varints, no zero value in a field without presence, one member
 * per oneof, valid UTF-8 without a leading byte-order mark. False means "not
 * proved", never "refused".
 *
 * @example
 * // false: not proved, so the caller re-encodes and compares the bytes instead.
 * const proved: boolean = provedCanonical({ schema: ShopEventSchema, bytes: new Uint8Array([8, 1]) });
 */
export function provedCanonical({ schema, bytes }: { schema: DescMessage; bytes: Uint8Array }): boolean {
  return message(planOf(schema), bytes, 0, bytes.length);
}

// The varint at `pos`: its end, or -1 when it is not minimal or longer than `max` bytes.
function varintEnd(buf: Uint8Array, pos: number, end: number, max: number): number {
  const stop = Math.min(end, pos + max);
  for (let at = pos; at < stop; at++) {
    const byte = buf[at] as number;
    if (byte < 0x80) return byte === 0 && at > pos ? -1 : at + 1;
  }
  return -1;
}

// A varint of at most 5 bytes as a number (callers checked its end).
function small(buf: Uint8Array, pos: number, next: number): number {
  let value = 0;
  for (let at = next - 1; at >= pos; at--) value = value * 128 + ((buf[at] as number) & 0x7f);
  return value;
}

function message(plan: Plan, buf: Uint8Array, start: number, end: number): boolean {
  let last = 0;
  let oneofs = 0;
  for (let pos = start; pos < end; ) {
    const keyEnd = varintEnd(buf, pos, end, 5);
    if (keyEnd < 0) return false;
    const key = small(buf, pos, keyEnd);
    const number = Math.floor(key / 8);
    const rule = plan.rules.get(number);
    if (rule === undefined || rule.kind === "unproved" || key % 8 !== rule.wireType) return false;
    if (number < last || (number === last && !rule.unpacked)) return false;
    last = number;
    if (rule.oneof >= 0) {
      // Two members of one oneof: the decoder keeps the last one only.
      if (rule.oneof > 30 || oneofs & (1 << rule.oneof)) return false;
      oneofs |= 1 << rule.oneof;
    }
    pos = keyEnd;
    if (rule.wireType !== 2) {
      pos = value(rule.kind, buf, pos, end, rule.implicit);
      if (pos < 0) return false;
      continue;
    }
    const lengthEnd = varintEnd(buf, pos, end, 5);
    if (lengthEnd < 0) return false;
    const length = small(buf, pos, lengthEnd);
    const bodyEnd = lengthEnd + length;
    if (bodyEnd > end) return false;
    if (!body(rule, buf, lengthEnd, bodyEnd)) return false;
    pos = bodyEnd;
  }
  return true;
}

function body(rule: Rule, buf: Uint8Array, start: number, end: number): boolean {
  if (rule.packed) {
    // An empty packed run is not written.
    if (start === end) return false;
    for (let pos = start; pos < end; ) {
      pos = value(rule.kind, buf, pos, end, false);
      if (pos < 0) return false;
    }
    return true;
  }
  if (rule.kind === "message") return message(rule.message as Plan, buf, start, end);
  if (rule.implicit && start === end) return false;
  return rule.kind === "bytes" || sameText(buf, start, end);
}

// End of one non-length-delimited value, or -1 when it is not written that way for what it decodes to.
function value(kind: Kind, buf: Uint8Array, pos: number, end: number, implicit: boolean): number {
  if (kind === "fixed32" || kind === "fixed64") {
    const next = pos + (kind === "fixed32" ? 4 : 8);
    if (next > end) return -1;
    if (implicit && buf.subarray(pos, next).every((b) => b === 0)) return -1;
    return next;
  }
  if (kind === "bool") {
    const byte = buf[pos];
    return pos < end && (byte === 1 || (byte === 0 && !implicit)) ? pos + 1 : -1;
  }
  const next = varintEnd(buf, pos, end, kind === "uint32" ? 5 : 10);
  if (next < 0) return -1;
  if (implicit && buf[pos] === 0) return -1;
  const length = next - pos;
  // Ten bytes hold 64 bits only when the last is 1: beyond that, bits are dropped. A 64-bit value is then written back the same.
  if (length === 10) return buf[pos + 9] === 1 && (kind === "varint64" || negativeInt32(buf, pos)) ? next : -1;
  // Five bytes may exceed the type: int32 reads ≥ 2^31 as negative (written in 10 bytes), uint32 drops bits beyond 32.
  if (kind === "varint64") return next;
  if (length === 5 && small(buf, pos, next) >= (kind === "int32" ? 2 ** 31 : 2 ** 32)) return -1;
  return length > 5 ? -1 : next;
}

// A negative int32 is written as its 64-bit sign extension: bits 31 to 63 all set.
function negativeInt32(buf: Uint8Array, pos: number): boolean {
  if (((buf[pos + 4] as number) & 0xf8) !== 0xf8) return false;
  for (let at = pos + 5; at < pos + 9; at++) if (buf[at] !== 0xff) return false;
  return true;
}

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

// Text that decodes and encodes back to the same bytes: valid UTF-8, no leading byte-order mark (decoders drop it).
function sameText(buf: Uint8Array, start: number, end: number): boolean {
  let pos = start;
  while (pos < end && (buf[pos] as number) < 0x80) pos++;
  if (pos === end) return true;
  if (buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) return false;
  try {
    strict.decode(buf.subarray(pos, end));
    return true;
  } catch {
    return false;
  }
}
