// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Finds PostgreSQL's server programs (initdb, pg_ctl, postgres) for the
// PostgreSQL store's tests, which start a throwaway cluster. Run directly,
// prints their directory (exit 0) or why none was found (exit 1).
import { accessSync, constants, readdirSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

const PROGRAMS = ["initdb", "pg_ctl", "postgres"];

const complete = (dir: string): boolean =>
  PROGRAMS.every((name) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

/**
 * The directory of the server programs: POSTGRES_BIN when set (and then only
 * it), else Debian's newest /usr/lib/postgresql/<version>/bin, else a directory
 * on PATH that has all three.
 */
export function findPostgres(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.POSTGRES_BIN;
  if (given !== undefined && given !== "") return complete(given) ? given : undefined;
  let versions: string[] = [];
  try {
    versions = readdirSync("/usr/lib/postgresql").filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  } catch {
    // Not Debian's layout.
  }
  const candidates = [...versions.map((v) => `/usr/lib/postgresql/${v}/bin`), ...(env.PATH ?? "").split(delimiter).filter(Boolean)];
  return candidates.find(complete);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = findPostgres();
  if (dir === undefined) {
    const given = process.env.POSTGRES_BIN;
    process.stderr.write(given ? `POSTGRES_BIN=${given} lacks initdb, pg_ctl or postgres\n` : "no PostgreSQL server programs found (POSTGRES_BIN, /usr/lib/postgresql/*/bin, PATH)\n");
    process.exitCode = 1;
  } else {
    process.stdout.write(`${dir}\n`);
  }
}
