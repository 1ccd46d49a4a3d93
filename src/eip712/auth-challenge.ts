// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Keycard login: the relay's challenge signed as its own EIP-712 primary type
// (AuthChallenge), so a challenge signature never verifies as an event and back.
import { create } from "@bufbuild/protobuf";
import type { Address, Hex } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import { AuthChallengeSchema } from "../../gen/market/mass/authentication_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { parseSignature } from "../signature/parse-signature.js";
import { recoverDigestSigner } from "../signature/recover-digest-signer.js";
import { typedDigest } from "./digest.js";
import type { EventDomain } from "./domain.js";
import { authChallengePrimary } from "./primary-types.js";
import { expectedAddress, sameAddress } from "./expected-address.js";
import { type Signer, signDigest } from "./sign-digest.js";
import { type TypedData, typedDataOf } from "./typed-data.js";
import { objectParameter } from "../errors/object-parameter.js";

export interface AuthChallengeParameters {
  /** The challenge bytes from the relay's GenericResponse payload. */
  readonly challenge: Uint8Array;
  readonly domain: EventDomain;
}

function challengeMessage(challenge: unknown) {
  if (!(challenge instanceof Uint8Array) || challenge.length === 0) {
    throw new FieldValueError("WRONG_TYPE", "expected the relay's challenge as a non-empty Uint8Array", { path: "challenge" });
  }
  return create(AuthChallengeSchema, { challenge });
}

/**
 * Typed data of a login challenge, for a wallet's `eth_signTypedData_v4`.
 * @example const typedData = authChallengeTypedData({ challenge, domain });
 */
export function authChallengeTypedData(parameters: AuthChallengeParameters): TypedData<typeof authChallengePrimary> {
  const { challenge, domain } = objectParameter(parameters);
  return typedDataOf({ primary: authChallengePrimary, message: challengeMessage(challenge), domain, root: "challenge" });
}

/**
 * EIP-712 digest of a login challenge.
 * @example const digest = hashAuthChallenge({ challenge, domain });
 */
export function hashAuthChallenge(parameters: AuthChallengeParameters): Hex {
  const { challenge, domain } = objectParameter(parameters);
  return bytesToHex(typedDigest({ primary: authChallengePrimary, message: challengeMessage(challenge), domain, root: "challenge" }));
}

/**
 * Signs a login challenge with the keycard; put the result in ChallengeSolvedRequest.
 * @example const signature = await signAuthChallenge({ challenge, domain, account });
 */
export async function signAuthChallenge(parameters: AuthChallengeParameters & { readonly account: Signer }): Promise<Hex> {
  const { challenge, domain, account } = objectParameter(parameters);
  const message = challengeMessage(challenge);
  const digest = typedDigest({ primary: authChallengePrimary, message, domain, root: "challenge" });
  return signDigest({ account, digest, typedData: () => typedDataOf({ primary: authChallengePrimary, message, domain, root: "challenge" }) });
}

/**
 * Address that signed a login challenge (strict signature checks first).
 * @example const keycard = recoverAuthChallengeSigner({ challenge, domain, signature });
 */
export function recoverAuthChallengeSigner(parameters: AuthChallengeParameters & { readonly signature: Hex | Uint8Array }): Address {
  const { challenge, domain, signature } = objectParameter(parameters);
  const strict = parseSignature({ signature });
  const digest = typedDigest({ primary: authChallengePrimary, message: challengeMessage(challenge), domain, root: "challenge" });
  return recoverDigestSigner({ digest, signature: strict });
}

/**
 * True when the challenge was signed by `address`. Synchronous (no I/O), so
 * a forgotten `await` cannot turn a refusal into an always-truthy Promise.
 * @example if (!verifyAuthChallenge({ challenge, domain, signature, address })) socket.close();
 */
export function verifyAuthChallenge(parameters: AuthChallengeParameters & { readonly signature: Hex | Uint8Array; readonly address: Address }): boolean {
  const { address, ...rest } = objectParameter(parameters);
  const expected = expectedAddress({ address });
  return sameAddress({ a: recoverAuthChallengeSigner(rest), b: expected });
}
