// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Installs the packed tarball into a fresh project that also depends on
// @bufbuild/protobuf and viem directly, as a user would (`npm i @bufbuild/protobuf`),
// so npm picks the newest versions our ranges allow. Online by default; when the
// registry cannot be reached (or NETWORK_SCHEMA_OFFLINE=1) npm installs from its
// cache instead (`--offline`), which holds at least what `npm ci` fetched.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface InstallResult {
  /** How many copies of each package are installed anywhere in the tree. */
  readonly copies: Record<string, number>;
  /** tsc's output for the strict consumer: empty when it type-checks. */
  readonly typeErrors: string;
  /** What the consumer printed. */
  readonly output: Record<string, unknown>;
  /** What the README's first-event program printed. */
  readonly firstEventOutput: string;
}

const CONSUMER = (name: string) => `
import { create, fromBinary, toBinary, type DescMessage } from "@bufbuild/protobuf";
import type { GenMessage } from "@bufbuild/protobuf/codegenv2";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { type ShopEvent, ShopEventSchema, createShopEvent, keycardPublicKey, objectId, signEvent, verifyEvent, type EventDomain } from "${name}";

// The consumer's own @bufbuild/protobuf must accept our generated schemas.
const schema: GenMessage<ShopEvent> = ShopEventSchema;
const desc: DescMessage = schema;
const domain: EventDomain = { chainId: 1, verifyingContract: "0x000000000000000000000000000000000000dEaD" };
const account = privateKeyToAccount(generatePrivateKey());
const event = createShopEvent({ shopId: 23n, nonce: 1n, union: { case: "tag", value: { id: objectId({ id: 1n }), name: "Summer sale" } } });
const signature = await signEvent({ event, domain, account });
const again = fromBinary(ShopEventSchema, toBinary(ShopEventSchema, event));
console.log(JSON.stringify({
  verified: await verifyEvent({ event: again, domain, signature, address: account.address }),
  wrongKey: await verifyEvent({ event: create(ShopEventSchema, { ...again, nonce: 2n }), domain, signature, address: account.address }),
  roundTrip: desc.typeName === "market.mass.ShopEvent",
  keyLength: keycardPublicKey({ account }).raw.length,
}));
`;

/** The readme region of an example file, with the package name for ../src/index.js, as the README shows it. */
export function readmeBlockOf(source: string, name: string): string {
  const region = source.match(/\/\/ #region readme\n([\s\S]*?)\/\/ #endregion readme\n/)?.[1];
  if (region === undefined) throw new Error("no readme region");
  // "../src/index.js" is the package root, "../src/relay.js" its ./relay subpath.
  return region.replace(/"\.\.\/src\/(\w+)\.js"/g, (_, module: string) => `"${module === "index" ? name : `${name}/${module}`}"`);
}

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_OPTIONS: "" } });
}

/**
 * Installs `tarball` beside the newest @bufbuild/protobuf and viem within `ranges`, then type-checks and runs
 * a consumer and `firstEvent`, the README's first-event program, exactly as a user copies it.
 */
export function installBesideNewest({ tarball, work, repo, ranges, name, firstEvent }: { tarball: string; work: string; repo: string; ranges: Record<string, string>; name: string; firstEvent: string }): InstallResult {
  const dir = join(work, "fresh-consumer");
  mkdirSync(dir, { recursive: true });
  // What `npm i @bufbuild/protobuf viem` gives a user today within the major versions we support.
  const major = (range: string | undefined) => `^${/(\d+)\./.exec(range ?? "")?.[1] ?? "0"}.0.0`;
  const direct = { "@bufbuild/protobuf": major(ranges["@bufbuild/protobuf"]), viem: major(ranges.viem) };
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "fresh-consumer", private: true, type: "module", dependencies: { [name]: `file:${tarball}`, ...direct } }));
  const install = ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock"];
  let mode = "online";
  if (process.env.NETWORK_SCHEMA_OFFLINE === "1") {
    mode = "offline";
    npm([...install, "--offline"], dir);
  } else {
    try {
      npm([...install, "--prefer-online"], dir);
    } catch (error) {
      const text = String((error as { stderr?: string }).stderr ?? error);
      if (!/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(text)) throw error;
      mode = "offline (registry unreachable)";
      npm([...install, "--offline"], dir);
    }
  }
  const copies: Record<string, number> = {};
  const versions: Record<string, string[]> = {};
  for (const dependency of Object.keys(direct)) {
    const paths = npm(["ls", dependency, "--all", "--parseable"], dir).split("\n").filter((line) => line.endsWith(`node_modules/${dependency}`));
    copies[dependency] = new Set(paths).size;
    versions[dependency] = [...new Set(paths)].map((path) => (JSON.parse(readFileSync(join(path, "package.json"), "utf8")) as { version: string }).version);
  }
  console.log(`installed ${mode}: ${JSON.stringify(versions)}`);

  writeFileSync(join(dir, "consumer.ts"), CONSUMER(name));
  writeFileSync(join(dir, "first-event.mts"), firstEvent);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, exactOptionalPropertyTypes: true, skipLibCheck: true, types: [], lib: ["ES2022", "DOM"], outDir: "out" },
      files: ["consumer.ts", "first-event.mts"],
    }),
  );
  let typeErrors = "";
  try {
    execFileSync(process.execPath, [join(repo, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json", "--pretty", "false"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    typeErrors = String((error as { stdout?: string }).stdout ?? error);
  }
  const output = typeErrors === "" ? (JSON.parse(execFileSync(process.execPath, [join(dir, "out", "consumer.js")], { cwd: dir, encoding: "utf8" })) as Record<string, unknown>) : {};
  const firstEventOutput = typeErrors === "" ? execFileSync(process.execPath, [join(dir, "out", "first-event.mjs")], { cwd: dir, encoding: "utf8" }) : "";
  return { copies, typeErrors, output, firstEventOutput };
}
