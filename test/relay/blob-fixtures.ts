// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A relay server with a logged-in clerk session, for the blob upload tests,
// and raw HTTP helpers that send exactly the bytes a test means.
import { request as httpRequest } from "node:http";
import type { Hex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { WebSocket } from "ws";
import type { BlobUploadOptions } from "../../src/relay/blob/blob-uploads.js";
import { startRelayServer } from "../../src/relay/start-relay-server.js";
import { connectClientSession } from "../../src/session/connect-client-session.js";
import type { SessionClock } from "../../src/session/transport.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";

export const BOUNDARY = "----blob-test-boundary";

/** A relay server and a clerk logged in to shop 23; `close()` stops both. */
export async function blobRelay({ dataDir, clock, blobs, lines = [], privateKey = generatePrivateKey() }: { dataDir?: string; clock?: SessionClock; blobs?: BlobUploadOptions; lines?: string[]; privateKey?: Hex } = {}) {
  const server = await startRelayServer({ domain: TEST_RELAY_DOMAIN, privateKey, dataDir, clock, blobs, log: (line) => lines.push(line) });
  const account = privateKeyToAccount(generatePrivateKey());
  await server.relay.enrollKeycard({ shopId: 23n, publicKey: account.publicKey });
  const session = await connectClientSession({ url: server.url, domain: TEST_RELAY_DOMAIN, relays: [server.relay.address], WebSocket });
  await session.login({ account });
  /** A fresh single-use upload URL from the relay, left unused (the upload's fetch only notes it). */
  const uploadUrl = async () => {
    let url = "";
    const noteUrl = async (given: string) => {
      url = given;
      return new Response(JSON.stringify({ ipfs_path: "/ipfs/Qm", url: "http://relay/ipfs/Qm" }), { status: 201 });
    };
    await session.uploadBlob({ data: new Uint8Array(1), contentType: "image/png", fetch: noteUrl });
    return url;
  };
  return {
    server,
    session,
    uploadUrl,
    lines,
    close: async () => {
      session.close();
      await server.close();
    },
  };
}

/** A multipart body holding one part named `field` with the bytes. */
export function multipartBody({ field = "file", bytes, contentType = "application/octet-stream", filename = "blob" }: { field?: string; bytes: Uint8Array; contentType?: string; filename?: string }): Buffer {
  const head = `--${BOUNDARY}\r\ncontent-disposition: form-data; name="${field}"; filename="${filename}"\r\ncontent-type: ${contentType}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
}

/** One raw HTTP request (the path sent as given, no normalising); resolves with status, headers and body. */
export function rawHttp({ url, method = "GET", path, body, headers = {} }: { url: string; method?: string; path: string; body?: Buffer; headers?: Record<string, string> }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: hostname, port, method, path, headers: body === undefined ? headers : { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

/** Path and query of an upload URL, for rawHttp. */
export const pathOf = (url: string): string => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
};
