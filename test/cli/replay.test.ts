// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `massmarket-schema replay`: the scenario log of the golden vectors rebuilt
// by the binary, refused at the first bad event, and resumed from a snapshot.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { shopStateFromJSON, shopStateToJSON } from "../../src/state/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "massmarket-replay-"));
const binary = join(dir, "massmarket-schema.mjs");
buildSync({ entryPoints: [join(root, "src/cli/main.ts")], bundle: true, platform: "node", format: "esm", target: "node20", outfile: binary, logLevel: "error" });
const cli = (args: string[]) => {
  const result = spawnSync(process.execPath, [binary, ...args], { cwd: dir, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

const vectors = JSON.parse(readFileSync(new URL("../vectors/shop-state.json", import.meta.url), "utf8")) as {
  domain: unknown;
  context: unknown;
  logs: { name: string; events: { signedEvent: string | null }[]; finalState?: unknown }[];
};
const scenario = vectors.logs.find((l) => l.name === "scenario")!;
const signedEvents = scenario.events.map((e) => e.signedEvent as string);
const expected = shopStateToJSON({ state: shopStateFromJSON({ json: JSON.stringify(scenario.finalState) }) });
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

describe("massmarket-schema replay", () => {
  it("prints the canonical snapshot of the rebuilt shop", () => {
    const out = cli(["replay", write("log.json", { context: vectors.context, domain: vectors.domain, signedEvents })]);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(`${expected}\n`);
  });

  it("stops at the first refused event with its index, code, path and ErrorCodes, exit code 1", () => {
    const replayed = [...signedEvents, signedEvents[5] as string, signedEvents[6] as string];
    const out = cli(["replay", write("bad.json", { context: vectors.context, domain: vectors.domain, signedEvents: replayed })]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`refused signedEvents[${signedEvents.length}]: NONCE_NOT_INCREASING at event.nonce (ErrorCodes.INVALID)`);
  });

  it("resumes from a snapshot given with --state", () => {
    const half = Math.floor(signedEvents.length / 2);
    const first = cli(["replay", write("first.json", { context: vectors.context, domain: vectors.domain, signedEvents: signedEvents.slice(0, half) })]);
    const snapshot = join(dir, "snapshot.json");
    writeFileSync(snapshot, first.stdout);
    const rest = cli(["replay", "--state", snapshot, write("rest.json", { context: vectors.context, domain: vectors.domain, signedEvents: signedEvents.slice(half) })]);
    expect(rest.stdout).toBe(`${expected}\n`);
  });

  it("refuses a file that is not a log with exit code 3, and shows its usage", () => {
    expect(cli(["replay", write("junk.json", { events: 1 })]).code).toBe(3);
    expect(cli(["replay", join(dir, "missing.json")]).code).toBe(3);
    expect(cli(["replay"]).code).toBe(2);
    expect(cli(["replay", "--help"]).stdout).toContain("massmarket-schema replay");
    expect(cli(["--help"]).stdout).toContain("replay");
  });
});
