// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { ObjectType, type SubscriptionRequest_Filter } from "../../gen/market/mass/subscription_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";
import { objectParameter } from "../errors/object-parameter.js";
import { sameBytes } from "../wire/same-bytes.js";
import { namesObject, objectTypeOf } from "./object-type-of.js";

/** The object an event is about: its subscription ObjectType and, when it has one, the object id. */
export interface EventObject {
  readonly objectType: ObjectType;
  /** Listing id for ChangeInventory, the object's own id otherwise; absent for Manifest and Account events. */
  readonly objectId: Uint8Array | undefined;
}

/**
 * Which ObjectType a shop event falls under for subscription filters (the v3
 * mapping: MANIFEST ← Manifest/UpdateManifest, ACCOUNT ← Account, LISTING ←
 * Listing/UpdateListing, TAG ← Tag/UpdateTag, ORDER ← CreateOrder/UpdateOrder,
 * INVENTORY ← ChangeInventory).
 *
 * @throws FieldValueError for an event with no union member
 * @example eventObject({ event }).objectType === ObjectType.LISTING
 */
export function eventObject(parameters: { event: ShopEvent }): EventObject {
  const { event } = objectParameter(parameters);
  const union = (event as { union?: ShopEvent["union"] } | undefined)?.union;
  if (union?.case === undefined) throw new FieldValueError("MISSING_FIELD", "expected a ShopEvent with a union member", { path: "event.union" });
  const objectType = objectTypeOf(union.case);
  return { objectType, objectId: namesObject(objectType) ? (union.value as { id?: { raw: Uint8Array } }).id?.raw : undefined };
}

/**
 * True when any filter matches the event (filters are OR-ed): same object
 * type and, when the filter names an object id, the same object.
 *
 * @example eventMatchesFilters({ event, filters: [{ objectType: ObjectType.ORDER }] })
 */
export function eventMatchesFilters(parameters: { event: ShopEvent; filters: readonly Pick<SubscriptionRequest_Filter, "objectType" | "objectId">[] }): boolean {
  const { event, filters } = objectParameter(parameters);
  if (!Array.isArray(filters)) throw new FieldValueError("WRONG_TYPE", "expected an array of filters", { path: "filters" });
  const { objectType, objectId } = eventObject({ event });
  return filters.some((filter: Pick<SubscriptionRequest_Filter, "objectType" | "objectId">) => {
    if (filter.objectType !== objectType) return false;
    if (filter.objectId === undefined) return true;
    return objectId !== undefined && sameBytes({ a: filter.objectId.raw, b: objectId });
  });
}
