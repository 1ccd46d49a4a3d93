// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Builders of the values events carry, and their inverses.
export * from "./create-shop-event.js";
export * from "./ethereum-address.js";
export * from "./ethereum-address-value.js";
export * from "./keycard-public-key.js";
export * from "./object-id.js";
export * from "./object-id-hex.js";
export * from "./shop-id.js";
export * from "./uint256.js";
export * from "./uint256-value.js";
export * from "./object-id-input-hex.js";
