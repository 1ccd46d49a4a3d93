// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// The relay's streaming multipart reader: the file comes out the same however
// the body is cut into chunks, near-misses of the boundary inside the file
// are kept, and every malformed body is refused with its HTTP status.
import { describe, expect, it } from "vitest";
import { MultipartRefusal, multipartBoundary, readMultipartFile } from "../../src/relay/blob/multipart.js";

const boundary = "xYz-42";
const encode = (text: string) => new TextEncoder().encode(text);

function body(file: Uint8Array, { preamble = "", epilogue = "", field = "file" } = {}): Uint8Array {
  const head = encode(`${preamble}--${boundary}\r\ncontent-disposition: form-data; name="${field}"; filename="a.png"\r\ncontent-type: image/png\r\n\r\n`);
  const tail = encode(`\r\n--${boundary}--\r\n${epilogue}`);
  const all = new Uint8Array(head.length + file.length + tail.length);
  all.set(head);
  all.set(file, head.length);
  all.set(tail, head.length + file.length);
  return all;
}

async function* pieces(bytes: Uint8Array, sizes: (i: number) => number) {
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes(i));
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

const read = (bytes: Uint8Array, sizes: (i: number) => number = () => bytes.length, maxFileBytes = 1 << 20) =>
  readMultipartFile({ body: pieces(bytes, sizes), boundary, field: "file", maxFileBytes, maxBodyBytes: maxFileBytes + 65_536 });
const joined = (chunks: readonly Uint8Array[]) => Uint8Array.from(chunks.flatMap((chunk) => [...chunk]));

describe("readMultipartFile", () => {
  // Near-misses of the delimiter, and bytes that look like a closing line.
  const tricky = encode(`\r\n--xYz-4\r\n--xYz\r\n-\r\n--${boundary.slice(0, 5)}+end--\r\n\r\n`);

  it.each([
    ["whole", () => 1 << 30],
    ["byte by byte", () => 1],
    ["in pieces of 7", () => 7],
    ["in growing pieces", (i: number) => i + 1],
  ])("gives the same file however the body is cut: %s", async (_, sizes) => {
    const file = await read(body(tricky, { preamble: "ignored preamble\r\n", epilogue: "ignored epilogue" }), sizes);
    expect(joined(file.chunks)).toEqual(tricky);
    expect([file.size, file.contentType]).toEqual([tricky.length, "image/png"]);
  });

  it("reads an empty file", async () => {
    const file = await read(body(new Uint8Array(0)));
    expect([file.size, file.chunks.length]).toEqual([0, 0]);
  });

  it.each([
    ["another field", body(encode("x"), { field: "image" }), 400, 'expected the field "file", got "image"'],
    ["no closing boundary", body(encode("x")).subarray(0, -4), 400, "the body ends before its closing boundary"],
    ["no part at all", encode(`--${boundary}--\r\n`), 400, 'expected a field "file"'],
    ["a file over the cap", body(new Uint8Array(101)), 413, "the file is over the 100-byte limit"],
  ])("refuses %s", async (_, bytes, status, message) => {
    const refused = await read(bytes, () => 3, 100).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MultipartRefusal);
    expect([(refused as MultipartRefusal).status, (refused as MultipartRefusal).message]).toEqual([status, message]);
  });

  it("reads the boundary of the content type, quoted or not, and refuses anything else with 415", () => {
    expect(multipartBoundary({ contentType: `multipart/form-data; boundary=${boundary}` })).toBe(boundary);
    expect(multipartBoundary({ contentType: 'Multipart/Form-Data; charset=utf-8; boundary="a b"' })).toBe("a b");
    for (const contentType of [undefined, "application/json", "multipart/form-data", "multipart/form-data; boundary=", `multipart/form-data; boundary=${"x".repeat(71)}`]) {
      expect(() => multipartBoundary({ contentType })).toThrow(expect.objectContaining({ status: 415 }));
    }
  });
});
