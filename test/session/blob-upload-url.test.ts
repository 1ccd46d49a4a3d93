// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// GetBlobUploadURLRequest on a RelaySession without sockets: only a logged-in
// keycard gets an answer, the URL comes from the backend's optional
// blobUploadUrl, and a backend without it refuses with INVALID.
import { generatePrivateKey } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { createAuthenticateRequest, createChallengeSolvedRequest, type Envelope, ErrorCodes, RelayError, type RelayKeycard, RelaySession, signAuthChallenge } from "../../src/index.js";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import * as f from "./fixtures.js";
import { flush, frame, ManualClock, Recorder } from "./harness.js";

type Blobs = { issueUploadUrl(input: { keycard: RelayKeycard }): Promise<string> };

async function session({ blobs, login }: { blobs?: Blobs; login: boolean }) {
  const backend = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: generatePrivateKey(), blobs });
  const transport = new Recorder();
  const relaySession = new RelaySession({ transport, backend, clock: new ManualClock() });
  const clerk = new f.Writer(TEST_RELAY_DOMAIN);
  await backend.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
  if (login) {
    relaySession.receive({ frame: frame(1n, { case: "authRequest", value: createAuthenticateRequest({ publicKey: clerk.account.publicKey }) }) });
    const challenge = answer(transport.take()[0]);
    if (challenge.case !== "payload") throw new Error("no challenge");
    const signature = await signAuthChallenge({ challenge: challenge.value, domain: TEST_RELAY_DOMAIN, account: clerk.account });
    relaySession.receive({ frame: frame(2n, { case: "challengeSolutionRequest", value: createChallengeSolvedRequest({ signature }) }) });
    transport.take();
  }
  const ask = async () => {
    relaySession.receive({ frame: frame(9n, { case: "getBlobUploadUrlRequest", value: {} }) });
    await flush();
    return answer(transport.take()[0]);
  };
  return { ask, clerk };
}

function answer(envelope: Envelope | undefined) {
  if (envelope?.message.case !== "response") throw new Error("expected a response");
  return envelope.message.value.response;
}

describe("GetBlobUploadURLRequest", () => {
  const blobs: Blobs = { issueUploadUrl: async ({ keycard }) => `http://relay/v3/upload_blob?token=for-${keycard.address}` };

  it("is refused with NOT_AUTHENTICATED before login, even when the backend stores blobs", async () => {
    const { ask } = await session({ blobs, login: false });
    expect(await ask()).toMatchObject({ case: "error", value: { code: ErrorCodes.NOT_AUTHENTICATED, message: "blob uploads need a keycard login" } });
  });

  it("answers a logged-in keycard with the backend's URL as UTF-8 payload", async () => {
    const { ask, clerk } = await session({ blobs, login: true });
    const response = await ask();
    expect(response.case).toBe("payload");
    expect(new TextDecoder().decode(response.value as Uint8Array)).toBe(`http://relay/v3/upload_blob?token=for-${clerk.account.address}`);
  });

  it("passes the backend's refusal on (a RelayError's code and text)", async () => {
    const full: Blobs = { issueUploadUrl: async () => Promise.reject(new RelayError({ errorCode: ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS, relayMessage: "too many unused upload URLs" })) };
    const { ask } = await session({ blobs: full, login: true });
    expect(await ask()).toMatchObject({ case: "error", value: { code: ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS, message: "too many unused upload URLs" } });
  });

  it("is refused with INVALID by a backend without blobUploadUrl", async () => {
    const { ask } = await session({ login: true });
    expect(await ask()).toMatchObject({ case: "error", value: { code: ErrorCodes.INVALID, message: "this relay does not store blobs" } });
  });
});
