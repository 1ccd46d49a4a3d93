// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// What a wallet receives over JSON-RPC (viem's serializeTypedData of our typed
// data) hashes, in MetaMask's own implementation, to hashEvent's digest.
import { SignTypedDataVersion, TypedDataUtils } from "@metamask/eth-sig-util";
import { bytesToHex, serializeTypedData } from "viem";
import { describe, expect, it } from "vitest";
import { eventTypedData, hashEvent } from "../../src/index.js";
import { domain, otherDomain, v3Events } from "./fixtures.js";

describe("typed data sent over JSON-RPC", () => {
  it.each(v3Events().slice(0, 12).map((v) => [v.name, v.event] as const))("%s", (_name, event) => {
    for (const on of [domain, otherDomain]) {
      const json = JSON.parse(serializeTypedData(eventTypedData({ event, domain: on }) as Parameters<typeof serializeTypedData>[0]));
      expect(bytesToHex(TypedDataUtils.eip712Hash(json, SignTypedDataVersion.V4))).toBe(hashEvent({ event, domain: on }));
    }
  });
});
