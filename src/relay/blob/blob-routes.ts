// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The HTTP side of blob uploads: POST /v3/upload_blob?token=… and
// GET /ipfs/<cid>. Both answer any origin (a shop app in a browser uploads
// with fetch; the token, not a cookie, is the credential). A refused upload's
// rest is read and dropped, up to a small cap, so the client sees the answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type BlobAnswer, type BlobUploads, UPLOAD_BLOB_PATH } from "./blob-uploads.js";

const IPFS_PREFIX = "/ipfs/";
// Bytes of a refused body read and dropped before the connection is closed instead.
const DRAIN_LIMIT = 1024 * 1024;

/** Answers the blob endpoints; false for any other path. */
export function handleBlobHttp({ blobs, request, response, log }: { blobs: BlobUploads; request: IncomingMessage; response: ServerResponse; log: (line: string) => void }): boolean {
  const { pathname, searchParams } = new URL(request.url ?? "/", "http://relay");
  let answer: () => Promise<BlobAnswer>;
  if (pathname === UPLOAD_BLOB_PATH && request.method === "POST") {
    // A body that stalls would hold its memory reservation: it is cut off instead.
    request.setTimeout(blobs.uploadIdleMs, () => request.destroy(new Error(`upload sent nothing for ${blobs.uploadIdleMs} ms`)));
    // The body is iterated without destroying it on an early stop, so a refusal can still be answered.
    answer = () => blobs.upload({ token: searchParams.get("token"), contentType: request.headers["content-type"], body: request.iterator({ destroyOnReturn: false }) });
  } else if (pathname.startsWith(IPFS_PREFIX) && (request.method === "GET" || request.method === "HEAD")) {
    answer = () => blobs.read({ cid: pathname.slice(IPFS_PREFIX.length) });
  } else if (pathname === UPLOAD_BLOB_PATH || pathname.startsWith(IPFS_PREFIX)) {
    answer = async () => ({ status: 405, json: { error: `${request.method ?? "this method"} is not allowed here` } });
  } else {
    return false;
  }
  answer().then(
    (result) => send(request, response, result),
    (error: unknown) => {
      log(`relay: blob request ${request.method} ${pathname.slice(0, 80)} failed: ${error instanceof Error ? error.message : String(error)}`);
      return send(request, response, { status: request.complete || request.readableEnded ? 500 : 400, json: { error: "the request could not be processed" } });
    },
  ).catch(() => response.destroy());
  return true;
}

async function send(request: IncomingMessage, response: ServerResponse, answer: BlobAnswer): Promise<void> {
  // A body cut off (stalled, or the client went away) has no one left to answer.
  if (request.destroyed && !request.complete) {
    if ("blob" in answer) answer.release();
    response.destroy();
    return;
  }
  const drained = request.complete || (await drain(request));
  response.setHeader("access-control-allow-origin", "*");
  if (!drained) response.setHeader("connection", "close");
  if ("blob" in answer) {
    const { bytes, contentType } = answer.blob;
    response.on("close", answer.release);
    response.writeHead(200, {
      "content-type": contentType,
      "content-length": bytes.length,
      // Content-addressed: the bytes behind a CID never change.
      "cache-control": "public, max-age=31536000, immutable",
      // Uploaded by anyone: never sniffed into HTML, never run as a page of this origin.
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    response.end(request.method === "HEAD" ? undefined : bytes);
    return;
  }
  const headers: Record<string, string | number> = { "content-type": "application/json" };
  if (answer.retryAfter !== undefined) headers["retry-after"] = answer.retryAfter;
  response.writeHead(answer.status, headers);
  response.end(JSON.stringify(answer.json));
  if (!drained) response.on("finish", () => request.socket.destroy());
}

// Reads and drops what is left of the body; false when more than DRAIN_LIMIT was left.
function drain(request: IncomingMessage): Promise<boolean> {
  return new Promise((resolve) => {
    let dropped = 0;
    const done = (ended: boolean) => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onFail);
      request.off("close", onFail);
      if (!ended) request.pause();
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > DRAIN_LIMIT) done(false);
    };
    const onEnd = () => done(true);
    const onFail = () => done(request.complete);
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onFail);
    request.on("close", onFail);
    request.resume();
  });
}
