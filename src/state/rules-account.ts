// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Account (relay only): docs/shop-state.md, "Account".
import { bytesToHex } from "../crypto/hex.js";
import { ZERO_ADDRESS as zeroAddress } from "../crypto/checksum-address.js";
import type { Account } from "../../gen/market/mass/shop_events_pb.js";
import type { PublicKey } from "../../gen/market/mass/base_types_pb.js";
import { isPublicKeyError } from "../errors/public-key-error.js";
import { keycardAddress } from "../wire/keycards.js";
import { type Draft, writable } from "./draft.js";
import { address, hash32 } from "./fields.js";
import { reject } from "./reject.js";

const A = "event.account";

export function applyAccount(draft: Draft, account: Account): void {
  const state = draft.state;
  const action = account.action;
  switch (action.case) {
    case "enrollKeycard": {
      const path = `${A}.enroll_keycard`;
      const { address: keycard, publicKey } = keycardOf(action.value.keycardPubkey, `${path}.keycard_pubkey`);
      const userWallet = address(action.value.userWallet, `${path}.user_wallet`);
      if (state.keycards[keycard] !== undefined || state.relays.includes(keycard as `0x${string}`)) reject("KEYCARD_EXISTS", `${path}.keycard_pubkey`, `keycard ${keycard} is already enrolled (or is a relay)`);
      writable(draft, "keycards")[keycard] = { publicKey, userWallet, role: userWallet === zeroAddress ? "guest" : "clerk", revoked: false };
      return;
    }
    case "revokeKeycard": {
      const path = `${A}.revoke_keycard`;
      const { address: keycard } = keycardOf(action.value, path);
      const known = state.keycards[keycard];
      if (known === undefined || known.revoked) reject("KEYCARD_NOT_FOUND", path, `no active keycard ${keycard}`);
      writable(draft, "keycards")[keycard] = { ...known, revoked: true };
      return;
    }
    case "add": {
      const path = `${A}.add`;
      const wallet = address(action.value.accountAddress, `${path}.account_address`);
      hash32(action.value.tx, `${path}.tx`);
      if (state.accounts.includes(wallet)) reject("ACCOUNT_EXISTS", `${path}.account_address`, `${wallet} already has access`);
      state.accounts = [...state.accounts, wallet].sort();
      return;
    }
    case "remove": {
      const path = `${A}.remove`;
      const wallet = address(action.value.accountAddress, `${path}.account_address`);
      hash32(action.value.tx, `${path}.tx`);
      if (!state.accounts.includes(wallet)) reject("ACCOUNT_NOT_FOUND", `${path}.account_address`, `${wallet} has no access`);
      state.accounts = state.accounts.filter((a) => a !== wallet);
      // Losing on-chain access ends the clerk keycards acting for that wallet.
      for (const [card, entry] of Object.entries(state.keycards)) {
        if (entry.userWallet === wallet && entry.role === "clerk" && !entry.revoked) writable(draft, "keycards")[card] = { ...entry, revoked: true };
      }
      return;
    }
  }
}

function keycardOf(key: PublicKey | undefined, path: string): { address: `0x${string}`; publicKey: `0x${string}` } {
  if (key === undefined) reject("FIELD_INVALID", path, "public key is missing");
  if (key.raw.length !== 64) reject("FIELD_INVALID", `${path}.raw`, `public key must be 64 bytes (x ‖ y), is ${key.raw.length}`);
  try {
    return { address: keycardAddress({ keycard: key.raw }), publicKey: bytesToHex(key.raw) };
  } catch (error) {
    if (isPublicKeyError(error)) reject("FIELD_INVALID", `${path}.raw`, "public key is not a point on secp256k1");
    throw error;
  }
}
