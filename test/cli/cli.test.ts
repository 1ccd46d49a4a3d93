// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Runs the massmarket-schema binary (from source, through tsx) as a user would.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { create, fromBinary, toBinary, toJsonString } from "@bufbuild/protobuf";
import { buildSync } from "esbuild";
import { bytesToHex, hexToBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { createSignedEvent, EnvelopeSchema, hashEvent, ShopEventSchema, SignedEventSchema, signEvent } from "../../src/index.js";
import vectors from "../vectors/upstream-v3-testVectors.json" with { type: "json" };

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "massmarket-cli-"));
// One esbuild bundle of the binary: each run then starts in plain node, without a TS loader.
const binary = join(dir, "massmarket-schema.mjs");
buildSync({ entryPoints: [join(root, "src/cli/main.ts")], bundle: true, platform: "node", format: "esm", target: "node20", outfile: binary, logLevel: "error" });
const cli = (args: string[], stdin?: string) => {
  const result = spawnSync(process.execPath, [binary, ...args], { cwd: dir, input: stdin ?? "", encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

const KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318" as const;
const REGISTRY = "0x000000000000000000000000000000000000dEaD";
const domainArgs = ["--chain-id", "1", "--registry", REGISTRY];
const domain = { chainId: 1n, verifyingContract: REGISTRY } as const;
const vector = vectors.events[5] as { encoded: `0x${string}`; signature: `0x${string}` };
const event = fromBinary(ShopEventSchema, hexToBytes(vector.encoded));
const keyFile = join(dir, "key");
writeFileSync(keyFile, `${KEY}\n`);

describe("massmarket-schema", () => {
  it("prints usage with exit code 0, and usage errors with 2", () => {
    const help = cli(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["decode", "typed-data", "hash", "sign", "verify"]) {
      expect(help.stdout).toContain(command);
      const own = cli([command, "--help"]);
      expect(own.code, command).toBe(0);
      expect(own.stdout).toContain(`massmarket-schema ${command}`);
    }
    expect(cli(["frobnicate"]).code).toBe(2);
    expect(cli(["decode", "--nope", "00"]).code).toBe(2);
    expect(cli(["hash", vector.encoded]).stderr).toContain("--chain-id");
  });

  it("decodes a ShopEvent given as hex, base64 or a binary file, detecting the type", () => {
    const bytes = hexToBytes(vector.encoded);
    const expected = JSON.parse(toJsonString(ShopEventSchema, event));
    const fromHex = cli(["decode", vector.encoded]);
    expect(fromHex.code).toBe(0);
    expect(fromHex.stderr).toContain("detected: shop-event");
    expect(JSON.parse(fromHex.stdout)).toEqual(expected);
    expect(JSON.parse(cli(["decode", "--base64", Buffer.from(bytes).toString("base64")]).stdout)).toEqual(expected);
    const file = join(dir, "event.bin");
    writeFileSync(file, bytes);
    expect(JSON.parse(cli(["decode", "--type", "shop-event", "--file", file]).stdout)).toEqual(expected);
    expect(JSON.parse(cli(["decode", "-"], vector.encoded).stdout)).toEqual(expected);
  });

  it("decodes SignedEvent and Envelope bytes", async () => {
    const signature = await signEvent({ event, domain, account: privateKeyToAccount(KEY) });
    const signed = createSignedEvent({ event, signature });
    const signedOut = cli(["decode", bytesToHex(toBinary(SignedEventSchema, signed))]);
    expect(signedOut.stderr).toContain("detected: signed-event");
    expect(JSON.parse(signedOut.stdout).event["@type"]).toBe("type.googleapis.com/market.mass.ShopEvent");
    const envelope = create(EnvelopeSchema, { requestId: { raw: 7n }, message: { case: "eventWriteRequest", value: { events: [signed] } } });
    const envelopeOut = cli(["decode", bytesToHex(toBinary(EnvelopeSchema, envelope))]);
    expect(envelopeOut.stderr).toContain("detected: envelope");
    expect(JSON.parse(envelopeOut.stdout).requestId).toEqual({ raw: "7" });
  });

  it("prints typed data and the digest the library computes", () => {
    const typed = cli(["typed-data", ...domainArgs, toJsonString(ShopEventSchema, event)]);
    expect(typed.code).toBe(0);
    const json = JSON.parse(typed.stdout);
    expect(json.primaryType).toBe("ShopEvent");
    expect(json.message.nonce).toBe(event.nonce.toString());
    expect(cli(["hash", ...domainArgs, vector.encoded]).stdout.trim()).toBe(hashEvent({ event, domain }));
  });

  it("signs with a key file and verifies, exiting 1 on a wrong signer", async () => {
    const signed = cli(["sign", "--key-file", keyFile, ...domainArgs, vector.encoded]);
    expect(signed.code).toBe(0);
    const signature = signed.stdout.trim();
    expect(signature).toBe(await signEvent({ event, domain, account: privateKeyToAccount(KEY) }));
    const address = privateKeyToAccount(KEY).address;
    const ok = cli(["verify", ...domainArgs, "--signature", signature, "--address", address, vector.encoded]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(address);
    const wrong = cli(["verify", ...domainArgs, "--signature", signature, "--address", REGISTRY, vector.encoded]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("does not match");
  });

  it("verifies a v3 SignedEvent with the EIP-191 scheme", () => {
    const signed = create(SignedEventSchema, {
      event: { typeUrl: "type.googleapis.com/market.mass.ShopEvent", value: hexToBytes(vector.encoded) },
      signature: { raw: hexToBytes(vector.signature) },
    });
    const out = cli(["verify", "--signed-event", "--scheme", "eip191", bytesToHex(toBinary(SignedEventSchema, signed))]);
    expect(out.code).toBe(0);
    expect(out.stdout.trim().toLowerCase()).toBe(vectors.signatures.signer.address.toLowerCase());
  });

  it("refuses bad input with exit code 3 and a message naming the problem", () => {
    const notHex = cli(["decode", "--hex", "0xabc"]);
    expect(notHex.code).toBe(3);
    expect(notHex.stderr).toContain("hex");
    const garbage = cli(["decode", "--type", "shop-event", "ffffffff"]);
    expect(garbage.code).toBe(3);
    expect(garbage.stderr).toMatch(/DECODE_FAILED/);
    const badKey = join(dir, "bad-key");
    writeFileSync(badKey, "not a key");
    expect(cli(["sign", "--key-file", badKey, ...domainArgs, vector.encoded]).code).toBe(3);
    expect(cli(["hash", "--chain-id", "1", "--registry", "0x1234", vector.encoded]).stderr).toContain("INVALID_DOMAIN");
    expect(cli(["typed-data", ...domainArgs, '{"nonce": "x"}']).code).toBe(3);
  });
});
