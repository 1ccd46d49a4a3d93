import { createShopState, reduceShopLog, shopStateToJSON, type ShopLogEntry } from "../src/state.js";

declare const log: readonly ShopLogEntry[];
const state = reduceShopLog({ state: createShopState({ context: { shopId: 23n, relays: ["0x00000000000000000000000000000000000000aa"] } }), events: log });
const snapshot: string = shopStateToJSON({ state });

export {};
