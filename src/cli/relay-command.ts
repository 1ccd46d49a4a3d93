// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// `massmarket-schema relay`: the reference relay on loopback until SIGINT/SIGTERM.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Address, Hex } from "viem";
import { isAddress } from "../crypto/checksum-address.js";
import { generatePrivateKey } from "viem/accounts";
import type { EventDomain } from "../eip712/domain.js";
import { relayKeyOf } from "../relay/relay-key-file.js";
import { startRelayServer } from "../relay/start-relay-server.js";
import { TEST_RELAY_DOMAIN } from "../relay/start-test-relay.js";
import { openPostgresShopStore } from "../relay/store/postgres-store.js";
import { CliFailure, EXIT } from "./exit-codes.js";
import { startDemoShop } from "./relay-demo.js";
import { RELAY_USAGE } from "./relay-usage.js";

export async function runRelayCommand({ argv, print }: { argv: readonly string[]; print: (line: string) => void }): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        help: { type: "boolean", short: "h" },
        host: { type: "string" },
        port: { type: "string" },
        data: { type: "string" },
        database: { type: "string" },
        "key-file": { type: "string" },
        "chain-id": { type: "string" },
        registry: { type: "string" },
        "auto-pay": { type: "boolean" },
        "max-connections": { type: "string" },
        "max-connections-per-address": { type: "string" },
        dialect: { type: "string" },
        access: { type: "string" },
        "sign-in-host": { type: "string", multiple: true },
        quiet: { type: "boolean", short: "q" },
        demo: { type: "boolean" },
        crypto: { type: "string" },
        "verify-workers": { type: "string" },
      },
      strict: true,
    }));
  } catch (cause) {
    throw new CliFailure(EXIT.USAGE, `${(cause as Error).message}\n\nUsage: ${RELAY_USAGE}`);
  }
  if (values.help) return print(`Usage: ${RELAY_USAGE}`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliFailure(EXIT.USAGE, "--port must be an integer 0…65535");
  const dialect = values.dialect ?? "eip712";
  if (dialect !== "eip712" && dialect !== "v3") throw new CliFailure(EXIT.USAGE, "--dialect must be eip712 or v3");
  if (values.database !== undefined && (values.data !== undefined || values["key-file"] === undefined)) {
    throw new CliFailure(EXIT.USAGE, "--database needs --key-file (the relay's own events must verify when it starts again) and no --data");
  }
  const domain = domainOf(values["chain-id"], values.registry);
  // Several relay processes may share the database: each catches a shop up from it before writing.
  const shopStore = values.database === undefined ? undefined : await openPostgresShopStore({ connectionString: values.database });
  const crypto = values.crypto ?? "native";
  if (crypto !== "native" && crypto !== "wasm" && crypto !== "js") throw new CliFailure(EXIT.USAGE, "--crypto must be native, wasm or js");
  const workers = values["verify-workers"];
  if (workers !== undefined && !/^[0-9]{1,3}$/.test(workers)) throw new CliFailure(EXIT.USAGE, "--verify-workers must be a whole number 0…999");
  const server = await startRelayServer({
    shopStore,
    dialect,
    access: values.access === undefined ? undefined : { file: values.access },
    signInHosts: values["sign-in-host"],
    domain,
    privateKey: await relayKey(values["key-file"], values.data),
    host: values.host ?? "127.0.0.1",
    port,
    dataDir: values.data,
    autoPay: values["auto-pay"] ?? false,
    maxConnections: countOf(values["max-connections"], "--max-connections"),
    maxConnectionsPerAddress: countOf(values["max-connections-per-address"], "--max-connections-per-address"),
    // One line per session, request and refusal, after the start-up lines; --quiet keeps only those.
    trace: values.quiet === true ? undefined : (line) => print(`relay: ${line}`),
    crypto,
    verifyWorkers: workers === undefined ? undefined : Number(workers),
  });
  // Handlers first: whoever reads the URL may signal right away.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  print(server.url);
  print(`relay address: ${server.relay.address}`);
  print(`dev endpoints: ${server.httpUrl}/testing/enroll_keycard, ${server.httpUrl}/testing/pay`);
  print(`dialect: ${dialect}; sign-in enrollment: POST ${server.httpUrl}/v3/enroll_key_card (relay token id ${server.relayTokenId}); v3 clients take ${server.url.replace(/\/sessions$/, "")}`);
  print(`storage: ${storageLine(values)}`);
  const { secp256k1, keccak, reason } = server.crypto;
  print(`crypto: secp256k1 ${secp256k1}${reason === undefined ? "" : ` (${crypto} not used: ${reason})`}, keccak ${keccak}; signature checks: ${server.verifyWorkers === 0 ? "on the relay's thread (--verify-workers 0)" : `${server.verifyWorkers} worker threads`}`);
  if (server.access.firstWalletOwns) print("access: none given, so the FIRST WALLET THAT SIGNS IN AS A CLERK OF A SHOP OWNS IT (development only; --access FILE to set owners and clerks)");
  if (values.demo === true) await startDemoShop({ relay: server.relay, print });
  await stopped;
}

// Where the log lives, for the banner; a database URL may hold a password, so it is not printed.
function storageLine(values: { readonly data?: string | undefined; readonly database?: string | undefined }): string {
  if (values.database !== undefined) return "PostgreSQL (--database; shared with any other relay process on it, with the same key)";
  return values.data === undefined ? "in memory (gone when the relay stops; --data DIR keeps it)" : `${values.data}/events.log (replayed on start)`;
}

function countOf(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) throw new CliFailure(EXIT.USAGE, `${flag} must be a positive integer`);
  return Number(value);
}

function domainOf(chainId: string | undefined, registry: string | undefined): EventDomain {
  if (chainId === undefined && registry === undefined) return TEST_RELAY_DOMAIN;
  if (chainId === undefined || !/^[0-9]+$/.test(chainId) || registry === undefined || !isAddress(registry)) {
    throw new CliFailure(EXIT.USAGE, "--chain-id N and --registry 0xADDRESS go together");
  }
  return { chainId: BigInt(chainId), verifyingContract: registry as Address };
}

// With --data the relay keeps its key beside the log: its own events must verify on replay.
async function relayKey(keyFile: string | undefined, dataDir: string | undefined): Promise<Hex> {
  if (keyFile !== undefined) return readKey(keyFile);
  return dataDir === undefined ? generatePrivateKey() : relayKeyOf({ directory: dataDir });
}

function readKey(path: string): Hex {
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch (cause) {
    throw new CliFailure(EXIT.BAD_INPUT, `cannot read key file ${path}: ${(cause as Error).message}`);
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(text)) throw new CliFailure(EXIT.BAD_INPUT, `key file ${path} must hold one 0x-prefixed 32-byte hex private key`);
  return text as Hex;
}
