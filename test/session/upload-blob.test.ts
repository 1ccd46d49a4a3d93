// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// ClientSession.uploadBlob's failures, each typed: junk parameters name the
// field; after the relay gave a URL, every way the HTTP side can go wrong is
// a BlobUploadError with its problem (and status when there was one).
import { describe, expect, it } from "vitest";
import { type BlobUploadProblem, isBlobUploadError, isFieldValueError } from "../../src/index.js";
import { blobRelay } from "../relay/blob-fixtures.js";

describe("ClientSession.uploadBlob failures", () => {
  it("names the field of junk parameters", async () => {
    const relay = await blobRelay();
    const junk: [unknown, string][] = [
      [{ data: "not bytes", contentType: "image/png" }, "data"],
      [{ data: new Uint8Array(1), contentType: "png" }, "contentType"],
      [{ data: new Uint8Array(1), contentType: "image/png\r\nx-evil: 1" }, "contentType"],
      [{ data: new Uint8Array(1), contentType: "image/png", fetch: "no" }, "fetch"],
      [undefined, "parameters"],
    ];
    for (const [parameters, path] of junk) {
      const refused = await relay.session.uploadBlob(parameters as never).catch((e: unknown) => e);
      expect(isFieldValueError(refused) && refused.path).toBe(path);
    }
    await relay.close();
  });

  it.each<[string, (url: string) => Promise<Response>, BlobUploadProblem, number | undefined]>([
    ["no HTTP answer", async () => Promise.reject(new TypeError("fetch failed")), "NETWORK", undefined],
    ["a refusal", async () => new Response('{"error":"busy"}', { status: 503 }), "REFUSED", 503],
    ["a 201 that is not JSON", async () => new Response("ok", { status: 201 }), "BAD_ANSWER", 201],
    ["a 201 with a path that is not /ipfs/<cid>", async () => new Response(JSON.stringify({ ipfs_path: "/ipfs/../x", url: "http://relay/ipfs/x" }), { status: 201 }), "BAD_ANSWER", 201],
    ["a 201 with a URL that is not http(s)", async () => new Response(JSON.stringify({ ipfs_path: "/ipfs/Qm1", url: "javascript:alert(1)" }), { status: 201 }), "BAD_ANSWER", 201],
  ])("%s is a BlobUploadError", async (_, fetch, problem, status) => {
    const relay = await blobRelay();
    const refused = await relay.session.uploadBlob({ data: new Uint8Array(1), contentType: "image/png", fetch }).catch((e: unknown) => e);
    expect(isBlobUploadError(refused) && [refused.code, refused.problem, refused.status]).toEqual(["BLOB_UPLOAD_FAILED", problem, status]);
    await relay.close();
  });

  it("an upload URL that is not http(s) is never fetched (BAD_UPLOAD_URL)", async () => {
    const relay = await blobRelay({ blobs: { publicUrl: "file:///etc" } });
    let fetched = false;
    const fetch = async () => {
      fetched = true;
      return new Response("", { status: 201 });
    };
    const refused = await relay.session.uploadBlob({ data: new Uint8Array(1), contentType: "image/png", fetch }).catch((e: unknown) => e);
    expect(isBlobUploadError(refused) && refused.problem).toBe("BAD_UPLOAD_URL");
    expect(fetched).toBe(false);
    await relay.close();
  });
});
