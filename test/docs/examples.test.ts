// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Every `@example` in src/ and every fenced `ts` block in README.md and
// docs/*.md type-checks under the project's strict options (imports implied,
// sample values typed by test/docs/example-context.ts): an example a reader
// copies must compile.
import { describe, expect, it } from "vitest";
import { checkExamples, markdownExamples, sourceExamples } from "./doc-examples.js";

describe("doc examples", () => {
  const source = sourceExamples();
  const markdown = markdownExamples();

  it("were found in src/ and in the docs", () => {
    expect(source.length).toBeGreaterThan(80);
    expect(markdown.length).toBeGreaterThanOrEqual(2);
    expect(source.map((e) => e.where)).toContainEqual(expect.stringMatching(/^src\/wire\/decode-envelope\.ts:/));
  });

  it("all type-check", () => {
    const problems = checkExamples({ examples: [...source, ...markdown] });
    expect(problems.map((p) => `${p.where}: ${p.message}`)).toEqual([]);
  }, 300_000);

  it("catch what strict mode refuses (a possibly undefined value, an unknown name)", () => {
    const problems = checkExamples({
      examples: [
        { where: "t:1", file: "src/wire/decode-envelope.ts", code: "const value: Uint8Array = signedEvent.event.value;" },
        { where: "t:2", file: "src/wire/decode-envelope.ts", code: "handle(decodeEnvelope({ bytes }));" },
        { where: "t:3", file: "src/wire/decode-envelope.ts", code: "const envelope = decodeEnvelope({ bytes }); console.log(envelope.message.case);" },
      ],
    });
    expect(problems.map((p) => p.where.split(" ")[0])).toEqual(["t:1", "t:2"]);
    expect(problems[0]?.message).toMatch(/possibly 'undefined'/);
    expect(problems[1]?.message).toMatch(/Cannot find name 'handle'/);
  }, 300_000);
});
