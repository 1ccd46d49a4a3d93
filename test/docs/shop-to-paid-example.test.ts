// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// examples/shop-to-paid.ts runs from an empty shop to a paid order on the test
// relay; the relay's charged total must be the EU total the rules give, and
// the customer side reads only its customer view (no hand-parsed events).
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { main } from "../../examples/shop-to-paid.js";

it("examples/shop-to-paid.ts: the owner and the customer see the order paid at the EU total", async () => {
  const lines: string[] = [];
  await main((line) => lines.push(line));
  expect(lines).toContain("customer: the relay charges 47.005000 USDC; the rules give 47.005000 USDC with EU VAT");
  expect(lines).toContain("customer: order paid, 1 payment");
  expect(lines).toContain("owner: order paid, stock of M now 9");
});

it("examples/shop-to-paid.ts: the customer never reads its session's raw events or state", () => {
  const source = readFileSync(new URL("../../examples/shop-to-paid.ts", import.meta.url), "utf8");
  expect(source).not.toMatch(/customer\.(on|events|state)\b/);
  expect(source).toMatch(/customer\.view/);
});
