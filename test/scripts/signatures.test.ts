// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `npm run signatures`, attacked the way a careless schema edit would: in a
// scratch clone, each change below passes `buf breaking` yet changes what
// signatures cover, so the guard must stop it; a change outside the signed
// structs must pass.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eip712MappingVersion } from "../../gen/market/mass/eip712_pb.js";
import { changelogAnnounces } from "../../scripts/signatures.js";
import { type ScratchClone, scratchClone } from "../support/scratch-clone.js";

let clone: ScratchClone;
beforeAll(() => {
  // Its HEAD is this working tree: the guard compares each edit with today, not with history.
  clone = scratchClone({ commit: true });
});
afterAll(() => clone.remove());

const edit = (path: string, change: (text: string) => string): void => clone.edit(path, change);
const events = "proto/market/mass/shop_events.proto";
const signatures = (against = "HEAD") => clone.run("npm", ["run", "--silent", "signatures"], { SIGNATURES_AGAINST: against });
const breaking = () => clone.run("npm", ["run", "--silent", "breaking"], { BREAKING_AGAINST: "HEAD" });
const next = String(Number(eip712MappingVersion) + 1);

describe("npm run signatures", { timeout: 240_000 }, () => {
  it("passes on the unchanged schema", () => {
    clone.reset();
    const { status, output } = signatures();
    expect(output).toMatch(/unchanged since/);
    expect(status).toBe(0);
  });

  it("fails when `optional` is added to Tag.name, naming the struct and the member", () => {
    clone.reset();
    edit(events, (t) => t.replace("  string name = 2;\n  // Listings that carry the tag", "  optional string name = 2;\n  // Listings that carry the tag"));
    expect(breaking().status, "the wire guard lets it through").toBe(0);
    const { status, output } = signatures();
    expect(status).toBe(1);
    expect(output).toContain("ShopEvent › Tag");
    expect(output).toContain("member `name` changed type: string → string[]");
    expect(output).toContain("bump MAPPING_VERSION in plugin/mapping.ts");
  });

  it("fails when field declarations are reordered (Tag.deleted moved first)", () => {
    clone.reset();
    edit(events, (t) => t.replace("message Tag {\n", "message Tag {\n  // True if the tag is deleted.\n  bool deleted = 4;\n").replace("  // True if the tag is deleted.\n  bool deleted = 4;\n}", "}"));
    expect(breaking().status).toBe(0);
    const { status, output } = signatures();
    expect(status).toBe(1);
    expect(output).toContain("ShopEvent › Tag");
    expect(output).toContain("members reordered: (id, name, listing_ids, deleted) → (deleted, id, name, listing_ids)");
  });

  it("fails when ShopEvent is renamed", () => {
    clone.reset();
    for (const file of ["shop_events.proto", "transport.proto"]) edit(`proto/market/mass/${file}`, (t) => t.replace(/\bShopEvent\b/g, "ShopEventV2"));
    expect(breaking().status).toBe(0);
    const { status, output } = signatures();
    expect(status).toBe(1);
    expect(output).toContain("primary type ShopEvent (type.googleapis.com/market.mass.ShopEvent) is gone");
    expect(output).toContain("new primary type ShopEventV2 (type.googleapis.com/market.mass.ShopEventV2)");
  });

  it("fails when the package is renamed (the type URL changes)", () => {
    clone.reset();
    for (const file of ["authentication", "base_types", "envelope", "error", "shop_events", "shop_requests", "storage", "subscription", "transport"]) {
      edit(`proto/market/mass/${file}.proto`, (t) => t.replace("package market.mass;", "package market.shop;"));
    }
    const { status, output } = signatures();
    expect(status).toBe(1);
    expect(output).toContain("primary type ShopEvent (type.googleapis.com/market.mass.ShopEvent) is gone");
    expect(output).toContain("type.googleapis.com/market.shop.ShopEvent");
  });

  it("fails on a new field in a signed struct until the mapping version is bumped and the CHANGELOG says so", () => {
    clone.reset();
    edit(events, (t) => t.replace("  bool deleted = 4;\n}", "  bool deleted = 4;\n  // Note for staff.\n  string note = 5;\n}"));
    expect(breaking().status).toBe(0);
    const unannounced = signatures();
    expect(unannounced.status).toBe(1);
    expect(unannounced.output).toContain("member `string note` added");

    edit("plugin/mapping.ts", (t) => t.replace(/MAPPING_VERSION = "[^"]*"/, `MAPPING_VERSION = "${next}"`));
    const bumpedOnly = signatures();
    expect(bumpedOnly.status).toBe(1);
    expect(bumpedOnly.output).toContain(`the mapping version changed ("${eip712MappingVersion}" → "${next}") but CHANGELOG.md does not say so`);

    edit("CHANGELOG.md", (t) => t.replace("## Unreleased\n", `## Unreleased\n\n- EIP-712 mapping version ${next}: \`Tag.note\`.\n`));
    const announced = signatures();
    expect(announced.output).toContain("member `string note` added");
    expect(announced.status).toBe(0);
  });

  it("passes a new field outside the signed structs (SubscriptionRequest)", () => {
    clone.reset();
    edit("proto/market/mass/subscription.proto", (t) => t.replace(/(message SubscriptionRequest \{[\s\S]*?)\n\}/, "$1\n  // Client label, for logs.\n  string label = 99;\n}"));
    const { status, output } = signatures();
    expect(output).toMatch(/unchanged since/);
    expect(status).toBe(0);
  });

  it("compares with the newest v* tag by default", () => {
    clone.reset();
    clone.run("git", ["tag", "v9.9.9"]);
    edit(events, (t) => t.replace("  string name = 2;\n  // Listings that carry the tag", "  optional string name = 2;\n  // Listings that carry the tag"));
    const { status, output } = signatures("");
    clone.run("git", ["tag", "-d", "v9.9.9"]);
    expect(output).toContain("v9.9.9");
    expect(output).toContain("last release tag");
    expect(status).toBe(1);
  });

  it("moves a baseline older than the EIP-712 table to the commit that added it", () => {
    clone.reset();
    const first = clone.run("git", ["rev-list", "--max-parents=0", "HEAD"]).output.trim();
    expect(signatures(first).output).toMatch(/predates gen\/market\/mass\/eip712_pb.ts; compared with the commit that added it/);
  });
});

describe("changelogAnnounces", () => {
  it("reads only the Unreleased section and the exact version", () => {
    expect(changelogAnnounces({ changelog: "# Changelog\n\n## Unreleased\n- EIP-712 mapping\n  version 2: x\n", version: "2" })).toBe(true);
    expect(changelogAnnounces({ changelog: "## Unreleased\n- mapping version 21\n", version: "2" })).toBe(false);
    expect(changelogAnnounces({ changelog: "## Unreleased\n- nothing\n## 1.0.0\n- mapping version 2\n", version: "2" })).toBe(false);
  });
});
