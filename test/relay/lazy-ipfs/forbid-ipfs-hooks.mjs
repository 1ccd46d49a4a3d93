// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Module hooks that make resolving the IPFS libraries fail, and say so.
export async function resolve(specifier, context, next) {
  if (/^(ipfs-unixfs-importer|multiformats)(\/|$)/.test(specifier)) throw new Error(`forbidden import: ${specifier}`);
  return next(specifier, context);
}
