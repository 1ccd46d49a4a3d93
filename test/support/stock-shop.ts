// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A reference relay on a manual clock with one shop: a clerk, a pen (listing 1,
// price 100) with 10 in stock, and guest keycards that write through
// `relay.write`, the backend path every RelaySession write takes.
import { hexToBytes } from "viem";
import { ReferenceRelay } from "../../src/relay/reference-relay.js";
import type { RelayStore, StoredRecord } from "../../src/relay/relay-store.js";
import type { ShopState } from "../../src/state/shop-state.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import { ManualClock } from "../session/harness.js";
import * as f from "../session/fixtures.js";

export const PEN = 1;
/** The relay's key, so a second relay over the same store verifies its events. */
export const STOCK_RELAY_KEY = `0x${"11".repeat(32)}` as const;

/** A store in memory that keeps what it was given, for a restart. */
export function keepingStore(): RelayStore {
  const records: StoredRecord[] = [];
  return {
    load: () => Promise.resolve([...records]),
    append: (more) => {
      records.push(...more);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

export interface StockShop {
  readonly relay: ReferenceRelay;
  readonly clock: ManualClock;
  readonly clerk: f.Writer;
  /** Signs `unions` with `who` and writes them as one request. */
  write(who: f.Writer, ...unions: f.UnionInit[]): Promise<void>;
  /** A new guest keycard of the shop. */
  guest(): Promise<f.Writer>;
  state(): ShopState;
}

/** Opens the shop; the clock starts at the wall clock, which the writers' timestamps use. */
export async function openStockShop({ store }: { store?: RelayStore } = {}): Promise<StockShop> {
  const clock = new ManualClock();
  clock.time = Date.now();
  const relay = await ReferenceRelay.open({ domain: TEST_RELAY_DOMAIN, privateKey: STOCK_RELAY_KEY, clock, store });
  const write = async (who: f.Writer, ...unions: f.UnionInit[]) => {
    const keycard = relay.findKeycard({ publicKey: hexToBytes(who.account.publicKey).slice(1) });
    if (keycard === undefined) throw new Error("not enrolled");
    const events = [];
    for (const union of unions) events.push(await who.sign(union));
    await relay.write({ keycard, events });
  };
  const clerk = new f.Writer(TEST_RELAY_DOMAIN);
  await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: clerk.account.publicKey });
  await write(clerk, f.manifest(), f.listing(PEN, 100n), f.changeInventory(PEN, 10));
  const guest = async () => {
    const writer = new f.Writer(TEST_RELAY_DOMAIN);
    await relay.enrollKeycard({ shopId: f.SHOP_ID, publicKey: writer.account.publicKey, guest: true });
    return writer;
  };
  return { relay, clock, clerk, write, guest, state: () => relay.shopState({ shopId: f.SHOP_ID }) as ShopState };
}

/** The events that take order `n` of `quantity` pens to payment_chosen (the relay then sets its payment details). */
export const checkout = (n: number, quantity = 1): f.UnionInit[] => [f.createOrder(n), f.addItems(n, PEN, quantity), f.invoiceAddress(n), f.commitItems(n), f.choosePayment(n)];
