// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/**
 * Why `ClientSession.uploadBlob` failed after the relay gave an upload URL:
 * - BAD_UPLOAD_URL: the relay's answer is not an http(s) URL;
 * - NETWORK: the upload request did not get an HTTP answer;
 * - REFUSED: the relay answered with a status other than 201 (`status`; 413 too large, 403 token used or expired);
 * - BAD_ANSWER: the 201 answer is not `{ "ipfs_path": "/ipfs/<cid>", "url": "http(s)://…" }`.
 */
export type BlobUploadProblem = "BAD_UPLOAD_URL" | "NETWORK" | "REFUSED" | "BAD_ANSWER";

/**
 * A blob upload failed over HTTP; `problem` says how, `status` is the HTTP status when there was one.
 *
 * @example
 * if (isBlobUploadError(error) && error.status === 413) console.log("image too large");
 */
export class BlobUploadError extends NetworkSchemaError {
  override name = "BlobUploadError";
  readonly problem: BlobUploadProblem;
  readonly status: number | undefined;
  constructor({ problem, expected, status, cause }: { problem: BlobUploadProblem; expected: string; status?: number | undefined; cause?: unknown }) {
    super("BLOB_UPLOAD_FAILED", expected, { path: "upload", cause });
    this.problem = problem;
    this.status = status;
  }
}

/** @example if (isBlobUploadError(error)) console.log(error.problem, error.status) */
export function isBlobUploadError(value: unknown): value is BlobUploadError {
  return isNamedError(value, "BlobUploadError");
}
