// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The events a shop shares among its sessions are bounded by count and by bytes, oldest out first.
import { describe, expect, it } from "vitest";
import { RECENT_EVENT_BYTES, RECENT_EVENTS, RecentEvents } from "../../src/relay/recent-events.js";

describe("recent events shared by sessions", () => {
  it("keeps at most RECENT_EVENTS, dropping the oldest", () => {
    const recent = new RecentEvents();
    for (let at = 0; at < RECENT_EVENTS + 10; at++) recent.add(at, new Uint8Array(10));
    expect(recent.get(9)).toBeUndefined();
    expect(recent.get(10)?.bytes.length).toBe(10);
    expect(recent.get(RECENT_EVENTS + 9)).toBeDefined();
  });

  it("keeps at most RECENT_EVENT_BYTES of records, however few", () => {
    const recent = new RecentEvents();
    const size = 64 * 1024;
    const fit = Math.floor(RECENT_EVENT_BYTES / size);
    for (let at = 0; at < fit + 3; at++) recent.add(at, new Uint8Array(size));
    expect(recent.get(2)).toBeUndefined();
    expect(recent.get(3)).toBeDefined();
    let kept = 0;
    for (let at = 0; at < fit + 3; at++) kept += recent.get(at)?.bytes.length ?? 0;
    expect(kept).toBeLessThanOrEqual(RECENT_EVENT_BYTES);
  });
});
