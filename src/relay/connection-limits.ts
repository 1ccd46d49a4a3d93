// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Connection caps of the relay server: in total and per remote address, so one
// host cannot take every session slot (or all the memory) of the relay.

/** Default cap of open WebSocket connections of one relay server. */
export const DEFAULT_MAX_CONNECTIONS = 1024;
/** Default cap of open WebSocket connections from one remote address. */
export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 128;

export interface ConnectionLimits {
  /** Admits a connection from `address`, or returns why not (nothing is counted then). */
  admit(address: string): string | undefined;
  /** A connection admitted from `address` closed. */
  release(address: string): void;
  /** Open admitted connections. */
  readonly open: number;
}

export function createConnectionLimits({ maxConnections, maxConnectionsPerAddress }: { maxConnections: number; maxConnectionsPerAddress: number }): ConnectionLimits {
  const perAddress = new Map<string, number>();
  let open = 0;
  return {
    admit(address) {
      const mine = perAddress.get(address) ?? 0;
      if (open >= maxConnections) return `${open} connections open, the cap is ${maxConnections}`;
      if (mine >= maxConnectionsPerAddress) return `${mine} connections open from ${address}, the cap per address is ${maxConnectionsPerAddress}`;
      perAddress.set(address, mine + 1);
      open++;
      return undefined;
    },
    release(address) {
      const mine = perAddress.get(address) ?? 0;
      if (mine <= 1) perAddress.delete(address);
      else perAddress.set(address, mine - 1);
      open--;
    },
    get open() {
      return open;
    },
  };
}
