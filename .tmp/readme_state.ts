import { createShopState, isEventRejectedError, shopStateFromJSON, shopStateToJSON, verifyShopEvent, verifyShopLog } from "../src/index.js";

declare const history: Uint8Array[]; // pushed SignedEvents, in log order
declare const pushed: Uint8Array; // a live push
const domain = { chainId: 1n, verifyingContract: "0x000000000000000000000000000000000000dEaD" } as const;
const context = { shopId: 23n, relays: ["0x00000000000000000000000000000000000000aa"] as const };

// Whole history: signatures, roles, nonces and rules in one pass.
let state = verifyShopLog({ state: createShopState({ context }), signedEvents: history, domain });
const snapshot = shopStateToJSON({ state }); // canonical JSON: store it, compare it
state = shopStateFromJSON({ json: snapshot });
try {
  state = verifyShopEvent({ state, signedEvent: pushed, domain }).state;
} catch (error) {
  // A relay answers the write with error.errorCode; the state is unchanged.
  if (isEventRejectedError(error)) console.log(error.reason, error.path, error.errorCode);
}

export {};
