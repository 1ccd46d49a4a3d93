// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a hostile caller of POST /v3/enroll_key_card tries to get a
// keycard enrolled it should not: a sign-in message made for another site or
// another relay, a message signed by a different wallet than it names, a
// wallet without access to the shop, a key already enrolled (here or in
// another shop, where its shop_id-less v3 events could be replayed), a
// fourth resource, a reused message for another key. Each is refused with
// the v3 status and nothing is enrolled.
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRelay, type TestRelay } from "../../src/testing.js";
import { signIn, type SignInParameters } from "../support/sign-in.js";

let relay: TestRelay;
const owner = privateKeyToAccount(generatePrivateKey());
const stranger = privateKeyToAccount(generatePrivateKey());
const SHOP = 4242n;

beforeAll(async () => {
  relay = await startTestRelay({ dialect: "v3" });
  // The first wallet to sign in as a clerk owns the shop (no access policy given).
  expect((await signIn(base(privateKeyToAccount(generatePrivateKey()).publicKey, owner))).status).toBe(201);
});
afterAll(async () => {
  await relay.close();
});

const base = (keycardPublicKey: `0x${string}`, wallet = owner): SignInParameters => ({ httpUrl: relay.httpUrl, wallet, keycardPublicKey, shopId: SHOP, relayTokenId: relay.relayTokenId });
const freshKey = () => privateKeyToAccount(generatePrivateKey()).publicKey;
const keycards = () => Object.keys(relay.shopState({ shopId: SHOP })?.keycards ?? {}).length;

describe("hostile sign-in enrollments", () => {
  it.each([
    ["a message for another site (domain)", { domain: "shop.example" }, 400],
    ["a message whose URI is another host", { uri: "https://shop.example/v3/enroll_key_card" }, 400],
    ["a message whose URI is another path", { uri: "PLACEHOLDER/other" }, 400],
    ["another nonce", { nonce: "12345678" }, 400],
    ["another relay's id", { relayTokenId: 1n }, 400],
    ["a fourth resource", { resources: ["EXTRA"] }, 400],
    ["two resources", { resources: [] }, 400],
  ] as const)("%s is refused (%s)", async (_what, change, status) => {
    const before = keycards();
    const key = freshKey();
    const p: SignInParameters = { ...base(key), ...change };
    const uri = "uri" in change && change.uri.startsWith("PLACEHOLDER") ? `${relay.httpUrl}/other` : p.uri;
    const resources =
      "resources" in change
        ? change.resources.length === 0
          ? [`mass-relayid:${relay.relayTokenId}`, `mass-shopid:${SHOP}`]
          : [`mass-relayid:${relay.relayTokenId}`, `mass-shopid:${SHOP}`, `mass-keycard:${key.slice(4)}`, "mass-keycard:00"]
        : undefined;
    const answer = await signIn({ ...p, ...(uri === undefined ? {} : { uri }), ...(resources === undefined ? {} : { resources }) });
    expect(answer.status).toBe(status);
    expect(keycards()).toBe(before);
  });

  // A phishing page has the owner's wallet sign a message naming the page (wallets show and enforce the page's domain), then posts it with its own Referer, as v3 relays took.
  it.each([
    ["signed on a page the relay does not list, posted with that page as Referer", { domain: "phish.example", uri: "https://phish.example/enroll", referer: "https://phish.example/" }],
    ["naming the relay, posted with another page as Referer", { referer: "https://phish.example/" }],
    ["naming a page, posted with the relay as Referer", { domain: "phish.example", uri: "https://phish.example/enroll", referer: "PLACEHOLDER" }],
  ] as const)("a message %s is refused (400)", async (_what, change) => {
    const before = keycards();
    const referer = change.referer === "PLACEHOLDER" ? `${relay.httpUrl}/` : change.referer;
    const answer = await signIn({ ...base(freshKey()), ...change, referer });
    expect(answer.status).toBe(400);
    expect(keycards()).toBe(before);
  });

  it("a message signed by another wallet than the one it names is refused (400)", async () => {
    const answer = await signIn({ ...base(freshKey()), signer: stranger });
    expect(answer).toMatchObject({ status: 400, body: { error: expect.stringContaining("not by the message's address") } });
  });

  it("a wallet without access to the shop gets 403, as a clerk; as a guest it is enrolled", async () => {
    const key = freshKey();
    expect((await signIn(base(key, stranger))).status).toBe(403);
    expect((await signIn({ ...base(key, stranger), guest: true })).status).toBe(201);
    expect(relay.shopState({ shopId: SHOP })?.keycards).toSatisfy((cards: Record<string, { role: string }>) => Object.values(cards).some((c) => c.role === "guest"));
  });

  it("the owner's listing lets a later wallet in", async () => {
    expect((await signIn(base(freshKey(), stranger))).status).toBe(403);
    relay.listClerk({ shopId: `0x${SHOP.toString(16).padStart(64, "0")}`, wallet: stranger.address });
    expect((await signIn(base(freshKey(), stranger))).status).toBe(201);
  });

  it("a key already enrolled gets 409, in this shop or another (no cross-shop replay of shop_id-less events)", async () => {
    const key = freshKey();
    expect((await signIn(base(key))).status).toBe(201);
    expect((await signIn(base(key))).status).toBe(409);
    const other = privateKeyToAccount(generatePrivateKey());
    expect((await signIn({ ...base(key, other), shopId: 5151n })).status).toBe(409);
    expect(relay.shopState({ shopId: 5151n })).toBeUndefined();
  });

  it("an access policy replaces first-wallet-owns: only listed wallets and the callback's", async () => {
    const listed = privateKeyToAccount(generatePrivateKey());
    const byCallback = privateKeyToAccount(generatePrivateKey());
    const shopHex = `0x${SHOP.toString(16).padStart(64, "0")}` as const;
    const guarded = await startTestRelay({ dialect: "v3", access: { shops: { [shopHex]: { clerks: [listed.address] } }, mayEnrollClerk: ({ wallet }) => wallet === byCallback.address } });
    try {
      const at = (wallet: typeof listed): SignInParameters => ({ httpUrl: guarded.httpUrl, wallet, keycardPublicKey: freshKey(), shopId: SHOP, relayTokenId: guarded.relayTokenId });
      expect((await signIn(at(owner))).status).toBe(403);
      expect((await signIn(at(listed))).status).toBe(201);
      expect((await signIn(at(byCallback))).status).toBe(201);
    } finally {
      await guarded.close();
    }
  });
});
