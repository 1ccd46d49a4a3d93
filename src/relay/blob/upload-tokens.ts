// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Upload tokens: 32 random bytes as base64url, each good for one upload
// within its lifetime, issued to a logged-in keycard. Unused tokens are
// capped per keycard and in total, so asking for URLs cannot grow the map.
import type { SessionClock } from "../../session/transport.js";

/** What taking a token found. */
export type TokenCheck = "ok" | "expired" | "unknown";

export interface UploadTokensOptions {
  readonly clock: SessionClock;
  /** Lifetime of a token in milliseconds. */
  readonly ttlMs: number;
  /** Unused, unexpired tokens one keycard may hold. */
  readonly maxPerKeycard: number;
  /** Unused, unexpired tokens in total. */
  readonly maxTotal: number;
}

export class UploadTokens {
  private readonly tokens = new Map<string, { readonly holder: string; readonly expiresAt: number }>();
  private readonly held = new Map<string, number>();
  constructor(private readonly options: UploadTokensOptions) {}

  /** A fresh token for `holder`, or undefined when a cap is reached. */
  issue({ holder }: { holder: string }): string | undefined {
    const now = this.options.clock.now();
    for (const [token, entry] of this.tokens) if (entry.expiresAt <= now) this.drop(token, entry.holder);
    if (this.tokens.size >= this.options.maxTotal || (this.held.get(holder) ?? 0) >= this.options.maxPerKeycard) return undefined;
    const token = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
    this.tokens.set(token, { holder, expiresAt: now + this.options.ttlMs });
    this.held.set(holder, (this.held.get(holder) ?? 0) + 1);
    return token;
  }

  /** Uses the token up: whatever the answer, it is never good again. */
  take({ token }: { token: string }): TokenCheck {
    const entry = this.tokens.get(token);
    if (entry === undefined) return "unknown";
    this.drop(token, entry.holder);
    return entry.expiresAt <= this.options.clock.now() ? "expired" : "ok";
  }

  /** Unused tokens held (expired ones included until the next issue). */
  get size(): number {
    return this.tokens.size;
  }

  private drop(token: string, holder: string): void {
    this.tokens.delete(token);
    const count = (this.held.get(holder) ?? 1) - 1;
    if (count === 0) this.held.delete(holder);
    else this.held.set(holder, count);
  }
}
