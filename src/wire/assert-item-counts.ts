// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { DescMessage } from "@bufbuild/protobuf";
import { BatchLimitError } from "../errors/batch-limit-error.js";
import { DecodeError } from "../errors/decode-error.js";
import { MalformedWire, readRecord } from "./wire-reader.js";

/**
 * Counts the items of every repeated message field in `bytes` and in the
 * messages directly inside it (an Envelope's request: EventWriteRequest.events,
 * SubscriptionPushRequest.events, SubscriptionRequest.filters), in one pass
 * over the wire before anything is decoded, and refuses more than `maxItems`:
 * a frame of thousands of tiny SignedEvents costs a header scan, not
 * thousands of decoded objects.
 *
 * @example assertItemCounts({ schema: EnvelopeSchema, bytes, maxItems: 64, path: "bytes" })
 */
export function assertItemCounts({ schema, bytes, maxItems, path }: { schema: DescMessage; bytes: Uint8Array; maxItems: number; path: string }): void {
  try {
    countIn(schema, bytes, 0, bytes.length, maxItems, path, 1);
  } catch (error) {
    if (error instanceof MalformedWire) throw new DecodeError({ typeName: schema.typeName, path, cause: new Error(error.message) });
    throw error;
  }
}

function countIn(schema: DescMessage, buf: Uint8Array, start: number, end: number, maxItems: number, path: string, depth: number): void {
  const counts = new Map<number, number>();
  for (let pos = start; pos < end; ) {
    const record = readRecord({ buf, pos, end });
    pos = record.end;
    if (record.wireType !== 2) continue;
    const field = schema.fields.find((f) => f.number === record.number);
    if (field?.fieldKind === "list" && field.listKind === "message") {
      const count = (counts.get(field.number) ?? 0) + 1;
      if (count > maxItems) throw new BatchLimitError({ path: `${path} (${schema.typeName}.${field.name})`, count, limit: maxItems, atLeast: true });
      counts.set(field.number, count);
    } else if (field?.fieldKind === "message" && depth > 0) {
      countIn(field.message, buf, record.valueStart, record.end, maxItems, path, depth - 1);
    }
  }
}
