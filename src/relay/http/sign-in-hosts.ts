// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Which `domain` a sign-in message may name, and when the Referer counts
// (docs/sessions.md, "Enrollment by sign-in").
import { networkInterfaces } from "node:os";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1)$/;
const WILDCARD = new Set(["0.0.0.0", "::"]);

const authorityOf = (address: string, port: number) => `${address.includes(":") ? `[${address}]` : address}:${port}`;

/**
 * The hosts (host:port) a sign-in message may name for a relay listening on
 * `address`: that address, the loopback names (`localhost`, 127.0.0.1,
 * [::1]) when it listens on loopback or on every interface, each interface's
 * address on every interface, and `extra` (a public host behind a proxy, or a
 * web page that signs users in), lower-cased.
 *
 * @example const hosts = signInHosts({ address: "127.0.0.1", port: 4444, extra: ["shop.example"] }); // ["127.0.0.1:4444", "localhost:4444", …, "shop.example"]
 */
export function signInHosts({ address, port, extra = [] }: { address: string; port: number; extra?: readonly string[] | undefined }): string[] {
  const hosts = new Set([authorityOf(address, port)]);
  if (LOOPBACK.test(address) || WILDCARD.has(address)) for (const name of ["localhost", "127.0.0.1", "::1"]) hosts.add(authorityOf(name, port));
  if (WILDCARD.has(address)) {
    for (const info of Object.values(networkInterfaces()).flat()) if (info !== undefined) hosts.add(authorityOf(info.address, port));
  }
  for (const host of extra) hosts.add(host.toLowerCase());
  return [...hosts];
}

/**
 * Whether a sign-in message's `domain` and `uri` name this relay, or why
 * not. Without a Referer (a client that posts itself, as v3 clients do
 * outside a browser) the domain is one of `hosts`, the URI has that host and
 * `path` (the enrollment path). With a Referer (a web page that had the
 * wallet sign, as v3 relays allowed) the domain and the URI host are the
 * Referer's host, which must be one of `hosts` too: v3 took any Referer, so a
 * message signed on any page could enroll.
 *
 * @example const problem = signInPlaceProblem({ domain: "localhost:4444", uri: "http://localhost:4444/v3/enroll_key_card?guest=0", referer: undefined, hosts: ["localhost:4444"], path: "/v3/enroll_key_card" });
 */
export function signInPlaceProblem({ domain, uri, referer, hosts, path }: { domain: string; uri: string; referer: string | undefined; hosts: readonly string[]; path: string }): string | undefined {
  const parsed = parseUrl(uri);
  if (parsed === undefined) return "uri is not a URL";
  const name = domain.toLowerCase();
  if (referer !== undefined) {
    const page = parseUrl(referer);
    if (page === undefined) return "the Referer header is not a URL";
    if (name !== page.host || parsed.host !== page.host) return `expected domain and uri host ${page.host} (the Referer's host)`;
    return hosts.includes(page.host) ? undefined : `the Referer's host ${page.host} is not a sign-in host of this relay (${hosts.join(", ")})`;
  }
  if (!hosts.includes(name)) return `expected the domain to be this relay's host (${hosts.join(", ")}), got ${domain}`;
  if (parsed.host !== name || parsed.pathname !== path) return `expected uri http(s)://${domain}${path}`;
  return undefined;
}

/**
 * The `Access-Control-Allow-Origin` for a browser page at `origin` (the
 * request's Origin header): the origin itself when its host is one of
 * `hosts`, so a listed page can read the relay's answer; otherwise none.
 *
 * @example const allow = corsOrigin({ origin: "http://shop.example:5173", hosts: ["shop.example:5173"] }); // "http://shop.example:5173"
 */
export function corsOrigin({ origin, hosts }: { origin: string | undefined; hosts: readonly string[] }): string | undefined {
  const page = origin === undefined ? undefined : parseUrl(origin);
  return page !== undefined && hosts.includes(page.host) ? page.origin : undefined;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
