// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Runs the massmarket-schema binary (from source, bundled once) as a user would.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { create, createRegistry, fromBinary, toBinary, toJsonString } from "@bufbuild/protobuf";
import { buildSync } from "esbuild";
import { bytesToHex, hexToBytes } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import {
  createShopEvent,
  createSignedEvent,
  EnvelopeSchema,
  ethereumAddress,
  hashEvent,
  hashEventBytes,
  ListingViewState,
  objectId,
  ShopEventSchema,
  SignedEventSchema,
  signEvent,
  uint256,
} from "../../src/index.js";
import vectors from "../vectors/upstream-v3-testVectors.json" with { type: "json" };

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "massmarket-cli-"));
// One esbuild bundle of the binary: each run then starts in plain node, without a TS loader.
const binary = join(dir, "massmarket-schema.mjs");
buildSync({ entryPoints: [join(root, "src/cli/main.ts")], bundle: true, platform: "node", format: "esm", target: "node20", outfile: binary, logLevel: "error" });
const cli = (args: string[], stdin?: string | Uint8Array) => {
  const result = spawnSync(process.execPath, [binary, ...args], { cwd: dir, input: stdin ?? "" });
  return { code: result.status, stdout: result.stdout.toString("utf8"), stderr: result.stderr.toString("utf8") };
};
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
// A failure is one line on stderr, never a stack trace.
const oneLine = (stderr: string) => {
  expect(stderr.trim().split("\n").filter((line) => !line.startsWith("detected:"))).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
};

const KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318" as const;
const account = privateKeyToAccount(KEY);
const REGISTRY = "0x000000000000000000000000000000000000dEaD";
const domainArgs = ["--chain-id", "1", "--registry", REGISTRY];
const domain = { chainId: 1n, verifyingContract: REGISTRY } as const;
const vector = vectors.events[5] as { encoded: `0x${string}`; signature: `0x${string}` };
const event = fromBinary(ShopEventSchema, hexToBytes(vector.encoded));
const eventBytes = hexToBytes(vector.encoded);
const keyFile = file("key", `${KEY}\n`);
const signature = await signEvent({ event, domain, account });

describe("massmarket-schema", () => {
  it("prints usage with exit code 0, and usage errors with 2", () => {
    const help = cli(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["decode", "typed-data", "hash", "sign", "verify", "recover"]) {
      expect(help.stdout).toContain(command);
      const own = cli([command, "--help"]);
      expect(own.code, command).toBe(0);
      expect(own.stdout).toContain(`massmarket-schema ${command}`);
    }
    expect(cli(["frobnicate"]).code).toBe(2);
    expect(cli(["decode", "--nope", "00"]).code).toBe(2);
    expect(cli(["hash", vector.encoded]).stderr).toContain("--chain-id");
    expect(cli(["decode", "--hex", "--base64", "00"]).code).toBe(2);
  });

  describe("decode shows bytes for a person", () => {
    const listing = createShopEvent({
      shopId: 23n,
      nonce: 0n,
      timestamp: new Date("2026-01-01T00:00:00.250Z"),
      union: { case: "listing", value: { id: objectId({ id: 1n }), price: uint256({ value: 20_000_000n }), viewState: ListingViewState.PUBLISHED, metadata: { title: "Shirt" } } },
    });
    const manifest = createShopEvent({
      shopId: 23n,
      nonce: 2n,
      union: { case: "manifest", value: { tokenId: uint256({ value: 23n }), payees: [{ name: "me", address: ethereumAddress({ address: account.address }), chainId: 1n }] } },
    });

    it("uint256 decimal, ids 0x-hex, enums by name, timestamps ISO, defaults shown, proto field names", () => {
      const out = cli(["decode", bytesToHex(toBinary(ShopEventSchema, listing))]);
      expect(out.code).toBe(0);
      expect(JSON.parse(out.stdout)).toEqual({
        nonce: "0",
        shop_id: "23",
        timestamp: "2026-01-01T00:00:00.250Z",
        listing: {
          id: "0x0000000000000001",
          price: "20000000",
          metadata: { title: "Shirt", description: "", images: [] },
          view_state: "LISTING_VIEW_STATE_PUBLISHED",
          options: [],
          stock_statuses: [],
        },
      });
    });

    it("checksummed addresses", () => {
      const out = JSON.parse(cli(["decode", bytesToHex(toBinary(ShopEventSchema, manifest))]).stdout);
      expect(out.manifest.payees[0]).toEqual({ name: "me", address: account.address, chain_id: "1", call_as_contract: false });
      expect(out.manifest.token_id).toBe("23");
    });

    it("a SignedEvent with the packed event decoded, @type first, and --proto-json for the canonical form", () => {
      const signed = toBinary(SignedEventSchema, createSignedEvent({ event, signature }));
      const out = cli(["decode", bytesToHex(signed)]);
      expect(out.stderr).toContain("detected: signed-event");
      const view = JSON.parse(out.stdout);
      expect(Object.keys(view.event)[0]).toBe("@type");
      expect(view.event).toMatchObject({ "@type": "type.googleapis.com/market.mass.ShopEvent", nonce: "5" });
      expect(view.signature).toMatch(/^0x[0-9a-f]{130}$/);
      const canonical = cli(["decode", "--proto-json", bytesToHex(signed)]);
      const registry = createRegistry(ShopEventSchema);
      expect(JSON.parse(canonical.stdout)).toEqual(JSON.parse(toJsonString(SignedEventSchema, fromBinary(SignedEventSchema, signed), { registry })));
      expect(JSON.parse(canonical.stdout).event["@type"]).toBe("type.googleapis.com/market.mass.ShopEvent");
      expect(JSON.parse(cli(["decode", "--proto-json", vector.encoded]).stdout)).toEqual(JSON.parse(toJsonString(ShopEventSchema, event)));
    });
  });

  describe("every command takes hex, base64, a binary file, a file path and stdin", () => {
    const forms: [string, string[], Uint8Array | string | undefined][] = [
      ["hex", [vector.encoded], undefined],
      ["base64", [Buffer.from(eventBytes).toString("base64")], undefined],
      ["binary file (--file)", ["--file", file("event.bin", eventBytes)], undefined],
      ["binary file (path)", [file("event2.bin", eventBytes)], undefined],
      ["hex file (path)", [file("event.hex", `${vector.encoded}\n`)], undefined],
      ["binary stdin (-)", ["-"], eventBytes],
      ["binary stdin (--file -)", ["--file", "-"], eventBytes],
      ["hex stdin", ["-"], vector.encoded],
      ["JSON file (path)", [file("event.json", toJsonString(ShopEventSchema, event))], undefined],
      ["JSON stdin", ["-"], toJsonString(ShopEventSchema, event)],
    ];
    const digest = hashEvent({ event, domain });
    it.each(forms)("%s", (name, input, stdin) => {
      const isJson = name.startsWith("JSON");
      if (!isJson) expect(JSON.parse(cli(["decode", ...input], stdin).stdout).nonce).toBe("5");
      expect(cli(["hash", ...domainArgs, ...input], stdin).stdout.trim()).toBe(digest);
      expect(JSON.parse(cli(["typed-data", ...domainArgs, ...input], stdin).stdout).message.nonce).toBe("5");
      expect(cli(["sign", "--key-file", keyFile, ...domainArgs, ...input], stdin).stdout.trim()).toBe(signature);
      const verified = cli(["verify", ...domainArgs, "--signature", signature, "--address", account.address, ...input], stdin);
      expect(verified.code).toBe(0);
      expect(cli(["recover", ...domainArgs, "--signature", signature, ...input], stdin).stdout.trim()).toBe(account.address);
    });

    it("reads 0x-hex bytes inside JSON as hex, and refuses a 0x value that is not hex instead of reading it as base64", () => {
      const json = JSON.stringify({ nonce: "5", shopId: { raw: bytesToHex(event.shopId?.raw ?? new Uint8Array()) }, timestamp: "1970-01-01T05:00:00Z", account: JSON.parse(toJsonString(ShopEventSchema, event)).account });
      expect(cli(["hash", ...domainArgs, json]).stdout.trim()).toBe(hashEvent({ event, domain }));
      const bad = cli(["hash", ...domainArgs, JSON.stringify({ nonce: "1", tag: { id: { raw: "0x0001020" } } })]);
      expect(bad.code).toBe(3);
      expect(bad.stderr).toContain("event.tag.id.raw");
      oneLine(bad.stderr);
    });
  });

  describe("verify exits 0 only when it verified the signer", () => {
    it("needs --address (recover prints the signer instead)", () => {
      const forged = `0x${"11".repeat(64)}1b`;
      const noAddress = cli(["verify", ...domainArgs, "--signature", signature, vector.encoded]);
      expect(noAddress.code).toBe(2);
      expect(noAddress.stderr).toContain("recover");
      expect(cli(["verify", ...domainArgs, "--signature", forged, vector.encoded]).code).toBe(2);
      expect(cli(["recover", ...domainArgs, "--signature", signature, vector.encoded]).stdout.trim()).toBe(account.address);
    });

    it("exits 1 for another signer, 3 for an address that is not one", () => {
      const other = privateKeyToAccount(`0x${"22".repeat(32)}`).address;
      const wrong = cli(["verify", ...domainArgs, "--signature", signature, "--address", other, vector.encoded]);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain("does not match");
      for (const nonsense of ["nonsense", "0x1234", account.address.toLowerCase().replace("0x", "0X")]) {
        const out = cli(["verify", ...domainArgs, "--signature", signature, "--address", nonsense, vector.encoded]);
        expect(out.code, nonsense).toBe(3);
        oneLine(out.stderr);
      }
    });

    it("verifies a v3 SignedEvent with the EIP-191 scheme", () => {
      const signed = create(SignedEventSchema, {
        event: { typeUrl: "type.googleapis.com/market.mass.ShopEvent", value: eventBytes },
        signature: { raw: hexToBytes(vector.signature) },
      });
      const hex = bytesToHex(toBinary(SignedEventSchema, signed));
      const out = cli(["verify", "--signed-event", "--scheme", "eip191", "--address", vectors.signatures.signer.address, hex]);
      expect(out.code).toBe(0);
      expect(cli(["recover", "--signed-event", "--scheme", "eip191", hex]).stdout.trim()).toBe(vectors.signatures.signer.address);
    });
  });

  describe("decode --verify", () => {
    it("prints the signer and digest of every event of a frame", async () => {
      const second = createShopEvent({ shopId: 23n, nonce: 6n, union: { case: "tag", value: { id: objectId({ id: 9n }), name: "b" } } });
      const other = privateKeyToAccount(`0x${"33".repeat(32)}`);
      const events = [createSignedEvent({ event, signature }), createSignedEvent({ event: second, signature: await signEvent({ event: second, domain, account: other }) })];
      const frame = toBinary(EnvelopeSchema, create(EnvelopeSchema, { requestId: { raw: 7n }, message: { case: "eventWriteRequest", value: { events } } }));
      const out = cli(["decode", "--verify", ...domainArgs, bytesToHex(frame)]);
      expect(out.code).toBe(0);
      const view = JSON.parse(out.stdout);
      expect(view.request_id).toEqual({ raw: "7" });
      expect(view.event_write_request.events.map((e: Record<string, string>) => [e["@signer"], e["@digest"]])).toEqual([
        [account.address, hashEvent({ event, domain })],
        [other.address, hashEvent({ event: second, domain })],
      ]);
    });

    it("uses the EIP-191 digest with --scheme eip191, and exits 3 when an event does not open", () => {
      const signed = create(SignedEventSchema, { event: { typeUrl: "type.googleapis.com/market.mass.ShopEvent", value: eventBytes }, signature: { raw: hexToBytes(vector.signature) } });
      const out = JSON.parse(cli(["decode", "--verify", "--scheme", "eip191", bytesToHex(toBinary(SignedEventSchema, signed))]).stdout);
      expect(out["@signer"]).toBe(vectors.signatures.signer.address);
      expect(out["@digest"]).toBe(hashEventBytes({ eventBytes }));
      const broken = create(SignedEventSchema, { event: signed.event, signature: { raw: new Uint8Array(65) } });
      const failed = cli(["decode", "--verify", ...domainArgs, bytesToHex(toBinary(SignedEventSchema, broken))]);
      expect(failed.code).toBe(3);
      expect(JSON.parse(failed.stdout)["@error"]).toMatch(/INVALID_SIGNATURE/);
      expect(cli(["decode", "--verify", ...domainArgs, vector.encoded]).code).toBe(3);
      expect(cli(["decode", "--verify", vector.encoded]).code).toBe(2);
    });
  });

  describe("bad input is exit 3 with a one-line reason", () => {
    const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
    it.each([
      ["zero key", "0x" + "00".repeat(32)],
      ["key = n", `0x${n.toString(16)}`],
      ["key > n", `0x${(n + 1n).toString(16)}`],
      ["not a key", "not a key"],
    ])("key file: %s", (name, content) => {
      const out = cli(["sign", "--key-file", file(`key-${name}`, content), ...domainArgs, vector.encoded]);
      expect(out.code).toBe(3);
      oneLine(out.stderr);
    });

    it.each([
      ["odd hex", ["decode", "--hex", "0xabc"]],
      ["garbage ShopEvent", ["decode", "--type", "shop-event", "ffffffff"]],
      ["unrecognised bytes", ["decode", "ffffffff"]],
      ["bad registry", ["hash", "--chain-id", "1", "--registry", "0x1234", vector.encoded]],
      ["bad chain id", ["hash", "--chain-id", "one", "--registry", REGISTRY, vector.encoded]],
      ["bad JSON event", ["typed-data", ...domainArgs, '{"nonce": "x"}']],
      ["broken JSON", ["typed-data", ...domainArgs, "{nonce"]],
      ["JSON to decode", ["decode", '{"nonce":"1"}']],
      ["missing file", ["decode", "--file", join(dir, "nope.bin")]],
      ["signature not hex", ["verify", ...domainArgs, "--signature", "zz", "--address", REGISTRY, vector.encoded]],
      ["signature not recoverable", ["verify", ...domainArgs, "--signature", `0x${"00".repeat(65)}`, "--address", REGISTRY, vector.encoded]],
      ["unknown scheme", ["recover", "--signed-event", "--scheme", "rsa", vector.encoded]],
    ])("%s", (_name, args) => {
      const out = cli(args);
      expect(out.code === 3 || (_name === "unknown scheme" && out.code === 2)).toBe(true);
      oneLine(out.stderr);
    });
  });
});
