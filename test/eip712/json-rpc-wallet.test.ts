// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A JSON-RPC wallet (viem WalletClient whose account is only an address): the
// typed data travels as eth_signTypedData_v4 and is signed here by MetaMask's
// own implementation, so what a real wallet receives is proven signable.
import { SignTypedDataVersion, signTypedData } from "@metamask/eth-sig-util";
import { create } from "@bufbuild/protobuf";
import { type Address, createWalletClient, custom, hexToBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { isAccountError, ShopEventSchema, signAuthChallenge, signEvent, verifyAuthChallenge, verifyEvent } from "../../src/index.js";
import { thrownAsync } from "../support/thrown.js";
import { domain, testAccount, testPrivateKey } from "./fixtures.js";

const event = create(ShopEventSchema, {
  nonce: 3n,
  shopId: { raw: new Uint8Array(32).fill(9) },
  timestamp: { seconds: 1_767_225_600n },
  union: { case: "tag", value: { id: { raw: new Uint8Array(8).fill(1) }, name: "winter" } },
});

/** A wallet that answers eth_signTypedData_v4 with eth-sig-util and `key`; records what it was sent. */
function jsonRpcWallet({ address, key }: { address: Address; key: Uint8Array }) {
  const requests: { method: string; params: unknown }[] = [];
  const transport = custom({
    async request({ method, params }: { method: string; params: unknown }) {
      requests.push({ method, params });
      if (method !== "eth_signTypedData_v4") throw new Error(`unexpected ${method}`);
      const [, json] = params as [Address, string];
      return signTypedData({ privateKey: Buffer.from(key), data: JSON.parse(json), version: SignTypedDataVersion.V4 });
    },
  });
  return { wallet: createWalletClient({ account: address, transport }), requests };
}

describe("signing through a JSON-RPC wallet", () => {
  it("sends eth_signTypedData_v4 and gets a signature that verifies and equals the local one", async () => {
    const { wallet, requests } = jsonRpcWallet({ address: testAccount.address, key: hexToBytes(testPrivateKey) });
    const signature = await signEvent({ event, domain, account: wallet });
    expect(requests.map((r) => r.method)).toEqual(["eth_signTypedData_v4"]);
    expect(signature).toBe(await signEvent({ event, domain, account: testAccount }));
    expect(verifyEvent({ event, domain, signature, address: testAccount.address })).toBe(true);
  });

  it("signs the login challenge the same way", async () => {
    const { wallet } = jsonRpcWallet({ address: testAccount.address, key: hexToBytes(testPrivateKey) });
    const challenge = Uint8Array.of(1, 2, 3, 4);
    const signature = await signAuthChallenge({ challenge, domain, account: wallet });
    expect(verifyAuthChallenge({ challenge, domain, signature, address: testAccount.address })).toBe(true);
  });

  it("refuses a wallet whose signature does not come from its account", async () => {
    const other = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    const { wallet } = jsonRpcWallet({ address: testAccount.address, key: hexToBytes("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d") });
    expect(other.address).not.toBe(testAccount.address);
    const error = await thrownAsync(() => signEvent({ event, domain, account: wallet }));
    expect(isAccountError(error)).toBe(true);
  });

  it("refuses a wallet whose signature recovers to no public key, with a typed error", async () => {
    // r = 5 is in range but no curve point has x = 5 (5³ + 7 is not a square mod p): nothing recovers.
    const r = "0".repeat(63) + "5";
    const s = "0".repeat(63) + "1";
    const transport = custom({ request: async () => `0x${r}${s}1b` });
    const error = await thrownAsync(() => signEvent({ event, domain, account: createWalletClient({ account: testAccount.address, transport }) }));
    expect(isAccountError(error)).toBe(true);
    expect((error as Error).message).toMatch(/does not recover to its account/);
  });

  it("refuses a wallet that signed other typed data with the right key", async () => {
    const transport = custom({
      async request({ params }: { method: string; params: unknown }) {
        const data = JSON.parse((params as [Address, string])[1]);
        data.message.nonce = "4";
        return signTypedData({ privateKey: Buffer.from(hexToBytes(testPrivateKey)), data, version: SignTypedDataVersion.V4 });
      },
    });
    const error = await thrownAsync(() => signEvent({ event, domain, account: createWalletClient({ account: testAccount.address, transport }) }));
    expect(isAccountError(error)).toBe(true);
  });

  it("refuses a WalletClient without an account", async () => {
    const wallet = createWalletClient({ transport: custom({ request: async () => null }) });
    expect(isAccountError(await thrownAsync(() => signEvent({ event, domain, account: wallet })))).toBe(true);
  });
});
