// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// docs/changing-the-schema.md's loop, followed literally in a scratch clone:
// add an optional field to Tag, let `npm run signatures` say what to do, do it,
// generate, write the vectors, test. No step edits generated values or docs by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eip712MappingVersion } from "../../gen/market/mass/eip712_pb.js";
import { type ScratchClone, scratchClone } from "../support/scratch-clone.js";

let clone: ScratchClone;
beforeAll(() => {
  clone = scratchClone({ commit: true });
});
afterAll(() => clone.remove());

const edit = (path: string, change: (text: string) => string): void => clone.edit(path, change);
const step = (command: string, args: readonly string[]) => {
  const result = clone.run(command, args, { SIGNATURES_AGAINST: "HEAD", BREAKING_AGAINST: "HEAD" });
  return { ...result, label: `${command} ${args.join(" ")}:\n${result.output}` };
};
const next = String(Number(eip712MappingVersion) + 1);

describe("the schema-change loop (docs/changing-the-schema.md)", { timeout: 600_000 }, () => {
  it("edit → generate → vectors → test reaches green with no hand edit of generated values", () => {
    // 1. Edit the schema: a new optional field on a signed struct.
    edit("proto/market/mass/shop_events.proto", (t) => t.replace("  bool deleted = 4;\n}", "  bool deleted = 4;\n  // Note for staff, when set.\n  optional string note = 5;\n}"));
    const refused = step("npm", ["run", "--silent", "signatures"]);
    expect(refused.status, refused.label).toBe(1);
    expect(refused.output).toContain("member `string[] note` added");

    // 2. Make it deliberate, as the guard says: a new mapping version, announced.
    edit("plugin/mapping.ts", (t) => t.replace(/MAPPING_VERSION = "[^"]*"/, `MAPPING_VERSION = "${next}"`));
    edit("CHANGELOG.md", (t) => t.replace("## Unreleased\n", `## Unreleased\n\n- EIP-712 mapping version ${next}: new optional \`Tag.note\`.\n`));

    // 3. Generate, then write the vectors and the worked example.
    for (const args of [["run", "--silent", "generate"], ["run", "--silent", "vectors"]]) {
      const result = step("npm", args);
      expect(result.status, result.label).toBe(0);
    }
    const docDiff = step("git", ["diff", "--stat", "--", "docs/eip712.md", "test/vectors/eip712.json", "gen/market/mass/eip712_pb.ts"]);
    expect(docDiff.output).toContain("docs/eip712.md");
    expect(docDiff.output).toContain("test/vectors/eip712.json");

    // 4. Test: the guards and the tests that read generated values.
    for (const [command, args] of [
      ["npm", ["run", "--silent", "breaking"]],
      ["bash", ["scripts/check-generated.sh"]],
      ["npm", ["run", "--silent", "signatures"]],
      ["npm", ["run", "--silent", "vectors", "--", "--check"]],
      ["npx", ["vitest", "run", "--project", "node", "test/docs/eip712-doc.test.ts", "test/eip712/golden-vectors.test.ts", "test/plugin/generated.test.ts"]],
    ] as const) {
      const result = step(command, args);
      expect(result.status, result.label).toBe(0);
    }
  });
});
