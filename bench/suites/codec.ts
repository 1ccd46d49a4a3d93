// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// 5. protobuf-es decode and encode of the 52 upstream v3 vector events, for reference.
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { bytesToHex } from "viem";
import { ShopEventSchema } from "../../src/index.js";
import { assertSame, type Suite } from "../suite.js";
import { hexToBytes } from "viem";
import { loadV3Vectors } from "../../test/support/load-v3-vectors.js";

export function codecSuite(): Suite {
  const encoded = loadV3Vectors().events.map((v) => hexToBytes(v.encoded));
  const decoded = encoded.map((bytes) => fromBinary(ShopEventSchema, bytes));
  decoded.forEach((event, i) => assertSame(`re-encoding of vector #${i}`, bytesToHex(toBinary(ShopEventSchema, event)), bytesToHex(encoded[i]!)));
  const total = encoded.reduce((sum, bytes) => sum + bytes.length, 0);
  return {
    groups: [
      {
        title: `5. protobuf-es codec, all ${encoded.length} v3 vector events (${total} bytes) per op (reference, no target)`,
        subject: "codec.decode",
        cases: [
          { id: "codec.decode", label: `fromBinary × ${encoded.length}`, fn: () => encoded.map((bytes) => fromBinary(ShopEventSchema, bytes)) },
          { id: "codec.encode", label: `toBinary × ${decoded.length}`, fn: () => decoded.map((event) => toBinary(ShopEventSchema, event)) },
        ],
      },
    ],
    targets: [],
  };
}
