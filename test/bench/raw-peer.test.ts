// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The benches' raw peers skim relay requests instead of decoding them: the
// skim must read the request id, the message and a push's event count as a
// full decode does, for any id and any number of events.
import { create } from "@bufbuild/protobuf";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PUSH_FIELD, SYNC_STATUS_FIELD, skimEnvelope } from "../../bench/raw-peer.js";
import { EnvelopeSchema } from "../../gen/market/mass/envelope_pb.js";
import { decodeEnvelope, encodeEnvelope } from "../../src/index.js";

describe("raw peer skim", () => {
  it("reads a push's id and event count, and a SyncStatus request's id, as decodeEnvelope does", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.integer({ min: 1, max: 64 }), fc.boolean(), (id, count, push) => {
        const envelope = create(EnvelopeSchema, {
          requestId: { raw: id },
          message: push
            ? { case: "subscriptionPushRequest", value: { subscriptionId: new Uint8Array([0, 1]), events: Array.from({ length: count }, (_, i) => ({ seqNo: BigInt(i + 1), event: { signature: { raw: new Uint8Array(65).fill(i) } } })) } }
            : { case: "syncStatusRequest", value: { unpushedEvents: BigInt(count) } },
        });
        const bytes = encodeEnvelope({ envelope });
        const decoded = decodeEnvelope({ bytes });
        const skimmed = skimEnvelope(bytes);
        expect(skimmed.id).toBe(decoded.requestId?.raw ?? 0n);
        expect(skimmed.field).toBe(push ? PUSH_FIELD : SYNC_STATUS_FIELD);
        expect(skimmed.events).toBe(decoded.message.case === "subscriptionPushRequest" ? decoded.message.value.events.length : 0);
      }),
      { numRuns: 300, seed: 3103 },
    );
  });
});
