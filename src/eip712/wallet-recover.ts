// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// viem's recoverAddress alone, loaded with import() only when a wallet signs: a
// module of one export, so bundlers keep just it and Node loads viem only then.
export { recoverAddress } from "viem/utils";
