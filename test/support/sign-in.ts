// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Enrollment by wallet sign-in as a v3 client does it: an ERC-4361 message
// naming the relay, the shop and the keycard, signed by the wallet, posted
// as JSON with the signature in base64.
import { bytesToHex, type Hex } from "viem";
import type { LocalAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";

export interface SignInParameters {
  readonly httpUrl: string;
  readonly wallet: LocalAccount;
  readonly keycardPublicKey: Hex;
  readonly shopId: bigint;
  readonly relayTokenId: bigint;
  readonly guest?: boolean;
  /** Changes to the message, for the attacks. */
  readonly domain?: string;
  readonly uri?: string;
  readonly nonce?: string;
  readonly resources?: readonly string[];
  /** A Referer header, as a browser adds for the page that posts. */
  readonly referer?: string;
  /** Sign with another wallet than the message's address. */
  readonly signer?: LocalAccount;
}

/** The sign-in message a v3 client builds for the relay at `httpUrl`. */
export function signInMessage(p: SignInParameters): string {
  const url = new URL(p.httpUrl);
  return createSiweMessage({
    address: p.wallet.address,
    chainId: 1,
    domain: p.domain ?? url.host,
    nonce: p.nonce ?? "00000000",
    uri: p.uri ?? `${url.origin}/v3/enroll_key_card`,
    version: "1",
    issuedAt: new Date(),
    resources: p.resources ? [...p.resources] : [`mass-relayid:${p.relayTokenId}`, `mass-shopid:${p.shopId}`, `mass-keycard:${p.keycardPublicKey.slice(4)}`],
  });
}

/** Posts the signed message; resolves to the HTTP status and body. */
export async function signIn(p: SignInParameters): Promise<{ status: number; body: Record<string, unknown> }> {
  const message = signInMessage(p);
  const signature = await (p.signer ?? p.wallet).signMessage({ message });
  const response = await fetch(`${p.httpUrl}/v3/enroll_key_card${p.guest === true ? "?guest=1" : ""}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(p.referer === undefined ? {} : { referer: p.referer }) },
    body: JSON.stringify({ message, signature: Buffer.from(signature.slice(2), "hex").toString("base64") }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const publicKeyHex = (account: LocalAccount): Hex => bytesToHex(Buffer.from(account.publicKey.slice(2), "hex"));
