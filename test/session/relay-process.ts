// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay CLI as a child process, for tests that kill it.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));

export interface RelayProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly httpUrl: string;
  readonly relayAddress: string;
  /** Resolves with the exit code or signal. */
  readonly exited: Promise<number | string | null>;
  /** Everything printed on stdout so far. */
  readonly stdout: () => string;
}

export async function spawnRelay(args: readonly string[]): Promise<RelayProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", main, "relay", ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_OPTIONS: "" } });
  const exited = new Promise<number | string | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  let output = "";
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const lines = await new Promise<string[]>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const got = output.split("\n");
      if (got.length > 3) resolve(got);
    });
    void exited.then((code) => reject(new Error(`relay exited (${String(code)}) before printing its URL: ${errors}`)));
  });
  const url = lines[0] as string;
  return { child, url, httpUrl: url.replace(/^ws:/, "http:").replace(/\/v3\/sessions$/, ""), relayAddress: (lines[1] as string).replace("relay address: ", ""), exited, stdout: () => output };
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}
