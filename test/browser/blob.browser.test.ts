// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// ClientSession.uploadBlob in real Chromium: the upload URL over the
// browser's WebSocket, the bytes posted with the browser's fetch and
// FormData to the loopback relay (another origin), then fetched back.
import type { Address, Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, inject, it } from "vitest";
import { connectClientSession, type EventDomain, isBlobUploadError } from "../../src/index.js";

const relay = inject("relay");
const domain: EventDomain = { chainId: relay.chainId, verifyingContract: relay.verifyingContract as Address };

describe("blob uploads from Chromium", () => {
  it("uploads bytes larger than a chunk and a Blob, and fetches both back byte for byte", async () => {
    expect(typeof globalThis.FormData).toBe("function");
    const session = await connectClientSession({ url: relay.url, domain, relays: [relay.relayAddress as Address] });
    await session.login({ account: privateKeyToAccount(relay.blobKey as Hex) });
    const data = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 131 + 17) & 0xff);
    const uploaded = await session.uploadBlob({ data, contentType: "image/png" });
    expect(uploaded.ipfsPath).toMatch(/^\/ipfs\/Qm[1-9A-HJ-NP-Za-km-z]{44}$/);
    expect(uploaded.url.endsWith(uploaded.ipfsPath)).toBe(true);
    const response = await fetch(uploaded.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(data);

    const svg = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: "image/svg+xml" });
    const second = await session.uploadBlob({ data: svg, contentType: "image/svg+xml" });
    expect(await (await fetch(second.url)).text()).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    session.close();
  });

  it("a file over the relay's 32 MiB cap is refused with 413 (BlobUploadError)", async () => {
    const session = await connectClientSession({ url: relay.url, domain, relays: [relay.relayAddress as Address] });
    await session.login({ account: privateKeyToAccount(relay.blobKey as Hex) });
    const refused = await session.uploadBlob({ data: new Uint8Array(32 * 1024 * 1024 + 1), contentType: "image/png" }).catch((e: unknown) => e);
    expect(isBlobUploadError(refused) && [refused.problem, refused.status]).toEqual(["REFUSED", 413]);
    session.close();
  });
});
