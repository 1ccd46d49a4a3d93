// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { register } from "node:module";

register("./forbid-ipfs-hooks.mjs", import.meta.url);
