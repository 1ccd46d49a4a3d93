import { readFileSync } from "node:fs";
import { fromBinary, create } from "@bufbuild/protobuf";
import { hexToBytes } from "viem";
import { ShopEventSchema } from "/work/wt/i10/gen/market/mass/shop_events_pb.ts";
import { loadV3Vectors } from "/work/wt/i10/test/support/load-v3-vectors.ts";
import { applyShopEvent, createShopState, shopStateToJSON } from "/work/wt/i10/src/state/index.ts";
import { isEventRejectedError } from "/work/wt/i10/src/errors/event-rejected-error.ts";
const v = loadV3Vectors();
const RELAY = "0x00000000000000000000000000000000000000fe";
const relayIdx = new Set([4,5,6,36,37,38,44,51]);
const order = [4,5,6, ...Array.from({length:52},(_,i)=>i).filter(i=>![4,5,6].includes(i))];
let state = createShopState({ context: { shopId: v.shopId, relays: [RELAY] } });
for (const i of order) {
  const e = v.events[i]!;
  const event = fromBinary(ShopEventSchema, hexToBytes(e.encoded));
  event.nonce = BigInt(i) + 1n;
  const signer = relayIdx.has(i) ? RELAY : v.signer.address;
  try { state = applyShopEvent({ state, event, signer }); console.log(i, e.type, "ok"); }
  catch (err) { if (!isEventRejectedError(err)) throw err; console.log(i, e.type, err.reason, err.path, err.failures[0]?.message); }
}
console.log(JSON.stringify(JSON.parse(shopStateToJSON({state})), null, 1).slice(0, 200));
const reduced = JSON.parse(readFileSync("/work/wt/i10/test/vectors/upstream-v3-testVectors.json","utf8")).reduced;
console.log(JSON.stringify(reduced).slice(0, 3000));
