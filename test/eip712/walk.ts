// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Visits every protobuf-es message inside a value (fields, lists, oneof
// groups), for statistics over generated events.
import type { Message } from "@bufbuild/protobuf";

/** Every message object reachable from `value`, `value` itself included. */
export function* allMessages(value: unknown): Generator<Message & Record<string, unknown>> {
  if (Array.isArray(value)) {
    for (const item of value) yield* allMessages(item);
    return;
  }
  if (typeof value !== "object" || value === null || value instanceof Uint8Array) return;
  if (typeof (value as { $typeName?: unknown }).$typeName === "string") yield value as Message & Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) {
    if (key !== "$typeName" && key !== "$unknown") yield* allMessages(item);
  }
}
