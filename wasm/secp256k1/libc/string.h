/* SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
 *
 * SPDX-License-Identifier: MIT
 */
/* Freestanding stand-in: defined in recover.c (clang turns most calls into bulk-memory instructions). */
#include <stddef.h>
void *memcpy(void *target, const void *source, size_t length);
void *memset(void *target, int value, size_t length);
int memcmp(const void *a, const void *b, size_t length);
