// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A relay handed something that is not a ShopStore must say so by name, not
// fail later with a TypeError (or, for a missing one, run in memory unasked).
import { FieldValueError } from "../../errors/field-value-error.js";
import type { ShopStore } from "./store.js";

const METHODS = ["append", "read", "head", "shops", "keycards", "findKeycard", "saveSnapshot", "loadSnapshot", "onAppend", "close"] as const;

/** Throws a FieldValueError at `path` unless `value` has every ShopStore method. */
export function checkShopStore(value: unknown, path: string): asserts value is ShopStore {
  if (value === undefined || value === null) throw new FieldValueError("MISSING_FIELD", "a ShopStore is needed (createMemoryShopStore, openFileShopStore, openPostgresShopStore or your own)", { path });
  const missing = METHODS.filter((name) => typeof (value as Record<string, unknown>)[name] !== "function");
  if (typeof value !== "object" || missing.length > 0) throw new FieldValueError("WRONG_TYPE", `expected a ShopStore; missing ${missing.join(", ")}`, { path });
}
