// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A verification worker that never starts: it stays alive and answers nothing,
// as a worker still loading its modules does.
import { parentPort } from "node:worker_threads";

parentPort?.on("message", () => undefined);
