// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { isNamedError, NetworkSchemaError } from "./base.js";

/** Why a received envelope is not the answer to the request it was matched with. */
export type ResponseProblem = "NOT_A_RESPONSE" | "MISSING_REQUEST_ID" | "REQUEST_ID_MISMATCH";

/**
 * A received envelope is not the `GenericResponse` to the given request.
 *
 * @example
 * if (isUnexpectedResponseError(error) && error.problem === "REQUEST_ID_MISMATCH") console.log("not our answer");
 */
export class UnexpectedResponseError extends NetworkSchemaError {
  override name = "UnexpectedResponseError";
  readonly problem: ResponseProblem;
  constructor({ problem, expected, path }: { problem: ResponseProblem; expected: string; path: string }) {
    super("UNEXPECTED_RESPONSE", expected, { path });
    this.problem = problem;
  }
}

/** @example if (isUnexpectedResponseError(error)) console.log(error.problem); */
export function isUnexpectedResponseError(value: unknown): value is UnexpectedResponseError {
  return isNamedError(value, "UnexpectedResponseError");
}
