/* SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
 *
 * SPDX-License-Identifier: MIT
 */
/* Freestanding stand-in: only libsecp256k1's test macros print, and they are not compiled in. */
typedef struct file FILE;
extern FILE *stderr;
int fprintf(FILE *stream, const char *format, ...);
