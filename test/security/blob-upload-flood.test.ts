// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a logged-in keycard floods the relay's blob uploads to exhaust its
// memory or disk: it hoards upload URLs, opens uploads in parallel and keeps
// them open, sends bodies far over the size cap, or uploads until the disk is
// full. What must hold: unused URLs are capped per keycard; uploads and reads
// in progress reserve their bytes from a fixed budget up front (503 past it,
// the token kept for a retry); a body is cut at the cap, never held whole;
// stored blobs never pass maxStoredBytes (507), and no partial file stays.
import { request as httpRequest } from "node:http";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ErrorCodes, isRelayError } from "../../src/index.js";
import { blobRelay, BOUNDARY, multipartBody, pathOf, rawHttp } from "../relay/blob-fixtures.js";
import { tempDir } from "../relay/data-dir-fixtures.js";
import { until } from "../session/raw-client.js";

const MiB = 1024 * 1024;
const RESERVED = MiB + 64 * 1024;
const noise = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 7919 + seed * 104_729) & 0xff);

/** An upload whose body is sent in parts the test controls; `done` resolves with the status once answered. */
function slowUpload(url: string) {
  const { hostname, port } = new URL(url);
  let status: number | undefined;
  const request = httpRequest({ host: hostname, port, method: "POST", path: pathOf(url), headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` } });
  const done = new Promise<number>((resolve, reject) => {
    request.on("response", (response) => {
      status = response.statusCode ?? 0;
      response.resume();
      response.on("end", () => resolve(status as number));
    });
    request.on("error", (error) => (status === undefined ? reject(error) : resolve(status)));
  });
  return { request, done, answered: () => status !== undefined };
}

describe("a keycard flooding the blob uploads", () => {
  it("hoards upload URLs: the 17th unused one is refused with TOO_MANY_CONCURRENT_REQUESTS", async () => {
    const relay = await blobRelay();
    for (let i = 0; i < 16; i++) expect(await relay.uploadUrl()).toMatch(/\/v3\/upload_blob\?token=[A-Za-z0-9_-]{43}$/);
    const refused = await relay.uploadUrl().catch((e: unknown) => e);
    expect(isRelayError(refused) && refused.errorCode).toBe(ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS);
    await relay.close();
  });

  it("keeps uploads open in parallel: past the memory budget the next gets 503 at once, and may retry with its token", async () => {
    const relay = await blobRelay({ blobs: { maxFileBytes: MiB, maxBufferedBytes: 2 * RESERVED } });
    const slow = [slowUpload(await relay.uploadUrl()), slowUpload(await relay.uploadUrl())];
    for (const [i, upload] of slow.entries()) upload.request.write(multipartBody({ bytes: noise(200_000, i) }).subarray(0, 100_000));
    await until(() => relay.server.blobs.bufferedBytes === 2 * RESERVED);
    const third = await relay.uploadUrl();
    const body = multipartBody({ bytes: noise(1000, 9) });
    const refused = await rawHttp({ url: third, method: "POST", path: pathOf(third), body });
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe("1");
    expect(relay.server.blobs.bufferedBytes).toBe(2 * RESERVED);
    for (const [i, upload] of slow.entries()) upload.request.end(multipartBody({ bytes: noise(200_000, i) }).subarray(100_000));
    expect(await Promise.all(slow.map((upload) => upload.done))).toEqual([201, 201]);
    expect(relay.server.blobs.bufferedBytes).toBe(0);
    expect((await rawHttp({ url: third, method: "POST", path: pathOf(third), body })).status).toBe(201);
    await relay.close();
  });

  it("reads blobs while the budget is taken: 503 with Retry-After, served once memory is free", async () => {
    const relay = await blobRelay({ blobs: { maxFileBytes: MiB, maxBufferedBytes: RESERVED } });
    const { url } = await relay.session.uploadBlob({ data: noise(1000, 3), contentType: "image/png" });
    const holding = slowUpload(await relay.uploadUrl());
    holding.request.write(multipartBody({ bytes: noise(10, 4) }).subarray(0, 50));
    await until(() => relay.server.blobs.bufferedBytes === RESERVED);
    const busy = await fetch(url);
    expect([busy.status, busy.headers.get("retry-after")]).toEqual([503, "1"]);
    holding.request.end(multipartBody({ bytes: noise(10, 4) }).subarray(50));
    expect(await holding.done).toBe(201);
    expect(new Uint8Array(await (await fetch(url)).arrayBuffer())).toEqual(noise(1000, 3));
    await relay.close();
  });

  it("opens an upload and stalls: cut off after uploadIdleMs, its memory reservation freed, nothing stored", async () => {
    const relay = await blobRelay({ blobs: { maxFileBytes: MiB, uploadIdleMs: 200 } });
    const stalled = slowUpload(await relay.uploadUrl());
    stalled.request.write(multipartBody({ bytes: noise(1000, 1) }).subarray(0, 500));
    await until(() => relay.server.blobs.bufferedBytes === RESERVED);
    // The relay closes the connection: the client sees a reset, not an answer.
    await expect(stalled.done).rejects.toThrow(/socket hang up|ECONNRESET/);
    await until(() => relay.server.blobs.bufferedBytes === 0);
    expect(relay.server.blobs.storedBytes).toBe(0);
    expect(relay.lines.some((line) => line.includes("upload sent nothing for 200 ms"))).toBe(true);
    await relay.close();
  });

  it("streams a body far over the cap: cut at the cap with 413, the rest never read, nothing stored or held", async () => {
    const dir = tempDir();
    const relay = await blobRelay({ dataDir: dir, blobs: { maxFileBytes: MiB } });
    const upload = slowUpload(await relay.uploadUrl());
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    upload.request.write(multipartBody({ bytes: new Uint8Array(0) }).subarray(0, -(BOUNDARY.length + 8)));
    let sent = 0;
    // Sends up to 64 MiB, but stops as soon as the relay answers.
    while (!upload.answered() && sent < 64 * MiB && !upload.request.destroyed) {
      if (!upload.request.write(chunk)) await new Promise((resolve) => upload.request.once("drain", resolve).once("close", resolve));
      sent += chunk.length;
    }
    expect(await upload.done).toBe(413);
    upload.request.destroy();
    expect(sent).toBeLessThan(16 * MiB);
    expect(relay.server.blobs.bufferedBytes).toBe(0);
    expect(relay.server.blobs.storedBytes).toBe(0);
    expect(readdirSync(join(dir, "blobs"))).toEqual([]);
    await relay.close();
  });

  it("uploads until the disk is full: refused with 507 at maxStoredBytes, a blob it already has still accepted", async () => {
    const dir = tempDir();
    const relay = await blobRelay({ dataDir: dir, blobs: { maxFileBytes: MiB, maxStoredBytes: 3 * MiB } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const url = await relay.uploadUrl();
      statuses.push((await rawHttp({ url, method: "POST", path: pathOf(url), body: multipartBody({ bytes: noise(MiB, i) }) })).status);
    }
    expect(statuses).toEqual([201, 201, 507, 507]);
    const files = readdirSync(join(dir, "blobs"));
    expect(files).toHaveLength(2);
    expect(files.reduce((sum, name) => sum + statSync(join(dir, "blobs", name)).size, 0)).toBeLessThanOrEqual(3 * MiB);
    const again = await relay.uploadUrl();
    expect((await rawHttp({ url: again, method: "POST", path: pathOf(again), body: multipartBody({ bytes: noise(MiB, 0) }) })).status).toBe(201);
    await relay.close();
  });
});
