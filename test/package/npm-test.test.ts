// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `npm test` on a fresh machine (no reuse, no Chromium, no PostgreSQL) runs what it can and says
// what it did not; under CI=true it refuses. Checked on scripts/test.sh's plan
// (NPM_TEST_DRY_RUN=1) with PATH, CHROMIUM_BIN and POSTGRES_BIN arranged to hide or fake the tools.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "npm-test-tools-"));

// A PATH with every program of the real one except reuse and any Chrome/Chromium.
const hidden = /^(reuse|chromium.*|google-chrome.*|chrome)$/;
const bin = join(work, "bin");
mkdirSync(bin);
for (const dir of (process.env.PATH ?? "").split(delimiter).filter(Boolean).reverse()) {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    continue;
  }
  for (const name of names) {
    if (hidden.test(name)) continue;
    try {
      symlinkSync(join(dir, name), join(bin, name));
    } catch {
      // Already linked from a directory earlier in PATH.
    }
  }
}

function plan(env: Record<string, string>) {
  const result = spawnSync("bash", ["scripts/test.sh"], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, PATH: bin, HOME: work, PLAYWRIGHT_BROWSERS_PATH: join(work, "none"), CI: "", NPM_TEST_DRY_RUN: "1", ...env },
  });
  const steps = [...result.stdout.matchAll(/^== (.*)$/gm)].map((m) => m[1]);
  return { code: result.status, steps, stderr: result.stderr };
}

// A directory with stand-ins for PostgreSQL's server programs (found, never run: the plan is dry).
const fakePostgres = join(work, "fake-postgres");
mkdirSync(fakePostgres);
for (const name of ["initdb", "pg_ctl", "postgres"]) {
  writeFileSync(join(fakePostgres, name), "#!/bin/sh\nexit 0\n");
  chmodSync(join(fakePostgres, name), 0o755);
}
const noPostgres = join(work, "no-such-postgres");

describe("npm test without reuse, Chromium and PostgreSQL", () => {
  it("runs every other check, the node tests only, and says plainly what it left out and how to get it", () => {
    const { code, steps, stderr } = plan({ CHROMIUM_BIN: join(work, "no-such-chromium"), POSTGRES_BIN: noPostgres });
    expect(code).toBe(0);
    expect(steps).not.toContain("reuse lint");
    expect(steps).toContain("npx vitest run --project node");
    expect(steps).not.toContain("npx vitest run");
    expect(steps).toContain("npx tsc --noEmit");
    expect(stderr).toContain("NOT RUN");
    expect(stderr).toMatch(/REUSE lint: needs the reuse tool \(Debian: apt-get install reuse/);
    expect(stderr).toMatch(/browser tests: need Chromium or Chrome \(Debian: apt-get install chromium; or set CHROMIUM_BIN/);
    expect(stderr).toMatch(/PostgreSQL store tests: need PostgreSQL's server programs \(Debian: apt-get install postgresql; or set POSTGRES_BIN/);
  });

  it("runs the postgres project beside the node tests when only PostgreSQL is found", () => {
    const { code, steps, stderr } = plan({ CHROMIUM_BIN: join(work, "no-such-chromium"), POSTGRES_BIN: fakePostgres });
    expect(code).toBe(0);
    expect(steps).toContain("npx vitest run --project node --project postgres");
    expect(stderr).not.toMatch(/PostgreSQL store tests/);
  });

  it("fails under CI=true, naming what is missing", () => {
    const { code, steps, stderr } = plan({ CHROMIUM_BIN: join(work, "no-such-chromium"), POSTGRES_BIN: noPostgres, CI: "true" });
    expect(code).not.toBe(0);
    expect(steps).toEqual([]);
    expect(stderr).toContain("CI=true");
    expect(stderr).toContain("reuse");
    expect(stderr).toContain("Chromium");
    expect(stderr).toContain("PostgreSQL");
  });

  it("runs the REUSE lint and every vitest project when the tools are found", () => {
    const tools = join(work, "tools");
    mkdirSync(tools, { recursive: true });
    for (const name of ["reuse", "fake-chromium"]) {
      writeFileSync(join(tools, name), "#!/bin/sh\nexit 0\n");
      chmodSync(join(tools, name), 0o755);
    }
    const { code, steps, stderr } = plan({ PATH: `${tools}${delimiter}${bin}`, CHROMIUM_BIN: join(tools, "fake-chromium"), POSTGRES_BIN: fakePostgres, CI: "true" });
    expect(code).toBe(0);
    expect(steps).toContain("reuse lint");
    expect(steps).toContain("npx vitest run");
    expect(stderr).not.toContain("NOT RUN");
  });
});
