/* SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
 *
 * SPDX-License-Identifier: MIT
 */
/* Public-key recovery from libsecp256k1 (the sources the secp256k1 npm package ships), built for
 * wasm32 without a C library by scripts/secp256k1-wasm.ts. One exchange area, no allocation. */
#include "src/secp256k1.c"

/* The verification context (its ecmult tables, 2 x 2^(ECMULT_WINDOW_SIZE-2) points) is built here by init(). */
static unsigned char context_memory[1 << 18] __attribute__((aligned(16)));
static secp256k1_context *context;
/* digest[32] | r || s [64] | public key out [65]. */
static unsigned char exchange[32 + 64 + 65];

void *malloc(size_t size) { (void)size; return 0; }
void *realloc(void *pointer, size_t size) { (void)pointer; (void)size; return 0; }
void free(void *pointer) { (void)pointer; }
void abort(void) { __builtin_trap(); }
void *memcpy(void *target, const void *source, size_t length) { unsigned char *t = target; const unsigned char *s = source; while (length--) *t++ = *s++; return target; }
void *memset(void *target, int value, size_t length) { unsigned char *t = target; while (length--) *t++ = (unsigned char)value; return target; }
int memcmp(const void *a, const void *b, size_t length) { const unsigned char *x = a, *y = b; for (; length--; x++, y++) if (*x != *y) return *x - *y; return 0; }
/* Illegal arguments cannot happen through recover(); if they did, trapping lets the caller fall back. */
void secp256k1_default_illegal_callback_fn(const char *text, void *data) { (void)text; (void)data; __builtin_trap(); }
void secp256k1_default_error_callback_fn(const char *text, void *data) { (void)text; (void)data; __builtin_trap(); }

/* Builds the context once; 0 when the buffer is too small for the configured window. */
__attribute__((export_name("init"))) int init(void) {
  if (secp256k1_context_preallocated_size(SECP256K1_CONTEXT_VERIFY) > sizeof context_memory) return 0;
  context = secp256k1_context_preallocated_create(context_memory, SECP256K1_CONTEXT_VERIFY);
  return context != 0;
}

/* Where the caller writes the digest and signature and reads the key. */
__attribute__((export_name("exchange"))) unsigned char *exchange_area(void) { return exchange; }

/* 1 and the uncompressed key at exchange + 96, or 0 when r/s overflow or nothing recovers. */
__attribute__((export_name("recover"))) int recover(int recovery_id) {
  secp256k1_ecdsa_recoverable_signature signature;
  secp256k1_pubkey key;
  size_t length = 65;
  if (!secp256k1_ecdsa_recoverable_signature_parse_compact(context, &signature, exchange + 32, recovery_id)) return 0;
  if (!secp256k1_ecdsa_recover(context, &key, &signature, exchange)) return 0;
  secp256k1_ec_pubkey_serialize(context, exchange + 96, &length, &key, SECP256K1_EC_UNCOMPRESSED);
  return 1;
}
