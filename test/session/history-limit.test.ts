// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The bounded history behind events() (issue 18: bounded at real size; issue 21:
// events() from the history): the session keeps the last `historyLimit` delivered
// events, a request for a trimmed one is a typed HISTORY_TRIMMED naming the oldest
// kept seq_no, an iterator that keeps up sees every event once across trimming,
// and one that falls behind fails instead of skipping or pinning memory.
import { describe, expect, it } from "vitest";
import { ClientSession, DEFAULT_HISTORY_LIMIT, isFieldValueError, isSessionError, type PushedEvent, type SessionError } from "../../src/index.js";
import { LogFollower } from "../../src/session/log-follower.js";
import { TEST_RELAY_DOMAIN } from "../../src/testing.js";
import { connectInMemory } from "../relay/memory-pair.js";
import * as f from "./fixtures.js";
import { flush, ManualClock, openRelay, Recorder } from "./harness.js";

const pushed = (seqNo: number): PushedEvent => ({ seqNo: BigInt(seqNo) }) as PushedEvent;
const push = (follower: LogFollower, seqNos: number[]): void => follower.delivered(seqNos.map(pushed), BigInt(seqNos.length));
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, n) => from + n);

function trimmedError(error: unknown): SessionError {
  expect(isSessionError(error) && error.problem).toBe("HISTORY_TRIMMED");
  return error as SessionError;
}

async function drain(iterator: AsyncGenerator<PushedEvent>): Promise<bigint[]> {
  const seen: bigint[] = [];
  for await (const event of iterator) seen.push(event.seqNo);
  return seen;
}

describe("the kept history", () => {
  it("keeps the last `limit` events: older starts throw HISTORY_TRIMMED at the call, naming the oldest kept seq_no", async () => {
    const follower = new LogFollower(3);
    push(follower, [1, 2]);
    push(follower, [3, 4, 5]);
    follower.close(new Error("closed"));
    expect(await drain(follower.events(3n))).toEqual([3n, 4n, 5n]);
    for (const from of [0n, 1n, 2n]) {
      const error = trimmedError((() => { try { follower.events(from); } catch (e) { return e; } })());
      expect(error.oldestKeptSeqNo).toBe(3n);
      expect(error.path).toBe("fromSeqNo");
      expect(error.message).toContain("the oldest kept is seq_no 3");
      expect(error.message).toContain("historyLimit (now 3)");
    }
  });

  it("refuses only when a trimmed event would have been yielded (filtered subscriptions have gaps in seq_no)", async () => {
    const follower = new LogFollower(2);
    push(follower, [2, 5, 9, 12]);
    follower.close(new Error("closed"));
    // 2 and 5 are gone; nothing from 6 on was trimmed.
    expect(await drain(follower.events(6n))).toEqual([9n, 12n]);
    expect(trimmedError((() => { try { follower.events(5n); } catch (e) { return e; } })()).oldestKeptSeqNo).toBe(9n);
  });

  it("keeps everything with Infinity and nothing with 0", async () => {
    const all = new LogFollower(Infinity);
    push(all, range(1, 500));
    all.close(new Error("closed"));
    expect(await drain(all.events(0n))).toEqual(range(1, 500).map(BigInt));
    const none = new LogFollower(0);
    const iterator = none.events(0n);
    push(none, [1]);
    const error = trimmedError(await iterator.next().catch((e: unknown) => e));
    expect(error.oldestKeptSeqNo).toBeUndefined();
    expect(error.message).toContain("no event is kept");
  });
});

describe("iterators across trimming", () => {
  it("an iterator that keeps up sees every event exactly once, in order, while the window moves on", async () => {
    const follower = new LogFollower(4);
    const reading = drain(follower.events(0n));
    let seqNo = 0;
    for (let round = 0; round < 100; round++) {
      // Pushes of 1 to 3 events, sometimes two before the reader runs: never more than the limit ahead of it.
      push(follower, range(seqNo + 1, (seqNo += 1 + (round % 2))));
      if (round % 3 === 0) push(follower, [++seqNo]);
      await flush();
    }
    follower.close(new Error("closed"));
    expect(await reading).toEqual(range(1, seqNo).map(BigInt));
  });

  it("an iterator from a later seq_no passes over trimmed events it would have skipped anyway", async () => {
    const follower = new LogFollower(2);
    const reading = drain(follower.events(50n));
    push(follower, range(1, 10));
    await flush();
    for (const seqNo of [50, 51, 52]) {
      push(follower, [seqNo]);
      await flush();
    }
    follower.close(new Error("closed"));
    expect(await reading).toEqual([50n, 51n, 52n]);
  });

  it("a slow iterator that falls more than `limit` behind fails with HISTORY_TRIMMED instead of skipping", async () => {
    const follower = new LogFollower(4);
    push(follower, [1, 2]);
    const slow = follower.events(0n);
    expect((await slow.next()).value?.seqNo).toBe(1n);
    // The reader stops here; the session goes on and trims seq_no 2 and the events up to 6 it has not read.
    push(follower, range(3, 10));
    const error = trimmedError(await slow.next().catch((e: unknown) => e));
    expect(error.path).toBe("historyLimit");
    expect(error.oldestKeptSeqNo).toBe(7n);
    expect(error.message).toContain("the oldest kept is seq_no 7");
    // Many idle iterators pin nothing: after 10,000 more events the follower's array holds at most about twice the limit.
    const idle = Array.from({ length: 50 }, () => follower.events(7n));
    for (let seqNo = 11; seqNo <= 10_010; seqNo += 10) push(follower, range(seqNo, seqNo + 9));
    expect((follower as unknown as { kept: unknown[] }).kept.length).toBeLessThanOrEqual(2 * 4 + 10);
    expect(trimmedError(await idle[0]!.next().catch((e: unknown) => e)).oldestKeptSeqNo).toBe(10_007n);
    // A new iterator from the kept window still works.
    follower.close(new Error("closed"));
    expect(await drain(follower.events(10_007n))).toEqual([10_007n, 10_008n, 10_009n, 10_010n]);
  });
});

describe("ClientSessionOptions.historyLimit", () => {
  const transport = new Recorder();

  it("defaults to DEFAULT_HISTORY_LIMIT (10,000, as docs/sessions.md says) and refuses what is not a count", () => {
    expect(DEFAULT_HISTORY_LIMIT).toBe(10_000);
    for (const historyLimit of [-1, 1.5, Number.NaN, "10"]) {
      const error = (() => { try { new ClientSession({ transport, domain: TEST_RELAY_DOMAIN, historyLimit: historyLimit as number }); } catch (e) { return e; } })();
      expect(isFieldValueError(error) && error.path).toBe("historyLimit");
    }
    for (const historyLimit of [0, 1, Infinity, undefined]) expect(new ClientSession({ transport, domain: TEST_RELAY_DOMAIN, historyLimit })).toBeInstanceOf(ClientSession);
  });

  it("bounds a session's events(): a synced history longer than the limit keeps its tail and refuses the start", async () => {
    const [backend, clock, writer] = [await openRelay(), new ManualClock(), new f.Writer(TEST_RELAY_DOMAIN)];
    await backend.enrollKeycard({ shopId: f.SHOP_ID, publicKey: writer.account.publicKey });
    const shop = connectInMemory(backend, clock);
    await shop.login({ account: writer.account });
    for (const union of [f.manifest(), f.tag(1), f.tag(2), f.tag(3), f.tag(4), f.tag(5)]) await shop.write({ events: [await writer.sign(union)] });
    const client = connectInMemory(backend, clock, { historyLimit: 3 });
    await client.subscribe({ shopId: f.SHOP_ID, filters: [{ objectType: "TAG" }] });
    await client.synced();
    const last = client.lastSeqNo;
    expect(last).toBeGreaterThanOrEqual(6n);
    const error = trimmedError((() => { try { client.events(); } catch (e) { return e; } })());
    expect(error.oldestKeptSeqNo).toBe(last - 2n);
    const tail = client.events({ fromSeqNo: last - 2n });
    client.close();
    expect(await drain(tail)).toEqual([last - 2n, last - 1n, last]);
  });
});
