// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Package root: everything the subpaths export (messages, eip712, wire), in one place.
export * from "./eip712.js";
export * from "./messages.js";
export * from "./wire.js";
export * from "./state.js";
export * from "./session.js";
