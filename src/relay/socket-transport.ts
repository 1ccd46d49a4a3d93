// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A RelaySession's transport over a WebSocket, with a cap on the socket's
// unsent output: a peer that stops reading must not make the relay buffer more.
import { SESSION_CLOSE_CODES } from "../session/close-codes.js";
import type { SessionTransport } from "../session/transport.js";

/** The part of a `ws` WebSocket the transport uses. */
export interface CappedSocket {
  readonly bufferedAmount: number;
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}

export function createSocketTransport({ socket, maxBufferedBytes, sent, slow }: {
  socket: CappedSocket;
  maxBufferedBytes: number;
  /** After each frame handed to the socket (re-arms timers). */
  sent: () => void;
  /** The cap was hit: close the session with this code and reason (its transport then closes the socket). */
  slow: (close: { code: number; reason: string }) => void;
}): SessionTransport {
  return {
    send(frame) {
      const unsent = socket.bufferedAmount;
      if (unsent + frame.length > maxBufferedBytes) {
        return slow({ code: SESSION_CLOSE_CODES.SLOW_READER, reason: `peer is not reading: ${unsent} bytes unsent, the cap is ${maxBufferedBytes}` });
      }
      socket.send(frame);
      sent();
    },
    close: (code, reason) => socket.close(code, reason),
  };
}
