// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A sync passes one domain object for thousands of events: its separator is kept while the object reads the same.
import { domainSeparator, resolveDomain } from "./domain.js";

const MEMBERS = ["name", "version", "chainId", "verifyingContract"] as const;

interface Memo {
  readonly domain: object;
  readonly keys: readonly string[];
  readonly values: readonly unknown[];
  readonly separator: Uint8Array;
}

let last: Memo | undefined;

/**
 * domainSeparator(resolveDomain(domain)), checked and hashed again only when
 * `domain` is another object, or the same one with other keys or values.
 * @example domainSeparatorOf({ domain })
 */
export function domainSeparatorOf({ domain }: { domain: unknown }): Uint8Array {
  if (last !== undefined && last.domain === domain && readsSame(last, domain as Record<string, unknown>)) return last.separator;
  const separator = domainSeparator({ domain: resolveDomain({ domain }) });
  const record = domain as Record<string, unknown>;
  last = { domain: record, keys: Object.keys(record), values: MEMBERS.map((member) => record[member]), separator };
  return separator;
}

// Same own keys in the same order and the same member values: resolveDomain would return the same, or throw the same.
function readsSame(memo: Memo, domain: Record<string, unknown>): boolean {
  const keys = Object.keys(domain);
  if (keys.length !== memo.keys.length) return false;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    if (key !== memo.keys[k]) return false;
    if (!(MEMBERS as readonly string[]).includes(key) && domain[key] !== undefined) return false;
  }
  for (let m = 0; m < MEMBERS.length; m++) if (domain[MEMBERS[m] as string] !== memo.values[m]) return false;
  return true;
}
