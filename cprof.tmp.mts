import { writeFileSync } from "node:fs";
import { fromBinary } from "@bufbuild/protobuf";
import { bytesToHex, hexToBytes } from "viem";
import { hashEvent, shopStateToJSON, SignedEventSchema } from "./src/index.js";
import { withBundlePage } from "./bench/browser.js";
import { domain } from "./bench/fixtures.js";
import { buildStateLog } from "./bench/state-log.js";
const n = Number(process.argv[2] ?? 2000);
const log = await buildStateLog(n);
const recoveries = new Uint8Array(97 * n);
log.events.forEach(({ event }, i) => { recoveries.set(hexToBytes(hashEvent({ event, domain })), 97 * i); recoveries.set(fromBinary(SignedEventSchema, log.signedEvents[i]!).signature!.raw, 97 * i + 32); });
const input = { signedEvents: log.signedEvents.map((b) => bytesToHex(b)), recoveries: bytesToHex(recoveries), expectedState: shopStateToJSON({ state: log.state }), rounds: Number(process.argv[3] ?? 3) };
const out = await withBundlePage(undefined, async (page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable"); await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  if (process.argv[4] === "prof") await cdp.send("Profiler.start");
  const r = await page.evaluate((o) => (globalThis as any).hashBench.runSyncBench(o), input);
  if (process.argv[4] === "prof") { const { profile } = await cdp.send("Profiler.stop"); writeFileSync("/tmp/wasmprof/chromium.cpuprofile", JSON.stringify(profile)); }
  return r;
}, "./browser/recovery-entry.ts");
console.log(out, (out.syncMs / out.recoverMs).toFixed(2));
