// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A client written the way version-3 clients were, from
// ../shared/upstream/v3-relay-behaviour.md §4 (not from this library's
// ClientSession): protobufjs messages with every set field written,
// request ids counted from 1 and echoed in responses, EIP-191 events over
// the ShopEvent bytes with no shop_id, a personal-sign login, pings
// answered, no SyncStatus handler, and pushes acknowledged only when the
// test says (late), after each event's signer was recovered and checked
// against the allow-list (relay addresses plus enrolled keycards).
import { type Address, bytesToHex, getAddress, type Hex, hexToBytes, recoverMessageAddress } from "viem";
import type { LocalAccount } from "viem/accounts";
import { publicKeyToAddress } from "viem/accounts";
import { v3Types } from "./protobufjs.js";

const { Envelope, ShopEvent } = v3Types;
const ANY_URL = "type.googleapis.com/market.mass.ShopEvent";

type Json = Record<string, unknown>;
interface Response {
  error?: { code: number; message: string } | null;
  payload?: Uint8Array | null;
}
/** One pushed event as the client keeps it: seq_no, the exact bytes, the recovered signer and the decoded event. */
export interface V3Pushed {
  readonly seqNo: number;
  readonly bytes: Uint8Array;
  readonly signer: Address;
  readonly event: Json;
}

const num = (value: unknown): number => (typeof value === "object" && value !== null ? Number((value as { toString(): string }).toString()) : Number(value ?? 0));

export class V3StyleClient {
  private nextRequestId = 1;
  private readonly waiting = new Map<number, (response: Response) => void>();
  private readonly unacked: { id: number; events: Json[] }[] = [];
  private nonce = 0;
  readonly received: V3Pushed[] = [];
  syncStatusRequests = 0;
  pingsAnswered = 0;
  /** Addresses allowed to sign events: relay addresses, then keycards as their enrollments arrive. */
  readonly allowed = new Set<Address>();

  constructor(private readonly send: (frame: Uint8Array) => void, relays: readonly Address[]) {
    for (const relay of relays) this.allowed.add(getAddress(relay));
  }

  receive(frame: Uint8Array): void {
    const envelope = Envelope.decode(frame) as unknown as Json & { requestId: { raw: unknown }; message: string };
    const id = num(envelope.requestId.raw);
    switch (envelope.message) {
      case "response": {
        const resolve = this.waiting.get(id);
        this.waiting.delete(id);
        resolve?.(envelope.response as Response);
        return;
      }
      case "pingRequest":
        this.pingsAnswered++;
        return this.respond(id);
      case "syncStatusRequest":
        // Tennessine has no handler for it: never answered.
        this.syncStatusRequests++;
        return;
      case "subscriptionPushRequest":
        this.unacked.push({ id, events: (envelope.subscriptionPushRequest as { events: Json[] }).events });
        return;
      default:
        throw new Error(`v3-style client: unexpected ${envelope.message}`);
    }
  }

  /** Recovers and checks each held push's signers, keeps the events, then acknowledges (late, as a busy v3 client does). */
  async ackPushes(): Promise<number> {
    let count = 0;
    while (this.unacked.length > 0) {
      const { id, events } = this.unacked.shift()!;
      for (const sequenced of events as { seqNo: unknown; event: { event: { type_url: string; value: Uint8Array }; signature: { raw: Uint8Array } } }[]) {
        const bytes = sequenced.event.event.value;
        if (sequenced.event.event.type_url !== ANY_URL) throw new Error("not a ShopEvent");
        const signer = await recoverMessageAddress({ message: { raw: bytes }, signature: bytesToHex(sequenced.event.signature.raw) });
        const event = ShopEvent.toObject(ShopEvent.decode(bytes), { longs: String, bytes: String }) as Json;
        if (!this.allowed.has(signer)) throw new Error(`Unverified Event: signed by unknown address ${signer}`);
        const enroll = (event.account as { enrollKeycard?: { keycardPubkey: { raw: string } } } | undefined)?.enrollKeycard;
        if (enroll !== undefined) this.allowed.add(publicKeyToAddress(`0x04${Buffer.from(enroll.keycardPubkey.raw, "base64").toString("hex")}` as Hex));
        this.received.push({ seqNo: num(sequenced.seqNo), bytes, signer, event });
        count++;
      }
      this.respond(id);
    }
    return count;
  }

  /** AuthenticateRequest, then the challenge signed as a personal message. */
  async login(keycard: LocalAccount): Promise<void> {
    const challenge = await this.request({ authRequest: { publicKey: { raw: hexToBytes(keycard.publicKey).slice(1) } } });
    if (challenge.payload == null) throw new Error(`login refused: ${challenge.error?.message}`);
    const signature = await keycard.signMessage({ message: { raw: challenge.payload } });
    const solved = await this.request({ challengeSolutionRequest: { signature: { raw: hexToBytes(signature) } } });
    if (solved.error != null) throw new Error(`challenge refused: ${solved.error.message}`);
  }

  /** Writes one event as v3 did: nonce per keycard, a timestamp, no shop_id, EIP-191 over the protobufjs bytes. */
  async write(keycard: LocalAccount, member: Json, seconds: number): Promise<Response> {
    this.nonce++;
    const bytes = ShopEvent.encode(ShopEvent.fromObject({ nonce: this.nonce, timestamp: { seconds, nanos: 0 }, ...member })).finish();
    const signature = await keycard.signMessage({ message: { raw: bytes } });
    return this.request({ eventWriteRequest: { events: [{ event: { type_url: ANY_URL, value: bytes }, signature: { raw: hexToBytes(signature) } }] } });
  }

  subscribe(shopId: bigint, startShopSeqNo: number, objectTypes: readonly number[]): Promise<Response> {
    return this.request({ subscriptionRequest: { startShopSeqNo, shopId: { raw: hexToBytes(`0x${shopId.toString(16).padStart(64, "0")}`) }, filters: objectTypes.map((objectType) => ({ objectType })) } });
  }

  private request(message: Json): Promise<Response> {
    const id = this.nextRequestId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.send(Envelope.encode(Envelope.fromObject({ requestId: { raw: id }, ...message })).finish());
    });
  }

  private respond(id: number): void {
    this.send(Envelope.encode(Envelope.fromObject({ requestId: { raw: id }, response: {} })).finish());
  }
}
