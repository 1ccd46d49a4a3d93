// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The restart bench's correctness, without timing: a restart from the
// snapshot plus the tail ends in the state of a full replay, with every
// event, and the RESULTS.md section is patched in place.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { measureRestart, memoryMet, type RestartResult, restartSection, withRestartSection } from "../../bench/restart.js";

const cacheRoot = mkdtempSync(join(tmpdir(), "restart-bench-"));
afterAll(() => rmSync(cacheRoot, { recursive: true, force: true }));

describe("restart bench", () => {
  it("snapshot + tail and full replay end in the same state, twice (the second time from the cache)", async () => {
    for (let run = 0; run < 2; run++) {
      const result = await measureRestart({ events: 120, tail: 40, baseEvents: 60, cacheRoot });
      expect(result).toMatchObject({ events: 120, snapshotAt: 80, sameState: true });
      expect(result.snapshotBytes).toBeGreaterThan(0);
    }
  });

  it("judges retained heap against 3 × snapshot + base, and says when it was not measured", () => {
    const result: RestartResult = { events: 10, snapshotAt: 5, fullMs: 1, snapshotMs: 1, ratio: 1, sameState: true, retainedBytes: 10, baseBytes: 4, snapshotBytes: 2 };
    expect(memoryMet(result)).toBe(true);
    expect(restartSection(result)).toMatch(/Retained ≤ 3 × snapshot \+ base \([^)]*\): met\./);
    expect(memoryMet({ ...result, retainedBytes: 11 })).toBe(false);
    expect(restartSection({ ...result, retainedBytes: 11 })).toMatch(/Retained ≤ 3 × snapshot \+ base \([^)]*\): MISSED\./);
    expect(memoryMet({ ...result, retainedBytes: undefined })).toBeUndefined();
    expect(restartSection({ ...result, retainedBytes: undefined })).toContain("not measured");
  });

  it("patches only its own section", () => {
    const text = "# R\n\n## A\n\na\n\n## Relay restart\n\nold\n\n## B\n\nb\n";
    expect(withRestartSection({ text, section: "new\n" })).toBe("# R\n\n## A\n\na\n\n## Relay restart\n\nnew\n\n## B\n\nb\n");
    expect(withRestartSection({ text: "# R\n", section: "new\n" })).toBe("# R\n\n## Relay restart\n\nnew\n");
  });
});
