// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The HTTP half of a blob upload, as v3 relays take it: a multipart POST of
// one field, `file`, to the single-use URL; 201 with the IPFS path and URL.
import { BlobUploadError } from "../errors/blob-upload-error.js";

/** Where an uploaded blob is: its IPFS path (`/ipfs/<cid>`) and the relay's URL for it. */
export interface UploadedBlob {
  readonly ipfsPath: string;
  readonly url: string;
}

/** The fetch function an upload uses (the global one, or a test's). */
export type FetchFunction = (url: string, init: { method: string; body: FormData }) => Promise<Response>;

const IPFS_PATH = /^\/ipfs\/[A-Za-z0-9]{1,128}$/;

/** Posts `data` to the upload URL the relay gave, and checks the answer. */
export async function postBlob({ uploadUrl, data, contentType, fetch }: { uploadUrl: string; data: Uint8Array | Blob; contentType: string; fetch: FetchFunction }): Promise<UploadedBlob> {
  if (!isHttpUrl(uploadUrl)) throw new BlobUploadError({ problem: "BAD_UPLOAD_URL", expected: `expected an http(s) upload URL from the relay, got ${JSON.stringify(uploadUrl.slice(0, 80))}` });
  const form = new FormData();
  form.append("file", new Blob([data as BlobPart], { type: contentType }), "blob");
  let response: Response;
  try {
    response = await fetch(uploadUrl, { method: "POST", body: form });
  } catch (cause) {
    throw new BlobUploadError({ problem: "NETWORK", expected: "expected an HTTP answer to the upload", cause });
  }
  const text = await response.text().catch(() => "");
  if (response.status !== 201) throw new BlobUploadError({ problem: "REFUSED", status: response.status, expected: `expected 201 from the upload, got ${response.status}: ${text.slice(0, 200)}` });
  let answer: { ipfs_path?: unknown; url?: unknown } | null;
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    answer = null;
  }
  const ipfsPath = answer?.ipfs_path;
  const url = answer?.url;
  if (typeof ipfsPath !== "string" || !IPFS_PATH.test(ipfsPath) || typeof url !== "string" || !isHttpUrl(url)) {
    throw new BlobUploadError({ problem: "BAD_ANSWER", status: 201, expected: `expected {"ipfs_path": "/ipfs/<cid>", "url": "http(s)://…"}, got ${text.slice(0, 200)}` });
  }
  return { ipfsPath, url };
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}
