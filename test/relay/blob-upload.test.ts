// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Blob uploads through the reference relay from Node: the session asks for a
// single-use URL, ClientSession.uploadBlob posts the bytes, and the relay
// serves them back at /ipfs/<cid> byte for byte, checked against the CID.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { isBlobUploadError, isFieldValueError, isSessionError } from "../../src/index.js";
import { blobCid } from "../../src/relay/blob/blob-cid.js";
import { DEFAULT_MAX_BLOB_BYTES, startTestRelay } from "../../src/testing.js";
import { ManualClock } from "../session/harness.js";
import { blobRelay, multipartBody, pathOf, rawHttp } from "./blob-fixtures.js";
import { tempDir } from "./data-dir-fixtures.js";

const bytes = (length: number, seed = 7): Uint8Array => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

describe("ClientSession.uploadBlob against the test relay (Node)", () => {
  it("uploads a file larger than a chunk and fetches it back byte for byte", async () => {
    const relay = await startTestRelay();
    const account = privateKeyToAccount(generatePrivateKey());
    await relay.enrollKeycard({ shopId: 23n, publicKey: account.publicKey });
    const session = await relay.connect();
    await session.login({ account });
    const data = bytes(300_000);
    const uploaded = await session.uploadBlob({ data, contentType: "image/png" });
    const cid = await blobCid({ chunks: [data] });
    expect(uploaded).toEqual({ ipfsPath: `/ipfs/${cid}`, url: `${relay.httpUrl}/ipfs/${cid}` });
    const response = await fetch(uploaded.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-length")).toBe("300000");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(data);
    session.close();
    await relay.close();
  });

  it("keeps blobs in DIR/blobs (0600, named by CID) and serves them after a restart", async () => {
    const dir = tempDir();
    const privateKey = generatePrivateKey();
    const first = await blobRelay({ dataDir: dir, privateKey });
    const data = new TextEncoder().encode("hello world");
    const { ipfsPath } = await first.session.uploadBlob({ data, contentType: "text/plain; charset=utf-8" });
    expect(ipfsPath).toBe("/ipfs/Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD");
    expect(readdirSync(join(dir, "blobs"))).toEqual(["Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD"]);
    expect(statSync(join(dir, "blobs", "Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD")).mode & 0o777).toBe(0o600);
    await first.close();
    const second = await blobRelay({ dataDir: dir, privateKey });
    const response = await fetch(`${second.server.httpUrl}${ipfsPath}`);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("hello world");
    expect(second.server.blobs.storedBytes).toBeGreaterThan(11);
    await second.close();
  });

  it("counts a blob uploaded twice at once in DIR/blobs once", async () => {
    const dir = tempDir();
    const relay = await blobRelay({ dataDir: dir });
    const data = bytes(5000);
    const [a, b] = await Promise.all([relay.session.uploadBlob({ data, contentType: "image/png" }), relay.session.uploadBlob({ data, contentType: "image/png" })]);
    expect(a).toEqual(b);
    const file = join(dir, "blobs", a.ipfsPath.slice("/ipfs/".length));
    expect(relay.server.blobs.storedBytes).toBe(statSync(file).size);
    await relay.close();
  });

  it("refuses a reused token with 403 and stores nothing from it", async () => {
    const relay = await blobRelay();
    const url = await relay.uploadUrl();
    const first = await rawHttp({ url, method: "POST", path: pathOf(url), body: multipartBody({ bytes: bytes(10) }) });
    expect(first.status).toBe(201);
    const stored = relay.server.blobs.storedBytes;
    const again = await rawHttp({ url, method: "POST", path: pathOf(url), body: multipartBody({ bytes: bytes(20) }) });
    expect(again.status).toBe(403);
    expect(JSON.parse(again.body.toString())).toEqual({ error: "unknown or already used upload token" });
    expect(relay.server.blobs.storedBytes).toBe(stored);
    await relay.close();
  });

  it("refuses an expired token with 403 (the relay's clock, ten minutes by default)", async () => {
    const clock = new ManualClock();
    clock.time = 1_000_000;
    const relay = await blobRelay({ clock });
    const url = await relay.uploadUrl();
    clock.time += 600_000;
    const answer = await rawHttp({ url, method: "POST", path: pathOf(url), body: multipartBody({ bytes: bytes(10) }) });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body.toString())).toEqual({ error: "upload token expired" });
    expect(relay.server.blobs.storedBytes).toBe(0);
    // One millisecond inside its lifetime a token still works.
    const fresh = await relay.uploadUrl();
    clock.time += 599_999;
    expect((await rawHttp({ url: fresh, method: "POST", path: pathOf(fresh), body: multipartBody({ bytes: bytes(10) }) })).status).toBe(201);
    await relay.close();
  });

  it("refuses a made-up token and a missing one", async () => {
    const relay = await blobRelay();
    const body = multipartBody({ bytes: bytes(10) });
    const made = await rawHttp({ url: relay.server.httpUrl, method: "POST", path: `/v3/upload_blob?token=${Buffer.alloc(32).toString("base64url")}`, body });
    const none = await rawHttp({ url: relay.server.httpUrl, method: "POST", path: "/v3/upload_blob", body });
    expect([made.status, none.status]).toEqual([403, 403]);
    expect(relay.server.blobs.storedBytes).toBe(0);
    await relay.close();
  });

  it("an upload before login fails with NOT_LOGGED_IN, before anything is sent", async () => {
    const relay = await startTestRelay();
    const session = await relay.connect();
    const refused = await session.uploadBlob({ data: bytes(4), contentType: "image/png" }).catch((e: unknown) => e);
    expect(isSessionError(refused) && refused.problem).toBe("NOT_LOGGED_IN");
    session.close();
    await relay.close();
  });

  it("accepts exactly 32 MiB and refuses 32 MiB + 1 byte with 413, storing nothing", async () => {
    const dir = tempDir();
    const relay = await blobRelay({ dataDir: dir });
    const over = new Uint8Array(DEFAULT_MAX_BLOB_BYTES + 1).fill(0x61);
    const refused = await relay.session.uploadBlob({ data: over, contentType: "image/png" }).catch((e: unknown) => e);
    expect(isBlobUploadError(refused) && [refused.problem, refused.status]).toEqual(["REFUSED", 413]);
    expect(relay.server.blobs.storedBytes).toBe(0);
    expect(readdirSync(join(dir, "blobs"))).toEqual([]);
    expect(relay.server.blobs.bufferedBytes).toBe(0);
    const { ipfsPath } = await relay.session.uploadBlob({ data: over.subarray(0, DEFAULT_MAX_BLOB_BYTES), contentType: "image/png" });
    expect(readdirSync(join(dir, "blobs"))).toEqual([ipfsPath.slice("/ipfs/".length)]);
    await relay.close();
  });

  it("refuses a multipart body whose field is not `file` (400), and a second field", async () => {
    const relay = await blobRelay();
    const url = await relay.uploadUrl();
    const wrong = await rawHttp({ url, method: "POST", path: pathOf(url), body: multipartBody({ field: "image", bytes: bytes(10) }) });
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.body.toString()).error).toBe('expected the field "file", got "image"');
    const second = await relay.uploadUrl();
    const two = Buffer.concat([multipartBody({ bytes: bytes(10) }).subarray(0, -4), Buffer.from('\r\ncontent-disposition: form-data; name="file"\r\n\r\nmore\r\n--'), Buffer.from("----blob-test-boundary--\r\n")]);
    const answer = await rawHttp({ url: second, method: "POST", path: pathOf(second), body: two });
    expect(answer.status).toBe(400);
    expect(relay.server.blobs.storedBytes).toBe(0);
    await relay.close();
  });

  it("refuses to serve a blob corrupted on disk (500, logged) and serves it again once repaired", async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const relay = await blobRelay({ dataDir: dir, lines });
    const data = bytes(1000);
    const { url, ipfsPath } = await relay.session.uploadBlob({ data, contentType: "image/jpeg" });
    const file = join(dir, "blobs", ipfsPath.slice("/ipfs/".length));
    const original = readFileSync(file);
    const damaged = Buffer.from(original);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 1) ^ 0x01, damaged.length - 1);
    writeFileSync(file, damaged);
    const refused = await fetch(url);
    expect(refused.status).toBe(500);
    expect(await refused.json()).toEqual({ error: "the stored blob does not match its CID" });
    expect(lines).toContain(`relay: stored blob ${ipfsPath.slice(6)} does not match its CID; not served`);
    writeFileSync(file, original);
    expect(new Uint8Array(await (await fetch(url)).arrayBuffer())).toEqual(data);
    await relay.close();
  });

  it("gives upload URLs under publicUrl when set (a relay behind a proxy)", async () => {
    const relay = await blobRelay({ blobs: { publicUrl: "https://relay.example.com/" } });
    expect(await relay.uploadUrl()).toMatch(/^https:\/\/relay\.example\.com\/v3\/upload_blob\?token=[A-Za-z0-9_-]{43}$/);
    await relay.close();
  });

  it("refuses a limit that is not a positive integer, naming it", async () => {
    const refused = await startTestRelay({ blobs: { maxFileBytes: 0 } }).catch((e: unknown) => e);
    expect(isFieldValueError(refused) && [refused.code, refused.path]).toEqual(["OUT_OF_RANGE", "blobs.maxFileBytes"]);
  });

  it("answers 404 for a CID it does not hold and 405 for other methods", async () => {
    const relay = await blobRelay();
    expect((await fetch(`${relay.server.httpUrl}/ipfs/QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH`)).status).toBe(404);
    expect((await fetch(`${relay.server.httpUrl}/v3/upload_blob`)).status).toBe(405);
    await relay.close();
  });
});
