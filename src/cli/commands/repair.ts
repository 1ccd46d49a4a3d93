// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { parseArgs } from "node:util";
import type { CliCommand } from "../command.js";
import { CliFailure, EXIT } from "../exit-codes.js";

const USAGE = `massmarket-schema repair --data DIR

Cuts DIR/events.log before its first damaged record (or a torn last record),
after copying the whole file to DIR/events.log.damaged-<time>. The relay must
be stopped (the command takes the directory's lock). Prints what it cut.`;

/** `repair`: the relay log's one way to drop records, after a copy. */
export const repair: CliCommand = {
  summary: "copy a damaged relay log aside and cut it before its first bad record",
  usage: USAGE,
  runArgv: async (argv) => {
    let values;
    try {
      ({ values } = parseArgs({ args: [...argv], options: { help: { type: "boolean", short: "h" }, data: { type: "string" } }, strict: true }));
    } catch (cause) {
      throw new CliFailure(EXIT.USAGE, `${(cause as Error).message}\n\nUsage: ${USAGE}`);
    }
    if (values.help) return `Usage: ${USAGE}`;
    if (values.data === undefined) throw new CliFailure(EXIT.USAGE, `--data DIR is required\n\nUsage: ${USAGE}`);
    // Loaded on demand, like the relay: only this command touches the file system this way.
    const { repairLog } = await import("../../relay/repair-log.js");
    const done = await repairLog({ directory: values.data });
    if (done.copy === undefined) return `events.log is whole: ${done.kept} records, ${done.size} bytes; nothing cut`;
    return `cut events.log at byte ${done.cutAt} of ${done.size} (${done.size - done.cutAt} bytes dropped; ${done.kept} records kept) because of ${done.reason}\ncopy of the whole file: ${done.copy}`;
  },
};
