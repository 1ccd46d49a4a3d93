// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Enrollment exactly as the upstream v3 TypeScript client (Tennessine
// packages/client at f6c27a76) makes it, written from what that client
// sends, not from our own sign-in helper: it is given the relay as
// ws://localhost:PORT/v3, finds the relay's token id at /testing/discovery,
// posts to /v3/enroll_key_card?guest=0|1 with no headers (a text/plain body),
// and signs an ERC-4361 message whose domain and uri are that URL's host and
// full href (query included), chain id 1, nonce 00000000, issued now, no
// statement, and three resources in order: mass-relayid:<decimal>,
// mass-shopid:<decimal>, mass-keycard:<hex of the 64-byte key, no 0x>; the
// signature is the wallet's personal-sign of the message's UTF-8 bytes, in
// standard base64. A web page passes its own location instead, and the
// browser adds a Referer.
import { hexToBigInt, type Hex } from "viem";
import { generatePrivateKey, type LocalAccount, privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRelay, type TestRelay } from "../../src/testing.js";
import { V3StyleClient } from "../support/v3-style-client.js";

const SHOP = 1234567890123456789012345678901234567890n;

/** The relay's v3 base URL as the upstream client is given it (RELAY_ENDPOINT), with `localhost` as its tests use. */
const v3Url = (relay: TestRelay, hostname = "localhost") => `ws://${hostname}:${new URL(relay.url).port}/v3`;

/** Discovery as upstream: "ws" → "http" and "/v3" → "/testing/discovery" in the URL; only relay_token_id is read. */
async function discover(url: string): Promise<Hex> {
  const body = (await (await fetch(url.replace("ws", "http").replace("/v3", "/testing/discovery"))).json()) as { relay_token_id: Hex };
  return body.relay_token_id;
}

/** The upstream enrollment request: its message, the URL it posts to and the body, with no headers but an optional Referer. */
async function enroll(p: { url: string; tokenId: Hex; wallet: LocalAccount; keycard: LocalAccount; guest: boolean; shopId: bigint; location?: URL; referer?: string }) {
  const endpoint = new URL(p.url);
  endpoint.protocol = "http";
  endpoint.pathname += "/enroll_key_card";
  endpoint.search = `guest=${p.guest ? 1 : 0}`;
  const place = p.location ?? endpoint;
  const message = createSiweMessage({
    address: p.wallet.address,
    chainId: 1,
    domain: place.host,
    nonce: "00000000",
    uri: place.href,
    version: "1",
    resources: [`mass-relayid:${hexToBigInt(p.tokenId)}`, `mass-shopid:${p.shopId}`, `mass-keycard:${p.keycard.publicKey.slice(4)}`],
  });
  const signature = await p.wallet.signMessage({ message: { raw: new TextEncoder().encode(message) } });
  const response = await fetch(endpoint.href, {
    method: "POST",
    body: JSON.stringify({ message, signature: Buffer.from(signature.slice(2), "hex").toString("base64") }),
    ...(p.referer === undefined ? {} : { headers: { referer: p.referer } }),
  });
  return { message, endpoint: endpoint.href, status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Logs the keycard in over a real socket at `${url}/sessions`, as the upstream client connects. */
async function logIn(url: string, relay: TestRelay, keycard: LocalAccount): Promise<void> {
  const socket = new WebSocket(`${url}/sessions`);
  socket.binaryType = "nodebuffer";
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  const client = new V3StyleClient((frame) => socket.send(frame), [relay.relayAddress]);
  socket.on("message", (data: Buffer) => client.receive(new Uint8Array(data)));
  try {
    await client.login(keycard);
  } finally {
    socket.close();
  }
}

let relay: TestRelay;
const owner = privateKeyToAccount(generatePrivateKey());
beforeAll(async () => {
  relay = await startTestRelay({ dialect: "v3", log: () => undefined, signInHosts: ["shop.example:5173"] });
});
afterAll(async () => {
  await relay.close();
});

describe("enrollment as the upstream v3 client makes it", () => {
  it("discovery gives the token id the client turns into mass-relayid", async () => {
    const tokenId = await discover(v3Url(relay));
    expect(hexToBigInt(tokenId)).toBe(relay.relayTokenId);
  });

  it("a clerk enrolls (201 {success: true}) with the message in the client's exact form, and its keycard logs in", async () => {
    const keycard = privateKeyToAccount(generatePrivateKey());
    const url = v3Url(relay);
    const answer = await enroll({ url, tokenId: await discover(url), wallet: owner, keycard, guest: false, shopId: SHOP });
    // The form the relay took: host as the client addressed it, the query in the uri, decimal ids, a bare hex key, no statement.
    const port = new URL(relay.url).port;
    expect(answer.endpoint).toBe(`http://localhost:${port}/v3/enroll_key_card?guest=0`);
    expect(answer.message).toContain(`localhost:${port} wants you to sign in with your Ethereum account:\n${owner.address}\n\n\nURI: http://localhost:${port}/v3/enroll_key_card?guest=0\nVersion: 1\nChain ID: 1\nNonce: 00000000\nIssued At: `);
    expect(answer.message).not.toMatch(/Expiration Time|Not Before|Request ID/);
    expect(answer.message).toContain(`\nResources:\n- mass-relayid:${relay.relayTokenId}\n- mass-shopid:${SHOP}\n- mass-keycard:${keycard.publicKey.slice(4)}`);
    expect(answer).toMatchObject({ status: 201, body: { success: true } });
    const card = relay.shopState({ shopId: SHOP })?.keycards[keycard.address];
    expect(card).toMatchObject({ role: "clerk", userWallet: owner.address });
    await logIn(url, relay, keycard);
  });

  it("the relay's address as given (127.0.0.1) works as well as localhost", async () => {
    const url = v3Url(relay, "127.0.0.1");
    const answer = await enroll({ url, tokenId: await discover(url), wallet: owner, keycard: privateKeyToAccount(generatePrivateKey()), guest: false, shopId: SHOP });
    expect(answer.status).toBe(201);
  });

  it("a guest (guest=1) is enrolled with any wallet; a clerk (guest=0) without access gets 403", async () => {
    const url = v3Url(relay);
    const tokenId = await discover(url);
    const shopper = privateKeyToAccount(generatePrivateKey());
    const guestCard = privateKeyToAccount(generatePrivateKey());
    expect((await enroll({ url, tokenId, wallet: shopper, keycard: privateKeyToAccount(generatePrivateKey()), guest: false, shopId: SHOP })).status).toBe(403);
    expect((await enroll({ url, tokenId, wallet: shopper, keycard: guestCard, guest: true, shopId: SHOP })).status).toBe(201);
    expect(relay.shopState({ shopId: SHOP })?.keycards[guestCard.address]?.role).toBe("guest");
    await logIn(url, relay, guestCard);
  });

  it("from a web page: the page's location in the message and the browser's Referer, for a page the relay lists", async () => {
    const url = v3Url(relay);
    const location = new URL("http://shop.example:5173/merchants/connect?step=2");
    const answer = await enroll({ url, tokenId: await discover(url), wallet: owner, keycard: privateKeyToAccount(generatePrivateKey()), guest: false, shopId: SHOP, location, referer: "http://shop.example:5173/" });
    expect(answer).toMatchObject({ status: 201, body: { success: true } });
  });

  it("a listed page's origin may read the answers (Access-Control-Allow-Origin), another page's may not", async () => {
    const at = (origin: string) => fetch(`${relay.httpUrl}/testing/discovery`, { headers: { origin } });
    expect((await at("http://shop.example:5173")).headers.get("access-control-allow-origin")).toBe("http://shop.example:5173");
    expect((await at("http://phish.example")).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("the same keycard again gets 409", async () => {
    const url = v3Url(relay);
    const keycard = privateKeyToAccount(generatePrivateKey());
    const tokenId = await discover(url);
    expect((await enroll({ url, tokenId, wallet: owner, keycard, guest: false, shopId: SHOP })).status).toBe(201);
    expect((await enroll({ url, tokenId, wallet: owner, keycard, guest: true, shopId: SHOP })).status).toBe(409);
  });
});
