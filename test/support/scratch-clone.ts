// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A throw-away copy of this checkout with its git history (the baseline of
// breaking.sh and signatures.sh) and its uncommitted changes, for tests that
// edit the schema and run the project's scripts the way a developer would.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** This checkout. */
export const repo = fileURLToPath(new URL("../..", import.meta.url));

/** A scratch clone and how to run commands in it. */
export interface ScratchClone {
  readonly dir: string;
  /** Runs a command; returns its exit status and combined output, never throws on a non-zero exit. */
  run(command: string, args: readonly string[], env?: Readonly<Record<string, string>>): { status: number; output: string };
  /** Rewrites one file of the clone; throws when `change` leaves it as it was (a stale pattern). */
  edit(path: string, change: (text: string) => string): void;
  /** Puts back the working tree as it was cloned (tracked files and the copied changes). */
  reset(): void;
  remove(): void;
}

const git = (args: readonly string[], cwd: string): string => execFileSync("git", args, { cwd, encoding: "utf8" });

/**
 * Clones this checkout into a temporary directory, copies the uncommitted
 * changes over it and links node_modules, so the clone runs today's scripts.
 * With `commit`, the copied changes are committed in the clone, so its HEAD is
 * this working tree (a baseline equal to today, whatever the history says).
 * @example const clone = scratchClone({ commit: true }); clone.run("npm", ["run", "signatures"]);
 */
export function scratchClone({ commit = false }: { commit?: boolean } = {}): ScratchClone {
  const dir = mkdtempSync(join(tmpdir(), "network-schema-clone-"));
  git(["clone", "--quiet", "--no-hardlinks", repo, dir], repo);
  const changed = git(["ls-files", "--modified", "--others", "--exclude-standard", "-z"], repo).split("\0").filter((p) => p !== "");
  const deleted = new Set(git(["ls-files", "--deleted", "-z"], repo).split("\0").filter((p) => p !== ""));
  const overlay = (): void => {
    for (const path of deleted) rmSync(join(dir, path), { force: true });
    for (const path of changed) {
      if (deleted.has(path)) continue;
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      cpSync(join(repo, path), join(dir, path));
    }
  };
  overlay();
  symlinkSync(join(repo, "node_modules"), join(dir, "node_modules"));
  git(["config", "user.email", "scratch@example.invalid"], dir);
  git(["config", "user.name", "scratch"], dir);
  if (commit) {
    git(["add", "--all", "--", ".", ":!node_modules"], dir);
    git(["commit", "--quiet", "--allow-empty", "--no-verify", "-m", "scratch: the working tree under test"], dir);
  }
  return {
    dir,
    run(command, args, env = {}) {
      try {
        const output = execFileSync(command, args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_OPTIONS: "", ...env } });
        return { status: 0, output };
      } catch (error) {
        const { status, stdout, stderr } = error as { status?: number; stdout?: string; stderr?: string };
        return { status: status ?? 1, output: `${stdout ?? ""}${stderr ?? ""}` };
      }
    },
    edit(path, change) {
      const file = join(dir, path);
      const before = readFileSync(file, "utf8");
      const after = change(before);
      if (after === before) throw new Error(`edit of ${path} changed nothing`);
      writeFileSync(file, after);
    },
    reset() {
      git(["checkout", "--quiet", "--", "."], dir);
      git(["clean", "--quiet", "-fd", "--exclude=node_modules"], dir);
      overlay();
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
