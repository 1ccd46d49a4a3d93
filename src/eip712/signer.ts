// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The two kinds of signer every signing function accepts, told apart by shape.
import type { LocalAccount, WalletClient } from "viem";

/** Who signs: a viem LocalAccount (keycard key) or a WalletClient with an account (JSON-RPC wallet). */
export type Signer = LocalAccount | WalletClient;

/** A viem LocalAccount (e.g. from privateKeyToAccount). @example if (isLocalAccount(client)) console.log(client.address) */
export function isLocalAccount(value: unknown): value is LocalAccount {
  const account = value as { type?: unknown; signMessage?: unknown; signTypedData?: unknown } | null;
  return typeof account === "object" && account !== null && account.type === "local" && typeof account.signMessage === "function" && typeof account.signTypedData === "function";
}

/** A viem WalletClient (it has a JSON-RPC `request`). @example if (isWalletClient(client)) console.log(client.account?.address) */
export function isWalletClient(value: unknown): value is WalletClient {
  return typeof value === "object" && value !== null && typeof (value as { request?: unknown }).request === "function";
}
