// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A throwaway PostgreSQL cluster for the store's tests: a temporary
// directory, a free port on 127.0.0.1, no Unix socket, trust authentication
// (nothing but this machine can reach it). The server refuses to run as root,
// so as root initdb and pg_ctl run as the `postgres` user (runuser). stop()
// kills the server and removes the directory; it also runs when the process
// exits without calling it.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { findPostgres } from "../../scripts/find-postgres.js";

export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  readonly port: number;
  stop(): void;
}

/** A free TCP port on 127.0.0.1 (the kernel's pick, released before the server takes it). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Starts a cluster, or throws saying what is missing; `fsync: true` for measurements (the tests run without). */
export async function startPostgresCluster({ fsync = false }: { fsync?: boolean } = {}): Promise<PostgresCluster> {
  const bin = findPostgres();
  if (bin === undefined) throw new Error("PostgreSQL's server programs were not found (Debian: apt-get install postgresql; or set POSTGRES_BIN to the directory of initdb, pg_ctl and postgres)");
  const root = process.getuid?.() === 0;
  // As root the programs run as `postgres`, which must own the directory.
  const as = (program: string, args: string[]): [string, string[]] => (root ? ["runuser", ["-u", "postgres", "--", join(bin, program), ...args]] : [join(bin, program), args]);
  const dir = mkdtempSync(join(tmpdir(), "massmarket-pg-"));
  const data = join(dir, "data");
  if (root) {
    const ids = execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim();
    const gid = execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const port = await freePort();
  let started = false;
  const stop = (): void => {
    if (started) {
      const [command, args] = as("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w"]);
      spawnSync(command, args, { stdio: "ignore" });
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
    process.off("exit", stop);
  };
  process.on("exit", stop);
  try {
    const [initdb, initArgs] = as("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
    execFileSync(initdb, initArgs, { stdio: "pipe" });
    // fsync off for tests: they crash connections, not the machine; the bench turns it on.
    const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories='' -c fsync=${fsync ? "on" : "off"} -c max_connections=200`;
    const [pgCtl, ctlArgs] = as("pg_ctl", ["start", "-D", data, "-l", join(dir, "server.log"), "-w", "-t", "60", "-o", options]);
    started = true;
    execFileSync(pgCtl, ctlArgs, { stdio: "pipe" });
  } catch (error) {
    stop();
    throw new Error(`could not start a throwaway PostgreSQL (${bin}, ${root ? "as postgres via runuser" : `as ${userInfo().username}`}): ${(error as { stderr?: Buffer }).stderr?.toString() ?? String(error)}`);
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop };
}
