/* SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
 *
 * SPDX-License-Identifier: MIT
 */
/* Freestanding stand-in for the C library: the module never allocates (its context lives in a static buffer). */
#include <stddef.h>
void *malloc(size_t size);
void *realloc(void *pointer, size_t size);
void free(void *pointer);
void abort(void) __attribute__((noreturn));
