// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: flood the decoder. A 4.9 MiB frame of 2-byte empty SignedEvents
// was decoded into 2.5 million objects (139 MB of heap) before any batch
// limit was looked at. Frames are now capped at the v3 relay's 128 KiB and
// the items of each repeated field are counted on the wire before decoding,
// on the relay's side (writes) and on the client's (pushes).
import { describe, expect, it } from "vitest";
import {
  assertBatchSize,
  DEFAULT_MAX_ENVELOPE_BYTES,
  decodeEnvelope,
  isBatchLimitError,
  isSizeLimitError,
  LIMIT_MAX_IN_BATCH_SIZE,
} from "../../src/index.js";
import { thrown } from "../support/thrown.js";
import { lengthDelimited } from "../support/wire-bytes.js";

const repeat = (times: number, item: readonly number[]): number[] => Array.from({ length: times }, () => item).flat();

/** An Envelope with request id 1 and `message` (field number, body) as the request. */
const frame = (message: number, body: readonly number[]) => new Uint8Array([...lengthDelimited(1, [0x08, 0x02]), ...lengthDelimited(message, body)]);
/** EventWriteRequest (Envelope field 3) of `count` empty SignedEvents: 2 bytes each. */
const writeOf = (count: number) => frame(3, repeat(count, lengthDelimited(1, [])));
/** SubscriptionPushRequest (Envelope field 6) of `count` empty SequencedEvents. */
const pushOf = (count: number) => frame(6, repeat(count, lengthDelimited(2, [])));
/** SubscriptionRequest (Envelope field 4) with `count` empty filters. */
const subscriptionOf = (count: number) => frame(4, repeat(count, lengthDelimited(3, [])));

describe("a peer floods the decoder with tiny items", () => {
  it("a 4.9 MiB frame is refused by size before decoding (default cap 128 KiB, as the v3 relay)", () => {
    expect(DEFAULT_MAX_ENVELOPE_BYTES).toBe(128 * 1024);
    const error = thrown(() => decodeEnvelope({ bytes: writeOf(2_500_000) }));
    expect(isSizeLimitError(error)).toBe(true);
  });

  it.each([
    ["write (relay side)", writeOf],
    ["push (client side)", pushOf],
    ["subscription filters (relay side)", subscriptionOf],
  ])("a 128 KiB %s of ~65,000 empty items is refused by count before decoding", (_name, build) => {
    const bytes = build(Math.floor((DEFAULT_MAX_ENVELOPE_BYTES - 16) / 2));
    expect(bytes.length).toBeLessThanOrEqual(DEFAULT_MAX_ENVELOPE_BYTES);
    const error = thrown(() => decodeEnvelope({ bytes }));
    expect(isBatchLimitError(error)).toBe(true);
    expect(error).toMatchObject({ code: "BATCH_TOO_LARGE", limit: LIMIT_MAX_IN_BATCH_SIZE, count: LIMIT_MAX_IN_BATCH_SIZE + 1, atLeast: true });
  });

  it("a full batch of 64 still decodes; an empty one decodes so the relay can answer its request id", () => {
    const full = decodeEnvelope({ bytes: writeOf(LIMIT_MAX_IN_BATCH_SIZE) });
    expect(full.message.case === "eventWriteRequest" && full.message.value.events.length).toBe(64);
    expect(thrown(() => decodeEnvelope({ bytes: writeOf(LIMIT_MAX_IN_BATCH_SIZE + 1) }))).toMatchObject({ code: "BATCH_TOO_LARGE" });
    const empty = decodeEnvelope({ bytes: writeOf(0) });
    expect(empty.requestId?.raw).toBe(1n);
    const events = empty.message.case === "eventWriteRequest" ? empty.message.value.events : undefined;
    expect(isBatchLimitError(thrown(() => assertBatchSize({ items: events ?? [] })))).toBe(true);
  });

  it("refuses a limit that would switch the count off", () => {
    for (const maxItems of [Number.NaN, Number.POSITIVE_INFINITY, 0, -1]) {
      expect(thrown(() => decodeEnvelope({ bytes: writeOf(1), maxItems }))).toMatchObject({ code: "OUT_OF_RANGE", path: "maxItems" });
    }
  });
});
