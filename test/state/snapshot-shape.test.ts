// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// shopStateFromJSON against malformed snapshots: from the every-member shop
// (every member of the grammar present, each nullable one both ways), every
// member removed, an unknown one added, every value given the wrong JSON
// type, and the families' formats broken, each refused with SCHEMA_MISMATCH
// naming where.
import { describe, expect, it } from "vitest";
import { shopStateFromJSON } from "../../src/state/shop-state-from-json.js";
import { shopStateToJSON } from "../../src/state/shop-state-to-json.js";
import { buildEveryMember } from "../support/shop-every-member.js";
import { thrown } from "../support/thrown.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const snapshot = shopStateToJSON({ state: buildEveryMember().state });
const RECORDS = new Set(["keycards", "listings", "tags", "inventory", "orders", "lastNonces"]);

/** Every place in the snapshot, as the keys leading to it. */
function places(value: Json, out: { path: (string | number)[] }[] = [], path: (string | number)[] = []): typeof out {
  if (path.length > 0) out.push({ path });
  if (Array.isArray(value)) value.forEach((v, i) => places(v, out, [...path, i]));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) places(v, out, [...path, k]);
  return out;
}
// A fresh copy with `edit` applied at `path` to the parent and key.
function edited(path: (string | number)[], edit: (parent: Record<string, Json> | Json[], key: string | number) => void): string {
  const root = JSON.parse(snapshot) as Json;
  let parent = root as Record<string, Json> | Json[];
  for (const key of path.slice(0, -1)) parent = (parent as Record<string, Json>)[key as string] as Record<string, Json>;
  edit(parent, path.at(-1)!);
  return JSON.stringify(root);
}
const wrongType = (v: Json): Json => (typeof v === "string" ? 7 : typeof v === "number" ? "7" : typeof v === "boolean" ? "true" : Array.isArray(v) ? {} : v === null ? [] : []);
const refusal = (json: string) => thrown(() => shopStateFromJSON({ json }));

describe("shopStateFromJSON refuses malformed snapshots", () => {
  const root = JSON.parse(snapshot) as Json;
  const all = places(root);
  const members = all.filter((p) => typeof p.path.at(-1) === "string" && !RECORDS.has(String(p.path.at(-2))));

  it("restores the every-member snapshot as it was", () => {
    expect(shopStateToJSON({ state: shopStateFromJSON({ json: snapshot }) })).toBe(snapshot);
    expect(members.length).toBeGreaterThan(300);
  });

  it("refuses text that is not JSON, naming json", () => {
    expect(refusal("{")).toMatchObject({ code: "WRONG_TYPE", path: "json" });
  });

  it("refuses every member removed, naming it", () => {
    const accepted = members.filter((p) => !isRefused(edited(p.path, (parent, key) => delete (parent as Record<string, Json>)[key as string]), String(p.path.at(-1))));
    expect(accepted.map((p) => p.path.join("."))).toEqual([]);
  });

  it("refuses an unknown member in every object", () => {
    const objects = [[], ...all.map((p) => p.path)].filter((path) => {
      const v = path.reduce<Json>((node, k) => (node as Record<string, Json>)[k as string] as Json, root);
      return v !== null && typeof v === "object" && !Array.isArray(v) && !RECORDS.has(String(path.at(-1)));
    });
    const accepted = objects.filter((path) => !isRefused(edited([...path, "extra"], (parent) => ((parent as Record<string, Json>).extra = 1)), "extra"));
    expect(objects.length).toBeGreaterThan(80);
    expect(accepted.map((p) => p.join("."))).toEqual([]);
  });

  it("refuses every value of the wrong JSON type", () => {
    const accepted = all.filter((p) => !isRefused(edited(p.path, (parent, key) => ((parent as Record<string, Json>)[key as string] = wrongType((parent as Record<string, Json>)[key as string]!))), undefined));
    expect(accepted.map((p) => p.path.join("."))).toEqual([]);
  });

  it.each([
    ["a version other than SHOP_STATE_VERSION", (s: string) => s.replace(/"version":\d+/, '"version":2'), "state.version"],
    ["a lowercase relay address", (s: string) => s.replace(/"relays":\["(0x[0-9a-fA-F]{40})"/, (_m, a: string) => `"relays":["${a.toLowerCase()}"`), "state.relays[0]"],
    ["an id in uppercase hex", (s: string) => s.replace(/"listingId":"0x0000000000000001"/, '"listingId":"0x000000000000000A"'), "listingId"],
    ["an amount with a leading zero", (s: string) => s.replace(/"price":"1000"/, '"price":"01000"'), "price"],
    ["a stock above 2^31 - 1", (s: string) => s.replace(/"stock":\d+/, '"stock":2147483648'), "stock"],
    ["a quantity of 0", (s: string) => s.replace(/"quantity":\d+/, '"quantity":0'), "quantity"],
    ["an unknown order status", (s: string) => s.replace(/"status":"open"/, '"status":"lost"'), "status"],
    ["a ttl above a day", (s: string) => s.replace(/"ttl":"\d+"/, '"ttl":"86401"'), "ttl"],
    ["nanos of 10^9", (s: string) => s.replace(/"nanos":0/, '"nanos":1000000000'), "nanos"],
    ["a shop signature of odd length", (s: string) => s.replace(/"shopSignature":"0x([0-9a-f]+)"/, (_m, h: string) => `"shopSignature":"0x${h}a"`), "shopSignature"],
    ["an inventory key with uppercase hex", (s: string) => s.replace(/"inventory":\{"0x0000000000000001"/, '"inventory":{"0x000000000000000A"'), "inventory"],
  ])("refuses %s", (_what, damage, where) => {
    const json = damage(snapshot);
    expect(json).not.toBe(snapshot);
    const error = refusal(json) as { code?: string; path?: string };
    expect(error).toMatchObject({ code: "SCHEMA_MISMATCH" });
    expect(error.path).toContain(where);
  });
});

function isRefused(json: string, named: string | undefined): boolean {
  let error: unknown;
  try {
    shopStateFromJSON({ json });
    return false;
  } catch (e) {
    error = e;
  }
  const { code, path } = error as { code?: string; path?: string };
  return code === "SCHEMA_MISMATCH" && (named === undefined || (path ?? "").includes(named));
}
