// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Our EIP-55 checksum (on our keccak, so the package root does not load viem's
// root entry) equals viem's on random addresses and the EIP-55 examples.
import { checksumAddress as viemChecksum } from "viem";
import { describe, expect, it } from "vitest";
import { checksumAddress, ZERO_ADDRESS } from "../../src/crypto/checksum-address.js";
import { seededBytes } from "../support/keccak-equivalence.js";

describe("checksumAddress", () => {
  it("gives the EIP-55 examples", () => {
    for (const address of ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"]) {
      expect(checksumAddress(address.toLowerCase())).toBe(address);
      expect(checksumAddress(address.toUpperCase().replace("0X", "0x"))).toBe(address);
    }
  });

  it("equals viem's on 2,000 random addresses", () => {
    const random = seededBytes(55);
    for (let i = 0; i < 2000; i++) {
      const hex = `0x${Buffer.from(random(20)).toString("hex")}` as const;
      expect(checksumAddress(hex)).toBe(viemChecksum(hex));
    }
    expect(ZERO_ADDRESS).toBe("0x0000000000000000000000000000000000000000");
  });

  it("equals viem's when addresses recur in any case (past the memo of recent ones and after it is cleared)", () => {
    const random = seededBytes(56);
    const addresses = Array.from({ length: 150 }, () => `0x${Buffer.from(random(20)).toString("hex")}` as const);
    for (let round = 0; round < 3; round++) {
      for (const hex of addresses) {
        const asGiven = round === 1 ? (`0x${hex.slice(2).toUpperCase()}` as const) : round === 2 ? viemChecksum(hex) : hex;
        expect(checksumAddress(asGiven)).toBe(viemChecksum(hex));
      }
    }
  });
});
