// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

/**
 * EIP-712 signing and verification of shop events and keycard login
 * challenges, the generated EIP-712 type tables, signature parsing and the
 * error classes they throw. Messages come from the `messages` subpath.
 *
 * @example
 * import { hashEvent, signEvent, verifyEvent } from "@massmarket/network-schema/eip712";
 * const signature = await signEvent({ event, domain, account });
 * const valid = verifyEvent({ event, domain, signature, address: account.address });
 *
 * @module eip712
 */
export * from "../gen/market/mass/eip712_pb.js";
export * from "./eip712/index.js";
export * from "./errors/index.js";
export * from "./signature/index.js";
