// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Called by scripts/signatures.sh with two generated EIP-712 tables: fails when
// what signatures cover changed while the mapping version (the EIP-712 domain
// `version`) and the CHANGELOG do not say so.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { surfaceChanges, surfaceOf } from "./signature-surface.js";

/**
 * Whether the `## Unreleased` section of a changelog announces mapping version `version`.
 * @example changelogAnnounces({ changelog: "## Unreleased\n- EIP-712 mapping version 2: Tag.note", version: "2" }) // true
 */
export function changelogAnnounces({ changelog, version }: { changelog: string; version: string }): boolean {
  const unreleased = changelog.split(/^## /m).find((section) => section.startsWith("Unreleased")) ?? "";
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`mapping version ${escaped}(?![\\w.])`, "i").test(unreleased.replace(/\s+/g, " ").replace(/`/g, ""));
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { then: { type: "string" }, now: { type: "string" }, label: { type: "string" }, changelog: { type: "string" } } });
  if (!values.then || !values.now || !values.changelog) throw new Error("usage: signatures.ts --then <eip712_pb.ts> --now <eip712_pb.ts> --label <ref> --changelog CHANGELOG.md");
  const then = surfaceOf({ table: (await import(pathToFileURL(values.then).href)) as Record<string, unknown> });
  const now = surfaceOf({ table: (await import(pathToFileURL(values.now).href)) as Record<string, unknown> });
  const label = values.label ?? "the baseline";
  const changes = surfaceChanges({ then, now });
  const say = (lines: string[]) => console.error(lines.map((l) => `  ${l}`).join("\n"));
  if (then.version === now.version) {
    if (changes.length === 0) {
      console.log(`signatures: unchanged since ${label} (mapping version ${now.version})`);
      return 0;
    }
    console.error(`signatures: what EIP-712 signatures cover changed since ${label}, but the mapping version is still "${now.version}":`);
    say(changes);
    console.error(
      [
        "Every digest over these structs changes, so relays and clients on different versions stop agreeing without noticing.",
        "If this was not meant (an `optional` added, declarations reordered, a message or the package renamed), undo it.",
        `If it was: bump MAPPING_VERSION in plugin/mapping.ts (the EIP-712 domain \`version\`, now "${now.version}"), run \`npm run generate\` and \`npm run vectors\`,`,
        `and announce it under "## Unreleased" in CHANGELOG.md, e.g. "EIP-712 mapping version ${/^\d+$/.test(now.version) ? Number(now.version) + 1 : "<new>"}: <what changed>".`,
      ].join("\n"),
    );
    return 1;
  }
  if (!changelogAnnounces({ changelog: readFileSync(values.changelog, "utf8"), version: now.version })) {
    console.error(
      `signatures: the mapping version changed ("${then.version}" → "${now.version}") but CHANGELOG.md does not say so: ` +
        `add "EIP-712 mapping version ${now.version}: <what changed>" under "## Unreleased" (old signatures stop verifying under the default domain).`,
    );
    if (changes.length > 0) say(changes);
    return 1;
  }
  console.log(`signatures: mapping version "${then.version}" → "${now.version}", announced in the CHANGELOG; changes since ${label}:`);
  console.log(changes.length > 0 ? changes.map((l) => `  ${l}`).join("\n") : "  (none)");
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
