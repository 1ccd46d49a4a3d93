// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// A TypeScript program over the package's entry points with the project's
// compiler options, but without Node's type definitions: the library must
// compile for browsers, where there are none.
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { packageEntryPoints } from "./entry-points.js";

export const repo = fileURLToPath(new URL("../..", import.meta.url));

export function createEntryProgram(): ts.Program {
  const config = ts.readConfigFile(`${repo}tsconfig.json`, (path) => ts.sys.readFile(path));
  if (config.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const { options, errors } = ts.parseJsonConfigFileContent(config.config, ts.sys, repo);
  if (errors.length > 0) throw new Error(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, "\n")).join("\n"));
  return ts.createProgram({ rootNames: packageEntryPoints().map((e) => `${repo}${e.source}`), options: { ...options, types: [], noEmit: true } });
}
