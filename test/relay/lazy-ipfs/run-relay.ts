// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Starts the test relay from the package's own entry points, logs a keycard
// in and uploads once; prints how far it got (run with the IPFS libraries
// forbidden, by lazy-ipfs.test.ts).
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import * as root from "../../../src/index.js";
import { startTestRelay } from "../../../src/testing.js";

const relay = await startTestRelay();
const account = privateKeyToAccount(generatePrivateKey());
await relay.enrollKeycard({ shopId: 23n, publicKey: account.publicKey });
const session = await relay.connect();
await session.login({ account });
console.log(`started and logged in (${Object.keys(root).length} root exports)`);
const outcome = await session.uploadBlob({ data: new Uint8Array([1, 2, 3]), contentType: "image/png" }).then(
  () => "uploaded",
  (error: unknown) => `upload failed: ${(error as Error).message}`,
);
console.log(outcome);
session.close();
await relay.close();
