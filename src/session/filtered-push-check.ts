// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// What a filtered subscription checks beyond the signature (no state is folded
// there): the pushed event is for the subscribed shop, matches the filters,
// and, where the client knows the shop's keycards, was signed by one of them
// or by a relay of the shop.
import type { Address } from "viem";
import { bytesToHex } from "../crypto/hex.js";
import { getAddress, isAddress } from "../crypto/checksum-address.js";
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { ObjectType, type SubscriptionRequest_Filter } from "../../gen/market/mass/subscription_pb.js";
import type { SignedEvent } from "../../gen/market/mass/transport_pb.js";
import { isNetworkSchemaError } from "../errors/base.js";
import { FieldValueError } from "../errors/field-value-error.js";
import type { ShopState } from "../state/shop-state.js";
import { keycardAddress } from "../wire/keycards.js";
import { sameBytes } from "../wire/same-bytes.js";
import { eventMatchesFilters } from "./event-filter.js";

/** Why a filtered subscription dropped a pushed event: another shop's, outside the filters, or by a signer the client does not know for the shop. */
export type DroppedPushReason = "WRONG_SHOP" | "NOT_IN_FILTERS" | "UNKNOWN_SIGNER";

/** A pushed event a filtered subscription did not deliver, as reported in a `dropped` {@link ClientSessionEvent}. */
export interface DroppedPush {
  readonly seqNo: bigint;
  /** The event exactly as received. */
  readonly signedEvent: SignedEvent;
  readonly event: ShopEvent;
  /** Checksummed address that signed it (its signature is valid). */
  readonly signer: Address;
  readonly reason: DroppedPushReason;
  readonly message: string;
}

/** Checks the pushes of one filtered subscription, in order. */
export interface FilteredPushCheck {
  /** Why the pushed event must not be delivered, or undefined when it passes (an accepted Account event updates the known signers). */
  problem(opened: { readonly event: ShopEvent; readonly signer: Address }): { reason: DroppedPushReason; message: string } | undefined;
}

/**
 * The checks of a filtered subscription. Signers are checked only where the
 * client knows them: against `signers` when given; else against a saved state
 * of the shop whose last event is just before `startSeqNo`, when the filters
 * take every ACCOUNT event, so that enrollments and revocations after the
 * state arrive in the subscription and are followed; otherwise not at all.
 */
export function createFilteredPushCheck(input: {
  readonly shopId: Uint8Array;
  readonly filters: readonly Pick<SubscriptionRequest_Filter, "objectType" | "objectId">[];
  readonly signers: readonly string[] | undefined;
  readonly state: ShopState | undefined;
  readonly stateSeqNo: bigint;
  readonly startSeqNo: bigint;
  readonly relays: readonly Address[];
  /** v3 dialect: an event without shop_id is of the subscribed shop. */
  readonly absentShopIsThis?: boolean | undefined;
}): FilteredPushCheck {
  const { shopId, filters } = input;
  const known = knownSigners(input);
  return {
    problem({ event, signer }) {
      const eventShop = event.shopId?.raw;
      const absent = eventShop === undefined || eventShop.length === 0;
      if (!(absent && input.absentShopIsThis === true) && (eventShop === undefined || !sameBytes({ a: eventShop, b: shopId }))) return { reason: "WRONG_SHOP", message: "event.shop_id: not the subscribed shop" };
      if (!eventMatchesFilters({ event, filters })) return { reason: "NOT_IN_FILTERS", message: `event.${event.union.case ?? "union"}: matches none of the subscription's filters` };
      if (known === undefined) return undefined;
      if (!known.has(signer)) return { reason: "UNKNOWN_SIGNER", message: `signed by ${signer}, neither an active keycard of the shop nor one of its relays` };
      if (!input.signers) follow(known, event);
      return undefined;
    },
  };
}

function knownSigners({ signers, state, stateSeqNo, startSeqNo, shopId, filters, relays }: Parameters<typeof createFilteredPushCheck>[0]): Set<Address> | undefined {
  if (signers !== undefined) {
    if (!Array.isArray(signers)) throw new FieldValueError("WRONG_TYPE", "expected an array of addresses", { path: "signers" });
    return new Set(signers.map((address, i) => {
      if (typeof address !== "string" || !isAddress(address, { strict: false })) throw new FieldValueError("WRONG_TYPE", "expected an address", { path: `signers[${i}]` });
      return getAddress(address);
    }));
  }
  const followsAccounts = filters.some((filter) => filter.objectType === ObjectType.ACCOUNT && filter.objectId === undefined);
  if (state === undefined || state.eventCount === 0 || !followsAccounts || startSeqNo !== stateSeqNo + 1n || state.shopId.toLowerCase() !== bytesToHex(shopId)) return undefined;
  const active = Object.entries(state.keycards).filter(([, keycard]) => !keycard.revoked).map(([address]) => address as Address);
  return new Set([...active, ...state.relays, ...relays]);
}

// Enrollments and revocations the subscription delivers change who may sign next.
function follow(known: Set<Address>, event: ShopEvent): void {
  if (event.union.case !== "account") return;
  const action = event.union.value.action;
  try {
    if (action.case === "enrollKeycard" && action.value.keycardPubkey !== undefined) known.add(keycardAddress({ keycard: action.value.keycardPubkey.raw }));
    if (action.case === "revokeKeycard") known.delete(keycardAddress({ keycard: action.value.raw }));
  } catch (error) {
    // A malformed key enrols nobody; the shop rules would have refused the event.
    if (!isNetworkSchemaError(error)) throw error;
  }
}
