// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The PostgreSQL store's LISTEN connection, kept alive: when it drops (a
// restarted server, a killed backend, a network cut) it reconnects with a
// growing delay, and once listening again announces every shop's head, since
// NOTIFYs sent while it was away are lost: a relay then catches each shop up.
import { hexToBytes } from "../../crypto/hex.js";
import type { Hex } from "viem";
import type { PgClient, PgPool } from "./load-pg.js";
import type { ShopStoreAppendNotice } from "./store.js";

/** First and longest wait before listening again, in ms. */
const RECONNECT_FIRST_MS = 50;
const RECONNECT_MAX_MS = 5_000;

/** What an append NOTIFYs: the shop (0x + 64 hex digits) and its new head. */
const NOTICE = /^(0x[0-9a-fA-F]{64}) ([0-9]{1,20})$/;

/** Notices of appends by every connection, across reconnects. */
export interface NoticeChannel {
  onNotice(listener: (notice: ShopStoreAppendNotice) => void): void;
  close(): Promise<void>;
}

/** Listens on `<schema>_append` through clients from `connect`; rejects if the first connection fails. */
export async function openNoticeChannel({ connect, schema, pool }: { connect: () => PgClient; schema: string; pool: PgPool }): Promise<NoticeChannel> {
  let listener: ((notice: ShopStoreAppendNotice) => void) | undefined;
  let closed = false;
  let client: PgClient | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const tell = (notice: ShopStoreAppendNotice): void => {
    if (!closed) listener?.(notice);
  };

  const listen = async (): Promise<PgClient> => {
    const next = connect();
    // A dropped connection emits "error" and then "end": reconnect once, on "end".
    next.on("error", () => undefined);
    next.on("notification", ({ payload }) => {
      // Any role that may connect can NOTIFY this channel: a payload not of our form is ignored, never thrown.
      const match = NOTICE.exec(payload ?? "");
      if (match !== null) tell({ shopId: hexToBytes(match[1] as Hex), head: BigInt(match[2] as string) });
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${schema}_append"`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    next.on("end", () => {
      if (!closed && client === next) reconnect(RECONNECT_FIRST_MS);
    });
    return next;
  };

  const reconnect = (delay: number): void => {
    client = undefined;
    retry = setTimeout(() => {
      retry = undefined;
      listen().then(
        async (next) => {
          if (closed) return void (await next.end().catch(() => undefined));
          client = next;
          // What was appended while nobody listened.
          try {
            const { rows } = await pool.query<{ shop_id: Buffer; head: string }>(`SELECT shop_id, head FROM "${schema}".shops WHERE head > 0`);
            for (const row of rows) tell({ shopId: new Uint8Array(row.shop_id), head: BigInt(row.head) });
          } catch {
            // Without the heads a lost notice could stay lost: listen again later, and announce then.
            client = undefined;
            await next.end().catch(() => undefined);
            if (!closed) reconnect(Math.min(delay * 2, RECONNECT_MAX_MS));
          }
        },
        () => {
          if (!closed) reconnect(Math.min(delay * 2, RECONNECT_MAX_MS));
        },
      ).catch(() => undefined);
    }, delay);
  };

  client = await listen();
  return {
    onNotice(call) {
      listener = call;
    },
    async close() {
      closed = true;
      if (retry !== undefined) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
