// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// POST /v3/enroll_key_card[?guest=1]: a wallet signs in (ERC-4361) for a
// keycard key, and the relay enrolls it with a relay-signed
// Account.enroll_keycard. The checks are the v3 relay's (docs/sessions.md,
// "Enrollment by sign-in"), parsed and verified with viem's SIWE helpers.
import { type Address, bytesToHex, getAddress, type Hex, hexToBytes, isHex, recoverMessageAddress } from "viem";
import { parseSiweMessage, validateSiweMessage } from "viem/siwe";
import { isNetworkSchemaError } from "../../errors/base.js";
import { isRelayError } from "../../errors/relay-error.js";
import { keycardAddress } from "../../wire/keycards.js";
import type { ReferenceRelay } from "../reference-relay.js";
import type { ShopAccess } from "./shop-access.js";
import { signInPlaceProblem } from "./sign-in-hosts.js";

/** Path of the enrollment endpoint, as on v3 relays. */
export const ENROLL_PATH = "/v3/enroll_key_card";
/** The nonce v3 relays required in the sign-in message. */
export const ENROLL_NONCE = "00000000";

/** An HTTP answer: status and JSON body. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

const refuse = (status: number, error: string): HttpAnswer => ({ status, body: { success: false, error } });

/**
 * Checks a sign-in enrollment and, when it holds, enrolls the keycard.
 * 400: a malformed or wrong message (domain, URI, nonce, resources, relay id;
 * `hosts` and `referer` as in {@link signInPlaceProblem})
 * or a signature of another wallet; 403: the wallet may not act as a clerk;
 * 409: the keycard key is already enrolled; 201 `{ success: true }`.
 *
 * @example
 * const relay = await ReferenceRelay.open({ domain, privateKey, dialect: "v3" });
 * const answer = await enrollBySignIn({ relay, access: createShopAccess(), hosts: ["127.0.0.1:4444"], referer: undefined, relayTokenId: 1n, body: { message: "…", signature: "…" }, guest: false, now: new Date() });
 */
export async function enrollBySignIn({
  relay,
  access,
  hosts,
  referer,
  relayTokenId,
  body,
  guest,
  now,
}: {
  relay: ReferenceRelay;
  access: ShopAccess;
  hosts: readonly string[];
  referer: string | undefined;
  relayTokenId: bigint;
  body: Record<string, unknown>;
  guest: boolean;
  now: Date;
}): Promise<HttpAnswer> {
  const { message, signature } = body;
  if (typeof message !== "string" || message.length > 4096) return refuse(400, "message: expected an ERC-4361 message (a string of at most 4096 characters)");
  const signatureHex = signatureOf(signature);
  if (signatureHex === undefined) return refuse(400, "signature: expected 65 bytes, base64 or 0x-hex");
  const siwe = parseSiweMessage(message);
  if (siwe.address === undefined || siwe.uri === undefined) return refuse(400, "message: not an ERC-4361 message");
  // v3's fixed nonce, and the validity window when the message has one.
  if (!validateSiweMessage({ message: siwe, nonce: ENROLL_NONCE, time: now })) return refuse(400, `message: expected nonce ${ENROLL_NONCE} and a current validity window`);
  // The message must name this relay (or the page that had the wallet sign): domain and URI.
  const place = signInPlaceProblem({ domain: siwe.domain ?? "", uri: siwe.uri, referer, hosts, path: ENROLL_PATH });
  if (place !== undefined) return refuse(400, `message: ${place}`);
  const resources = resourcesOf(siwe.resources ?? []);
  if (typeof resources === "string") return refuse(400, `message: resources: ${resources}`);
  if (resources.relayId !== relayTokenId) return refuse(400, `message: resources: mass-relayid ${resources.relayId} is not this relay (${relayTokenId})`);
  let signer: Address;
  try {
    signer = await recoverMessageAddress({ message, signature: signatureHex });
  } catch {
    return refuse(400, "signature: does not recover to a wallet");
  }
  if (signer !== getAddress(siwe.address)) return refuse(400, `signature: signed by ${signer}, not by the message's address ${getAddress(siwe.address)}`);
  let keycard: Address;
  try {
    keycard = keycardAddress({ keycard: resources.keycard });
  } catch {
    return refuse(400, "message: resources: mass-keycard is not a secp256k1 public key");
  }
  if (relay.enrolledShop(keycard) !== undefined) return refuse(409, `keycard ${keycard} is already enrolled`);
  if (!guest && !(await access.mayEnrollClerk({ shopId: resources.shopId, wallet: signer, owner: ownerOf(relay, resources.shopId) }))) {
    return refuse(403, `wallet ${signer} may not enroll clerks of shop ${BigInt(resources.shopId)}`);
  }
  try {
    await relay.enrollKeycard({ shopId: resources.shopId, publicKey: resources.keycard, userWallet: signer, guest });
  } catch (error) {
    if (isRelayError(error) || isNetworkSchemaError(error)) return refuse(409, error.message);
    throw error;
  }
  return { status: 201, body: { success: true } };
}

// v3 clients send base64 (Go's []byte in JSON); 0x-hex is taken too.
function signatureOf(value: unknown): Hex | undefined {
  if (typeof value !== "string") return undefined;
  if (isHex(value, { strict: true })) return value.length === 132 ? value : undefined;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  const bytes = Uint8Array.from(Buffer.from(value, "base64"));
  return bytes.length === 65 ? bytesToHex(bytes) : undefined;
}

/** Exactly mass-relayid, mass-shopid and mass-keycard, once each; or what is wrong. */
function resourcesOf(resources: readonly string[]): { relayId: bigint; shopId: Hex; keycard: Uint8Array } | string {
  if (resources.length !== 3) return `expected exactly 3 (mass-relayid, mass-shopid, mass-keycard), got ${resources.length}`;
  const found = new Map<string, string>();
  for (const resource of resources) {
    const colon = resource.indexOf(":");
    const name = resource.slice(0, colon);
    if (colon < 0 || !["mass-relayid", "mass-shopid", "mass-keycard"].includes(name) || found.has(name)) return `unexpected resource ${resource}`;
    found.set(name, resource.slice(colon + 1));
  }
  const relayId = decimal(found.get("mass-relayid"));
  const shop = decimal(found.get("mass-shopid"));
  if (relayId === undefined || shop === undefined || shop >= 2n ** 256n) return "mass-relayid and mass-shopid must be decimal token ids";
  const key = found.get("mass-keycard") ?? "";
  const keyHex = (key.startsWith("0x") ? key : `0x${key}`) as Hex;
  if (!isHex(keyHex, { strict: true }) || keyHex.length !== 130) return "mass-keycard must be a 64-byte public key in hex";
  return { relayId, shopId: `0x${shop.toString(16).padStart(64, "0")}`, keycard: hexToBytes(keyHex) };
}

function decimal(text: string | undefined): bigint | undefined {
  return text !== undefined && /^[0-9]{1,78}$/.test(text) ? BigInt(text) : undefined;
}

// The wallet of the shop's first clerk keycard: the owner under "first wallet owns".
function ownerOf(relay: ReferenceRelay, shopId: Hex): Address | undefined {
  const keycards = relay.shopState({ shopId })?.keycards ?? {};
  return Object.values(keycards).find((card) => card.role === "clerk")?.userWallet;
}
