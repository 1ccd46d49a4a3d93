// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Attack: a client reaches files of the relay's data directory through the
// blob endpoints: `..`, encoded slashes, NUL and suffixes in the CID of
// GET /ipfs/<cid>, a symbolic link planted under a valid CID's name, and an
// upload whose file name climbs out of the folder. What must hold: only a
// CIDv0 as multiformats prints it reaches the disk, the blob file is opened
// without following links (O_NOFOLLOW), the uploaded file name is never used,
// and the relay's key is never served.
import { chmodSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatePrivateKey } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { isRelayStoreError } from "../../src/index.js";
import { blobRelay, multipartBody, pathOf, rawHttp } from "../relay/blob-fixtures.js";
import { tempDir } from "../relay/data-dir-fixtures.js";

describe("path tricks against the blob endpoints", () => {
  it("never serve anything but a stored blob under its own CID", async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const relay = await blobRelay({ dataDir: dir, lines });
    // The relay command keeps its signing key here; this test plants one to aim at.
    writeFileSync(join(dir, "relay.key"), `0x${"5e".repeat(32)}\n`, { mode: 0o600 });
    const data = new TextEncoder().encode("a listing image");
    const { ipfsPath } = await relay.session.uploadBlob({ data, contentType: "image/png" });
    const cid = ipfsPath.slice("/ipfs/".length);
    // A valid CID the relay does not hold, planted as a link to the relay's key.
    const planted = "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH";
    symlinkSync(join(dir, "relay.key"), join(dir, "blobs", planted));
    const secret = readFileSync(join(dir, "relay.key"));
    const tricks = [
      "/ipfs/../relay.key",
      "/ipfs/..%2frelay.key",
      "/ipfs/%2e%2e%2frelay.key",
      "/ipfs/%2E%2E/relay.key",
      `/ipfs/${cid}/../../relay.key`,
      `/ipfs/${cid}/..%2f..%2frelay.key`,
      `/ipfs/${cid}%00`,
      `/ipfs/${cid}/`,
      `/ipfs/${cid}.`,
      "/ipfs//etc/passwd",
      "/ipfs/",
      `/ipfs/${planted}`,
      `/ipfs/${cid.toLowerCase()}`,
      "/ipfs/bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354",
      "/ipfs/.upload-00000000000000000000000000000000",
    ];
    for (const path of tricks) {
      const answer = await rawHttp({ url: relay.server.httpUrl, path });
      expect({ path, status: answer.status }).not.toEqual({ path, status: 200 });
      expect(answer.body.includes(secret)).toBe(false);
    }
    expect(lines.some((line) => line.includes(planted) || line.includes("symbolic link"))).toBe(true);
    // The blob itself, under its own CID, is served.
    const genuine = await rawHttp({ url: relay.server.httpUrl, path: `/ipfs/${cid}` });
    expect([genuine.status, new Uint8Array(genuine.body)]).toEqual([200, data]);
    await relay.close();
  });

  it("a blob file others could have written is not served; a blobs folder others can write refuses the start", async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const privateKey = generatePrivateKey();
    const relay = await blobRelay({ dataDir: dir, lines, privateKey });
    const { url, ipfsPath } = await relay.session.uploadBlob({ data: new TextEncoder().encode("image"), contentType: "image/png" });
    chmodSync(join(dir, "blobs", ipfsPath.slice("/ipfs/".length)), 0o666);
    expect((await fetch(url)).status).toBe(500);
    expect(lines.some((line) => line.includes("lets others read or write it") || line.includes("lets others write it"))).toBe(true);
    await relay.close();
    chmodSync(join(dir, "blobs"), 0o777);
    const refused = await blobRelay({ dataDir: dir, privateKey }).catch((e: unknown) => e);
    expect(isRelayStoreError(refused) && refused.problem).toBe("UNSAFE_MODE");
  });

  it("an upload named ../../relay.key is stored under its CID only; the key is untouched", async () => {
    const dir = tempDir();
    const relay = await blobRelay({ dataDir: dir });
    writeFileSync(join(dir, "relay.key"), `0x${"5e".repeat(32)}\n`, { mode: 0o600 });
    const key = readFileSync(join(dir, "relay.key"));
    const url = await relay.uploadUrl();
    const answer = await rawHttp({ url, method: "POST", path: pathOf(url), body: multipartBody({ bytes: new TextEncoder().encode("not a key"), filename: "../../relay.key" }) });
    expect(answer.status).toBe(201);
    const { ipfs_path } = JSON.parse(answer.body.toString()) as { ipfs_path: string };
    expect(readdirSync(join(dir, "blobs"))).toEqual([ipfs_path.slice("/ipfs/".length)]);
    expect(readFileSync(join(dir, "relay.key"))).toEqual(key);
    await relay.close();
  });

  it("a content type that would split the answer's headers is refused (400)", async () => {
    const relay = await blobRelay();
    const url = await relay.uploadUrl();
    const answer = await rawHttp({ url, method: "POST", path: pathOf(url), body: multipartBody({ bytes: new Uint8Array(3), contentType: 'text/html; x="a\rset-cookie: y"' }) });
    expect(answer.status).toBe(400);
    expect(relay.server.blobs.storedBytes).toBe(0);
    await relay.close();
  });
});
