// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Help text of `massmarket-schema relay`, apart from the command so that the
// other commands never load the relay (and its WebSocket server).
export const RELAY_USAGE = `massmarket-schema relay [--host 127.0.0.1] [--port 0] [--data DIR | --database postgres://… --key-file PATH] [--key-file PATH] [--chain-id N --registry 0xADDRESS] [--auto-pay]
  [--max-connections 1024] [--max-connections-per-address 128] [--dialect eip712|v3] [--access FILE] [--quiet] [--demo]
  [--sign-in-host HOST:PORT]… [--crypto native|wasm|js] [--verify-workers N]

Runs the reference relay (for development and client tests only): in memory, with --data DIR on
disk, or with --database in PostgreSQL. Prints its WebSocket URL on the first line, then its signing
address ("relay address: 0x…"), then a line per session, per answered request and per refusal (with
its rule and request path).
  --quiet      only the start-up lines: no line per session, request or refusal
  --demo       start with a demo shop: a clerk and a guest keycard (their private keys printed),
               a manifest with two shipping regions, two listings and their stock
  --host       interface to bind (default 127.0.0.1, loopback only)
  --port       TCP port (default 0: any free port)
  --data DIR   keep the log in DIR/events.log (append-only, fsynced before each ack, replayed on start)
  --database URL  keep the shops in PostgreSQL (docs/relay-guide.md, "Storage"; needs the pg package and
               --key-file); several relay processes may share one database (give them the same --key-file)
  --key-file   file with the relay's 0x-prefixed private key (default: DIR/relay.key with --data,
               created on first start so replayed relay events verify; otherwise a fresh random key)
  --chain-id / --registry  the EIP-712 domain (default 31337 and 0x…dEaD)
  --auto-pay   pay every order as soon as its payment details are set
  --max-connections / --max-connections-per-address  caps of open WebSocket connections, in total
               (default 1024) and per remote address (default 128); a connection over a cap is
               closed with code 1013 and a line on stderr
  --dialect v3 serve deployed version-3 clients: EIP-191 events, shop_id optional, liveness only by the
               45 s silence kick, resume after start_shop_seq_no (docs/sessions.md, "Dialects")
  --access FILE  JSON {"0x<shop id>": {"owners": [...], "clerks": [...]}}: wallets that may enroll clerk
               keycards by sign-in; without it the first wallet that signs in for a shop owns it
  --sign-in-host  a host sign-in messages may name beside the relay's own addresses (its public host
               behind a proxy, or a web page that signs users in, then with a Referer); repeatable
  --crypto     secp256k1 path: native (default: the optional "secp256k1" addon where it loads, else the
               portable path, with the reason on the crypto line), wasm or js to force one
  --verify-workers N  worker threads that check signatures of writes and of the log replayed at start
               (default: one per core; 0: on the relay's thread); the crypto line shows the count
POST /v3/enroll_key_card[?guest=1] {"message": ERC-4361, "signature": base64}: enrollment by sign-in.
Dev-only HTTP endpoints: POST /testing/enroll_keycard {"shopId","publicKey","guest"},
POST /testing/pay {"shopId","orderId"}, GET /testing/discovery, GET /health.`;
