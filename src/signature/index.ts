// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

export * from "./parse-signature.js";
export { publicKeyToAddress, recoverDigestSigner } from "./recover-digest-signer.js";
export * from "./select-secp256k1-path.js";
export * from "../crypto/crypto-paths.js";
