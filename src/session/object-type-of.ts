// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// One mapping from union member to filter ObjectType, for the decoded event
// (event-filter.ts) and the one read in place (read-event-object.ts).
import type { ShopEvent } from "../../gen/market/mass/shop_events_pb.js";
import { ObjectType } from "../../gen/market/mass/subscription_pb.js";
import { FieldValueError } from "../errors/field-value-error.js";

/**
 * The subscription ObjectType of a ShopEvent union member (the v3 mapping
 * that `eventObject` documents). Internal.
 *
 * @example objectTypeOf("updateListing") === ObjectType.LISTING
 */
export function objectTypeOf(unionCase: NonNullable<ShopEvent["union"]["case"]>): ObjectType {
  switch (unionCase) {
    case "manifest":
    case "updateManifest":
      return ObjectType.MANIFEST;
    case "account":
      return ObjectType.ACCOUNT;
    case "listing":
    case "updateListing":
      return ObjectType.LISTING;
    case "tag":
    case "updateTag":
      return ObjectType.TAG;
    case "createOrder":
    case "updateOrder":
      return ObjectType.ORDER;
    case "changeInventory":
      return ObjectType.INVENTORY;
    default:
      throw new FieldValueError("MISSING_FIELD", "expected a ShopEvent with a union member", { path: "event.union" });
  }
}

/** Whether events of this ObjectType name an object (Manifest and Account events are about the shop itself). Internal. */
export function namesObject(objectType: ObjectType): boolean {
  return objectType !== ObjectType.MANIFEST && objectType !== ObjectType.ACCOUNT;
}
