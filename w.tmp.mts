import { fromBinary } from "@bufbuild/protobuf";
import { SignedEventSchema } from "/work/wt/wasm/src/index.js";
import { ShopEventSchema } from "/work/wt/wasm/gen/market/mass/shop_events_pb.js";
import { provedCanonical } from "/work/wt/wasm/src/wire/canonical-wire.js";
import { decodeShopEvent } from "/work/wt/wasm/src/wire/decode-shop-event.js";
import { buildStateLog } from "/work/wt/wasm/bench/state-log.js";
const log = await buildStateLog(1000);
const bodies = log.signedEvents.map((e) => fromBinary(SignedEventSchema, e).event!.value);
console.log("avg bytes", bodies.reduce((a, b) => a + b.length, 0) / bodies.length);
const best: Record<string, number> = {};
const fns = { walk: () => { for (const b of bodies) if (!provedCanonical({ schema: ShopEventSchema, bytes: b })) throw 1; }, decode: () => { for (const b of bodies) decodeShopEvent({ bytes: b }); } };
for (let r = 0; r < 20; r++) for (const [k, f] of Object.entries(fns)) { const t = performance.now(); f(); best[k] = Math.min(best[k] ?? Infinity, performance.now() - t); }
for (const [k, v] of Object.entries(best)) console.log(k, (v * 1000 / 1000).toFixed(2), "µs/event");
