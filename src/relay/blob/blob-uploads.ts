// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The reference relay's blob uploads (v3 §4): a logged-in keycard gets a
// single-use, expiring upload URL; the upload is read as a stream under a
// size cap, named by the CID `ipfs add` would give it and stored; a read
// checks the stored bytes against their CID before serving them. Memory is
// bounded by a byte budget that every upload and read reserves up front.
import { ErrorCodes } from "../../../gen/market/mass/error_pb.js";
import { FieldValueError } from "../../errors/field-value-error.js";
import { RelayError } from "../../errors/relay-error.js";
import type { RelayKeycard } from "../../session/relay-backend.js";
import type { SessionClock } from "../../session/transport.js";
import { blobCid, parseBlobCid } from "./blob-cid.js";
import type { BlobStore } from "./blob-store.js";
import { MultipartRefusal, multipartBoundary, readMultipartFile } from "./multipart.js";
import { UploadTokens } from "./upload-tokens.js";

/** Path of the upload endpoint, as on v3 relays. */
export const UPLOAD_BLOB_PATH = "/v3/upload_blob";
/** Default cap (32 MiB, as v3 relays) of one uploaded file. */
export const DEFAULT_MAX_BLOB_BYTES = 32 * 1024 * 1024;
// Room in a body for the boundaries and part headers around the file.
const MULTIPART_OVERHEAD = 64 * 1024;
const FILE_FIELD = "file";
// type/subtype with optional parameters, nothing a header could be split with.
const CONTENT_TYPE = /^[A-Za-z0-9!#$&^_.+-]{1,64}\/[A-Za-z0-9!#$&^_.+-]{1,64}(?:\s*;\s*[A-Za-z0-9!#$&^_.+-]{1,64}=(?:[A-Za-z0-9!#$&^_.+-]{1,64}|"[^"\\\r\n]{0,64}"))*$/;

/** Limits of the reference relay's blob uploads; every field has a default. */
export interface BlobUploadOptions {
  /** Largest file accepted, in bytes (default {@link DEFAULT_MAX_BLOB_BYTES}, 32 MiB); a bigger one is refused with 413 and not stored. */
  readonly maxFileBytes?: number | undefined;
  /** Lifetime of an upload URL in milliseconds (default 600,000: ten minutes). */
  readonly tokenTtlMs?: number | undefined;
  /** Unused upload URLs one keycard may hold (default 16); more are refused with TOO_MANY_CONCURRENT_REQUESTS. */
  readonly maxTokensPerKeycard?: number | undefined;
  /** Unused upload URLs in total (default 4,096). */
  readonly maxTokens?: number | undefined;
  /** Bytes all stored blobs may take (default 1 GiB); an upload past it is refused with 507. */
  readonly maxStoredBytes?: number | undefined;
  /** Bytes that uploads and reads in progress may hold in memory (default 4 uploads' worth: 4 × (maxFileBytes + 64 KiB)); past it, 503 with Retry-After. */
  readonly maxBufferedBytes?: number | undefined;
  /** An upload that sends nothing for this long (milliseconds, default 30,000) is cut off and its memory freed. */
  readonly uploadIdleMs?: number | undefined;
  /** Base URL clients reach the relay's HTTP endpoints at (default the server's own `http://host:port`). */
  readonly publicUrl?: string | undefined;
}

/** What to answer an HTTP request with. */
export type BlobAnswer =
  | { readonly status: number; readonly json: Record<string, string>; readonly retryAfter?: number | undefined }
  /** A blob to send; call `release` once it is sent (its bytes count against the memory budget until then). */
  | { readonly status: 200; readonly blob: { readonly bytes: Uint8Array; readonly contentType: string }; readonly release: () => void };

export class BlobUploads {
  private readonly tokens: UploadTokens;
  private readonly maxFileBytes: number;
  private readonly maxStoredBytes: number;
  private readonly maxBufferedBytes: number;
  /** Milliseconds an upload may send nothing before it is cut off. */
  readonly uploadIdleMs: number;
  private readonly store: BlobStore;
  private readonly log: (line: string) => void;
  private base: string | undefined;
  private buffered = 0;
  private storing = 0;

  constructor({ store, clock, options = {}, log }: { store: BlobStore; clock: SessionClock; options?: BlobUploadOptions | undefined; log: (line: string) => void }) {
    this.store = store;
    this.log = log;
    this.maxFileBytes = limit(options.maxFileBytes ?? DEFAULT_MAX_BLOB_BYTES, "maxFileBytes");
    this.maxStoredBytes = limit(options.maxStoredBytes ?? 1024 * 1024 * 1024, "maxStoredBytes");
    this.uploadIdleMs = limit(options.uploadIdleMs ?? 30_000, "uploadIdleMs");
    this.maxBufferedBytes = limit(options.maxBufferedBytes ?? 4 * (this.maxFileBytes + MULTIPART_OVERHEAD), "maxBufferedBytes");
    this.tokens = new UploadTokens({
      clock,
      ttlMs: limit(options.tokenTtlMs ?? 600_000, "tokenTtlMs"),
      maxPerKeycard: limit(options.maxTokensPerKeycard ?? 16, "maxTokensPerKeycard"),
      maxTotal: limit(options.maxTokens ?? 4096, "maxTokens"),
    });
    this.base = options.publicUrl?.replace(/\/+$/, "");
  }

  /** The server is listening at `baseUrl` (kept when `publicUrl` was given). */
  listening({ baseUrl }: { baseUrl: string }): void {
    this.base ??= baseUrl;
  }

  /** Memory held by uploads and reads in progress (reserved up front, so at most `maxBufferedBytes`). */
  get bufferedBytes(): number {
    return this.buffered;
  }

  /** Bytes of the stored blobs. */
  get storedBytes(): number {
    return this.store.storedBytes;
  }

  /** A single-use upload URL for a logged-in keycard; refusals are RelayErrors. */
  async issueUploadUrl({ keycard }: { keycard: RelayKeycard }): Promise<string> {
    if (this.base === undefined) throw new RelayError({ errorCode: ErrorCodes.INVALID, relayMessage: "blob uploads are not served yet" });
    const token = this.tokens.issue({ holder: keycard.address });
    if (token === undefined) throw new RelayError({ errorCode: ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS, relayMessage: "too many unused upload URLs; use them or let them expire" });
    return `${this.base}${UPLOAD_BLOB_PATH}?token=${token}`;
  }

  /** Takes an upload: token, then the multipart body as a stream; nothing is stored unless all of it is good. */
  async upload({ token, contentType, body }: { token: string | null; contentType: string | undefined; body: AsyncIterable<Uint8Array> }): Promise<BlobAnswer> {
    if (token === null || token === "") return { status: 403, json: { error: "expected ?token= from GetBlobUploadURLRequest" } };
    const reserved = this.maxFileBytes + MULTIPART_OVERHEAD;
    // Checked before the token is used, so a client told to wait can retry with it.
    if (!this.reserve(reserved)) return { status: 503, json: { error: "too many uploads in progress" }, retryAfter: 1 };
    try {
      const check = this.tokens.take({ token });
      if (check === "expired") return { status: 403, json: { error: "upload token expired" } };
      if (check === "unknown") return { status: 403, json: { error: "unknown or already used upload token" } };
      const boundary = multipartBoundary({ contentType });
      const file = await readMultipartFile({ body, boundary, field: FILE_FIELD, maxFileBytes: this.maxFileBytes, maxBodyBytes: reserved });
      const type = file.contentType ?? "application/octet-stream";
      if (!CONTENT_TYPE.test(type)) return { status: 400, json: { error: `file: content type ${JSON.stringify(type.slice(0, 80))} is not type/subtype` } };
      const cid = await blobCid({ chunks: file.chunks });
      const known = (await this.store.sizeOf({ cid })) !== undefined;
      if (!known && this.store.storedBytes + this.storing + file.size > this.maxStoredBytes) return { status: 507, json: { error: `the relay's blob storage is full (${this.maxStoredBytes} bytes)` } };
      this.storing += file.size;
      try {
        await this.store.put({ cid, chunks: file.chunks, size: file.size, contentType: type });
      } finally {
        this.storing -= file.size;
      }
      return { status: 201, json: { ipfs_path: `/ipfs/${cid}`, url: `${this.base}/ipfs/${cid}` } };
    } catch (error) {
      if (error instanceof MultipartRefusal) return { status: error.status, json: { error: error.message } };
      throw error;
    } finally {
      this.release(reserved);
    }
  }

  /** A stored blob, served only when its bytes still give its CID. */
  async read({ cid: text }: { cid: string }): Promise<BlobAnswer> {
    const cid = await parseBlobCid({ text });
    if (cid === undefined) return { status: 400, json: { error: "expected /ipfs/<CIDv0>" } };
    const size = await this.store.sizeOf({ cid });
    if (size === undefined) return { status: 404, json: { error: "no such blob" } };
    if (!this.reserve(size)) return { status: 503, json: { error: "too many transfers in progress" }, retryAfter: 1 };
    let sending = false;
    try {
      const blob = await this.store.get({ cid });
      if (blob === undefined) return { status: 404, json: { error: "no such blob" } };
      if ((await blobCid({ chunks: [blob.bytes] })) !== cid) {
        this.log(`relay: stored blob ${cid} does not match its CID; not served`);
        return { status: 500, json: { error: "the stored blob does not match its CID" } };
      }
      sending = true;
      let released = false;
      const release = () => {
        if (!released) this.release(size);
        released = true;
      };
      return { status: 200, blob, release };
    } finally {
      if (!sending) this.release(size);
    }
  }

  private reserve(bytes: number): boolean {
    // One transfer always fits, so a budget below one file cannot lock everything out.
    if (this.buffered > 0 && this.buffered + bytes > this.maxBufferedBytes) return false;
    this.buffered += bytes;
    return true;
  }

  private release(bytes: number): void {
    this.buffered -= bytes;
  }
}

function limit(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) throw new FieldValueError("OUT_OF_RANGE", "expected a positive integer", { path: `blobs.${name}` });
  return value;
}
