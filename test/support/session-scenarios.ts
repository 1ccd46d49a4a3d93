// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The session transcripts (test/vectors/sessions.json, docs/sessions.md
// "Transcripts"): scenarios of ClientSession calls, raw client frames and
// clock steps, run between ClientSession and RelaySession over a reference
// relay with fixed keys, a fixed login challenge and a manual clock, so every
// frame is the same on every run. Used by scripts/session-transcripts.ts and
// test/session/transcripts.test.ts.
import { create } from "@bufbuild/protobuf";
import { type Hex, hexToBytes, type LocalAccount } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { ShopEventSchema } from "../../gen/market/mass/shop_events_pb.js";
import { ErrorCodes } from "../../gen/market/mass/error_pb.js";
import { ObjectType } from "../../gen/market/mass/subscription_pb.js";
import { createSignedEvent, type EventDomain, type SignedEvent, signEvent } from "../../src/index.js";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import type { ClientSession } from "../../src/session/client-session.js";
import { EventWriteRequestSchema } from "../../gen/market/mass/transport_pb.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import { frame as envelope, type ManualClock } from "../session/harness.js";
import { changeInventory, listing, manifest, SHOP_ID, shopRaw, tag, type UnionInit, updateListing } from "../session/fixtures.js";

/** The simulated clock when a transcript starts (ms since the epoch). */
export const START_MS = 1_767_225_600_000;
export const RELAY_KEY: Hex = "0x1111111111111111111111111111111111111111111111111111111111111111";
export const CLERK_KEY: Hex = "0x2222222222222222222222222222222222222222222222222222222222222222";
export const STRANGER_KEY: Hex = "0x5555555555555555555555555555555555555555555555555555555555555555";
export const DOMAIN: EventDomain = TEST_RELAY_DOMAIN;
/** The login challenge the relay sends to session i: 32 bytes of i + 1. */
export const challengeOf = (session: number) => new Uint8Array(32).fill(session + 1);

export const clerk = privateKeyToAccount(CLERK_KEY);
export const stranger = privateKeyToAccount(STRANGER_KEY);

/** A signed event of the test shop, stamped with the transcript's clock. */
export async function signed(account: LocalAccount, nonce: bigint, union: UnionInit, atMs = START_MS): Promise<SignedEvent> {
  const event = create(ShopEventSchema, { nonce, shopId: { raw: shopRaw }, timestamp: { seconds: BigInt(Math.floor(atMs / 1000)) }, union });
  return createSignedEvent({ event, signature: await signEvent({ event, domain: DOMAIN, account }) });
}

export type Step =
  | { readonly note: string; readonly session?: number; readonly call: (client: ClientSession) => Promise<unknown> }
  | { readonly note: string; readonly session?: number; readonly raw: () => Promise<Uint8Array> | Uint8Array }
  | { readonly note: string; readonly advanceMs: number };

export interface Scenario {
  readonly name: string;
  readonly covers: string;
  /** One entry per client: a ClientSession, or a raw peer that sends hand-built frames and answers nothing. */
  readonly clients: readonly ("session" | "raw")[];
  /** What the relay holds before the sessions open. */
  readonly setup?: ((relay: ReferenceRelay) => Promise<void>) | undefined;
  readonly steps: readonly Step[];
}

/** Opens the reference relay every transcript runs against, on `clock`. */
export function openTranscriptRelay(clock: ManualClock): Promise<ReferenceRelay> {
  return ReferenceRelay.open({ domain: DOMAIN, privateKey: RELAY_KEY, clock, warn: () => undefined });
}

const enrollClerk = async (relay: ReferenceRelay) => void (await relay.enrollKeycard({ shopId: SHOP_ID, publicKey: clerk.publicKey }));
// A shop with a manifest, two listings, stock and a tag, written by the clerk (seq_no 1 enrollment, 2…6 these).
async function stockedShop(relay: ReferenceRelay): Promise<void> {
  await enrollClerk(relay);
  const keycard = relay.findKeycard({ publicKey: hexToBytes(clerk.publicKey).slice(1) });
  if (keycard === undefined) throw new Error("clerk not enrolled");
  const unions = [manifest(), listing(1), listing(2), changeInventory(1, 5), tag(9)];
  const events = await Promise.all(unions.map((u, i) => signed(clerk, BigInt(i + 1), u)));
  await relay.write({ keycard, events });
}
const login = (scheme: "eip712" | "eip191" = "eip712"): Step => ({ note: `login (${scheme})`, call: (c) => c.login({ account: clerk, scheme }) });
const write = (note: string, make: () => Promise<SignedEvent[]>): Step => ({ note, call: async (c) => c.write({ events: await make() }) });

export const SCENARIOS: readonly Scenario[] = [
  {
    name: "login with an EIP-712 challenge signature",
    covers: "AuthenticateRequest → challenge (payload); ChallengeSolvedRequest with the EIP-712 signature → empty response",
    clients: ["session"], setup: enrollClerk, steps: [login("eip712")],
  },
  {
    name: "login with an EIP-191 (v3) challenge signature",
    covers: "the same login, the challenge signed as an EIP-191 personal message",
    clients: ["session"], setup: enrollClerk, steps: [login("eip191")],
  },
  {
    name: "an accepted write",
    covers: "EventWriteRequest of one event → response with the payload (the new seq_no / log position)",
    clients: ["session"], setup: enrollClerk, steps: [login(), write("write the manifest", async () => [await signed(clerk, 1n, manifest())])],
  },
  {
    name: "a write refused by a shop rule",
    covers: "EventWriteRequest whose event breaks a rule (a tag before the manifest: MANIFEST_MISSING) → error response NOT_FOUND naming the event",
    clients: ["session"], setup: enrollClerk, steps: [login(), write("write a tag before the manifest", async () => [await signed(clerk, 1n, tag(9))])],
  },
  {
    name: "a write refused for a stale nonce",
    covers: "a second event reusing nonce 1 → error response INVALID (NONCE_NOT_INCREASING)",
    clients: ["session"], setup: enrollClerk,
    steps: [login(), write("write the manifest (nonce 1)", async () => [await signed(clerk, 1n, manifest())]), write("write a tag again with nonce 1", async () => [await signed(clerk, 1n, tag(9))])],
  },
  {
    name: "a write refused for an unknown keycard",
    covers: "an event signed by a key the shop never enrolled → error response UNLINKED_KEYCARD",
    clients: ["session"], setup: enrollClerk, steps: [login(), write("write an event signed by a stranger", async () => [await signed(stranger, 1n, manifest())])],
  },
  {
    name: "a filtered subscription: SyncStatus, pushes, acks, then a live push",
    covers: "SubscriptionRequest with a LISTING filter → subscription id; SyncStatusRequest (unpushed events) and SubscriptionPushRequest, each acknowledged by an empty response; a write by the same client then pushes its event",
    clients: ["session"], setup: stockedShop,
    steps: [
      login(),
      { note: "subscribe to LISTING events from seq_no 1", call: (c) => c.subscribe({ shopId: SHOP_ID, filters: [{ objectType: ObjectType.LISTING }] }) },
      write("change listing 1's price", async () => [await signed(clerk, 6n, updateListing(1, 250n))]),
    ],
  },
  {
    name: "a subscription resumed from a seq_no",
    covers: "SubscriptionRequest with start_shop_seq_no 4: only events 4… are counted and pushed",
    clients: ["session"], setup: stockedShop,
    steps: [{ note: "subscribe to every object type but INVENTORY and ORDER from seq_no 4", call: (c) => c.subscribe({ shopId: SHOP_ID, filters: [ObjectType.MANIFEST, ObjectType.LISTING, ObjectType.TAG, ObjectType.ACCOUNT].map((objectType) => ({ objectType })), startShopSeqNo: 4n }) }],
  },
  {
    name: "an error ack ends the subscription",
    covers: "a raw client subscribes and answers the SyncStatus with an empty response and the push with an error (CLOSE_SUBSCRIPTION): the relay stops pushing",
    clients: ["raw"], setup: stockedShop,
    steps: [
      { note: "subscribe to TAG events", raw: () => envelope(1n, { case: "subscriptionRequest", value: { shopId: { raw: shopRaw }, startShopSeqNo: 1n, filters: [{ objectType: ObjectType.TAG }] } }) },
      { note: "acknowledge the SyncStatus (relay request 1)", raw: () => envelope(1n, { case: "response", value: { response: { case: undefined } } }) },
      { note: "answer the push (relay request 2) with an error", raw: () => envelope(2n, { case: "response", value: { response: { case: "error", value: { code: ErrorCodes.CLOSE_SUBSCRIPTION, message: "closing" } } } }) },
    ],
  },
  {
    name: "ping both ways and an idle kick",
    covers: "the client's PingRequest → empty response; after 15 s without traffic the relay pings and the client answers; a raw peer that answers nothing is closed after 45 s (IDLE_TIMEOUT 4000)",
    clients: ["session", "raw"],
    steps: [
      { note: "the client pings", call: (c) => c.ping() },
      { note: "15 s pass", advanceMs: 15_000 },
      { note: "30 s more pass", advanceMs: 30_000 },
    ],
  },
  {
    name: "session replacement",
    covers: "a second session logs in with the same keycard: the first is closed (REPLACED 4001)",
    clients: ["session", "session"], setup: enrollClerk,
    steps: [login(), { ...login(), session: 1, note: "login (eip712) on a second session" }],
  },
  {
    name: "a bad frame",
    covers: "bytes that are not an Envelope → the relay closes the session (PROTOCOL_ERROR 1002)",
    clients: ["raw"], steps: [{ note: "send 3 bytes that do not decode", raw: () => new Uint8Array([0xff, 0xff, 0xff]) }],
  },
  {
    name: "request-id misuse",
    covers: "a request without a request id → the relay closes the session (PROTOCOL_ERROR 1002)",
    clients: ["raw"],
    steps: [{ note: "send a PingRequest without request id", raw: () => envelope(0n, { case: "pingRequest", value: {} }) }],
  },
  {
    name: "a response to a request never made",
    covers: "a response whose request id the relay never used → the relay closes the session (PROTOCOL_ERROR 1002)",
    clients: ["raw"],
    steps: [{ note: "answer request 77", raw: () => envelope(77n, { case: "response", value: { response: { case: undefined } } }) }],
  },
  {
    name: "a write frame of 65 events (a bad frame within the size limit)",
    covers: "an EventWriteRequest of more events than the 64 a frame may carry → the frame does not decode within the limits and the relay closes the session (PROTOCOL_ERROR 1002)",
    clients: ["raw"], setup: enrollClerk,
    steps: [{ note: "write 65 events without logging in", raw: async () => envelope(1n, { case: "eventWriteRequest", value: create(EventWriteRequestSchema, { events: await Promise.all(Array.from({ length: 65 }, (_, i) => signed(clerk, BigInt(i + 1), tag(100 + i)))) }) }) }],
  },
];
