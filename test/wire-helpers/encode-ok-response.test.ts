// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The plain success answer written with the wire writer (src/wire/encode-ok-response.ts)
// must be, byte for byte, what encodeEnvelope writes for createResponseEnvelope({ requestId }).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createResponseEnvelope } from "../../src/wire/create-response-envelope.js";
import { encodeEnvelope } from "../../src/wire/encode-envelope.js";
import { encodeOkResponse } from "../../src/wire/encode-ok-response.js";

const viaMessages = (id: bigint) => encodeEnvelope({ envelope: createResponseEnvelope({ requestId: id }) });

describe("encodeOkResponse", () => {
  it("writes the bytes of createResponseEnvelope + encodeEnvelope for the varint edges of an int64 id", () => {
    for (const id of [1n, 63n, 64n, 127n, 128n, 16_383n, 16_384n, 2n ** 32n, 2n ** 51n - 1n, 2n ** 51n, -(2n ** 51n), -(2n ** 51n) - 1n, 2n ** 63n - 1n, -1n, -(2n ** 63n)]) {
      expect(encodeOkResponse(id), `${id}`).toEqual(viaMessages(id));
    }
  });

  it("writes the same bytes for any int64 id", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).filter((id) => id !== 0n), (id) => {
        expect(encodeOkResponse(id)).toEqual(viaMessages(id));
      }),
      { numRuns: 2_000, seed: 3012 },
    );
  });
});
