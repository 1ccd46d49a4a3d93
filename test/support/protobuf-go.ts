// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// protobuf-go as an independent decoder: `buf convert` (from @bufbuild/buf,
// offline) turns binary into proto3 JSON. Many events go through one call,
// each packed as a SignedEvent of one EventWriteRequest.
import { create, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { EventWriteRequestSchema, SHOP_EVENT_TYPE_URL, SignedEventSchema } from "../../src/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const buf = join(root, "node_modules/.bin/buf");
const dir = mkdtempSync(join(tmpdir(), "protobuf-go-"));
let image: string | undefined;

function imagePath(): string {
  if (image === undefined) {
    image = join(dir, "image.binpb");
    execFileSync(buf, ["build", "-o", image], { cwd: root, timeout: 60_000 });
  }
  return image;
}

/** protobuf-go's proto3 JSON of each ShopEvent, or `undefined` for the whole batch when Go refuses it. */
function convertBatch(events: readonly Uint8Array[]): unknown[] | undefined {
  const request = create(EventWriteRequestSchema, {
    events: events.map((value) => create(SignedEventSchema, { event: create(AnySchema, { typeUrl: SHOP_EVENT_TYPE_URL, value }) })),
  });
  const input = join(dir, "batch.binpb");
  writeFileSync(input, toBinary(EventWriteRequestSchema, request));
  try {
    const out = execFileSync(buf, ["convert", imagePath(), "--type", "market.mass.EventWriteRequest", "--from", input, "--to", "-#format=json"], {
      encoding: "utf8",
      timeout: 120_000,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const parsed = JSON.parse(out) as { events?: { event?: Record<string, unknown> }[] };
    return (parsed.events ?? []).map(({ event = {} }) => {
      const { "@type": _type, ...fields } = event;
      return fields;
    });
  } catch {
    return undefined;
  }
}

/**
 * protobuf-go's reading of each ShopEvent as proto3 JSON, or `"refused"` where
 * Go cannot decode or render it. One `buf convert` for the lot; a refused
 * batch is split in halves to find the events Go refuses.
 */
export function protobufGoJson(events: readonly Uint8Array[]): (unknown | "refused")[] {
  if (events.length === 0) return [];
  const whole = convertBatch(events);
  if (whole !== undefined) return whole;
  if (events.length === 1) return ["refused"];
  const half = Math.ceil(events.length / 2);
  return [...protobufGoJson(events.slice(0, half)), ...protobufGoJson(events.slice(half))];
}
