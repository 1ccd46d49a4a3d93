// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/**
 * Wire helpers for clients and relays: signed events, Envelope frames,
 * request builders, bounded decoding and relay acceptance checks, with the
 * error classes they throw. Messages come from the `messages` subpath.
 *
 * @example
 * import { decodeEnvelope } from "@massmarket/network-schema/wire";
 * socket.binaryType = "arraybuffer"; // the default, "blob", delivers Blobs
 * socket.onmessage = ({ data }: MessageEvent<ArrayBuffer>) => console.log(decodeEnvelope({ bytes: new Uint8Array(data) }).message.case);
 *
 * @module wire
 */
export * from "./errors/index.js";
export * from "./wire/index.js";
export * from "./values/index.js";
export * from "./display/display-json.js";
