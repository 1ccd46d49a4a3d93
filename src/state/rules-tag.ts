// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Tag and UpdateTag: docs/shop-state.md, "Tags".
import type { Hex } from "viem";
import type { ObjectId } from "../../gen/market/mass/base_types_pb.js";
import type { Tag, UpdateTag } from "../../gen/market/mass/shop_events_pb.js";
import { type Draft, writable } from "./draft.js";
import { objectId, text } from "./fields.js";
import { reject } from "./reject.js";
import type { TagState } from "./shop-state.js";

const T = "event.tag";
const U = "event.update_tag";

export function applyTag(draft: Draft, tag: Tag): void {
  const id = objectId(tag.id, `${T}.id`);
  if (draft.state.tags[id] !== undefined) reject("TAG_EXISTS", `${T}.id`, `tag ${id} exists`);
  const name = text(tag.name, "tagName", `${T}.name`);
  if (tag.deleted) reject("FIELD_INVALID", `${T}.deleted`, "a tag cannot be created deleted");
  const listingIds = [...new Set(listings(draft, tag.listingIds, `${T}.listing_ids`))].sort();
  writable(draft, "tags")[id] = { id, name, listingIds, deleted: false };
}

export function applyUpdateTag(draft: Draft, update: UpdateTag): void {
  const id = objectId(update.id, `${U}.id`);
  const before = draft.state.tags[id];
  if (before === undefined) reject("TAG_NOT_FOUND", `${U}.id`, `no tag ${id}`);
  if (before.deleted) reject("TAG_DELETED", `${U}.id`, `tag ${id} is deleted`);
  if (update.rename === undefined && update.addListingIds.length === 0 && update.removeListingIds.length === 0 && update.delete === undefined) {
    reject("UPDATE_EMPTY", U, "UpdateTag sets no field");
  }
  const name = update.rename === undefined ? before.name : text(update.rename, "tagName", `${U}.rename`);
  const ids = new Set<string>(before.listingIds);
  for (const added of listings(draft, update.addListingIds, `${U}.add_listing_ids`)) ids.add(added);
  for (const removed of listings(draft, update.removeListingIds, `${U}.remove_listing_ids`)) ids.delete(removed);
  if (update.delete === false) reject("FIELD_INVALID", `${U}.delete`, "a tag cannot be undeleted; delete must be true when set");
  const next: TagState = { id, name, listingIds: [...ids].sort() as Hex[], deleted: update.delete === true };
  writable(draft, "tags")[id] = next;
}

function listings(draft: Draft, ids: readonly ObjectId[], path: string): Hex[] {
  return ids.map((raw, i) => {
    const id = objectId(raw, `${path}[${i}]`);
    if (draft.state.listings[id] === undefined) reject("LISTING_NOT_FOUND", `${path}[${i}]`, `no listing ${id}`);
    return id;
  });
}
