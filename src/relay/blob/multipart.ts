// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A streaming reader of a multipart/form-data body (RFC 7578) that holds
// exactly one field, the uploaded file: the bytes are counted as they arrive
// and the read stops at the first byte over a cap, so an oversized body is
// never held whole. Anything else (another field, a second part, a body cut
// short) is refused with the HTTP status to answer.

/** The file part of an upload: its bytes as they arrived, and the content type it was sent with. */
export interface MultipartFile {
  readonly chunks: readonly Uint8Array[];
  readonly size: number;
  readonly contentType: string | undefined;
}

/** A body this reader will not take, with the HTTP status to answer. */
export class MultipartRefusal extends Error {
  override name = "MultipartRefusal";
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

const MAX_HEADER_BYTES = 8 * 1024;
const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");
// RFC 2046 boundary characters, 1 to 70 of them.
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{1,70}$/;

/** The boundary of a `multipart/form-data` content type, or a refusal (415). */
export function multipartBoundary({ contentType }: { contentType: string | undefined }): string {
  const match = /^multipart\/form-data\s*;(.*)$/i.exec(contentType ?? "");
  const parameter = match === null ? undefined : /(?:^|;)\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(match[1] as string);
  const boundary = parameter?.[1] ?? parameter?.[2];
  if (boundary === undefined || !BOUNDARY.test(boundary)) throw new MultipartRefusal(415, "expected a multipart/form-data body with a boundary");
  return boundary;
}

/**
 * Reads the one field `field` of a multipart body: its bytes (at most
 * `maxFileBytes`, 413 past that) within a body of at most `maxBodyBytes`.
 */
export async function readMultipartFile({ body, boundary, field, maxFileBytes, maxBodyBytes }: { body: AsyncIterable<Uint8Array>; boundary: string; field: string; maxFileBytes: number; maxBodyBytes: number }): Promise<MultipartFile> {
  // With a CRLF in front, the first boundary line reads like every later one.
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  let pending: Buffer = Buffer.from(CRLF);
  let state: "preamble" | "after-delimiter" | "headers" | "file" | "end" = "preamble";
  let parts = 0;
  let bodyBytes = 0;
  let size = 0;
  let contentType: string | undefined;
  const chunks: Uint8Array[] = [];
  const keep = (bytes: Buffer) => {
    size += bytes.length;
    if (size > maxFileBytes) throw new MultipartRefusal(413, `the file is over the ${maxFileBytes}-byte limit`);
    if (bytes.length > 0) chunks.push(bytes);
  };
  for await (const chunk of body) {
    bodyBytes += chunk.length;
    if (bodyBytes > maxBodyBytes) throw new MultipartRefusal(413, `the body is over the ${maxBodyBytes}-byte limit`);
    pending = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
    for (;;) {
      if (state === "end") {
        pending = Buffer.alloc(0);
        break;
      }
      if (state === "preamble" || state === "file") {
        const at = pending.indexOf(delimiter);
        // Up to the last bytes that could start a delimiter, the bytes are the part's (or the preamble's).
        const safe = at < 0 ? Math.max(0, pending.length - delimiter.length + 1) : at;
        if (state === "file") keep(pending.subarray(0, safe));
        else if (safe > MAX_HEADER_BYTES) throw new MultipartRefusal(400, "expected the first boundary at the start of the body");
        if (at < 0) {
          pending = pending.subarray(safe);
          break;
        }
        pending = pending.subarray(at + delimiter.length);
        state = "after-delimiter";
        continue;
      }
      if (state === "after-delimiter") {
        if (pending.length < 2) break;
        const next = pending.subarray(0, 2).toString("latin1");
        pending = pending.subarray(2);
        if (next === "--") state = "end";
        else if (next === "\r\n") state = "headers";
        else throw new MultipartRefusal(400, "a boundary line is not followed by CRLF or --");
        if (state === "headers" && ++parts > 1) throw new MultipartRefusal(400, `expected one field, "${field}", and nothing else`);
        continue;
      }
      const end = pending.indexOf(HEADER_END);
      if (end < 0) {
        if (pending.length > MAX_HEADER_BYTES) throw new MultipartRefusal(400, `part headers over ${MAX_HEADER_BYTES} bytes`);
        break;
      }
      const headers = parseHeaders(pending.subarray(0, end).toString("utf8"));
      const name = /(?:^|;)\s*name=(?:"([^"]*)"|([^;\s]*))/i.exec(headers.get("content-disposition") ?? "");
      const given = name?.[1] ?? name?.[2];
      if (given !== field) throw new MultipartRefusal(400, `expected the field "${field}", got ${given === undefined ? "a part without a name" : JSON.stringify(given)}`);
      contentType = headers.get("content-type");
      pending = pending.subarray(end + HEADER_END.length);
      state = "file";
    }
  }
  if (parts === 0) throw new MultipartRefusal(400, `expected a field "${field}"`);
  if (state !== "end") throw new MultipartRefusal(400, "the body ends before its closing boundary");
  return { chunks, size, contentType };
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw new MultipartRefusal(400, "a part header line without a name");
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}
