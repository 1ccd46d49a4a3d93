// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Walkers throw a Problem and each level adds its path segment on the way
// out, so the happy path never builds path strings.
import { FieldValueError } from "../errors/field-value-error.js";
import type { NetworkSchemaError } from "../errors/base.js";
import { UnknownFieldsError } from "../errors/unknown-fields-error.js";

type ProblemCode = "WRONG_TYPE" | "WRONG_LENGTH" | "OUT_OF_RANGE" | "MISSING_FIELD" | "UNKNOWN_FIELDS";

export class Problem {
  readonly segments: string[] = [];
  constructor(
    readonly code: ProblemCode,
    readonly expected: string,
    readonly fieldNumbers: readonly number[] = [],
  ) {}

  /** Adds the enclosing segment (`name` or `[i]`) and rethrows. */
  within(segment: string): never {
    this.segments.push(segment);
    throw this;
  }

  toError(root: string): NetworkSchemaError {
    let path = root;
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const segment = this.segments[i] as string;
      path += segment.startsWith("[") ? segment : `.${segment}`;
    }
    if (this.code === "UNKNOWN_FIELDS") return new UnknownFieldsError({ path, fieldNumbers: this.fieldNumbers });
    return new FieldValueError(this.code, this.expected, { path });
  }
}

/** Runs `walk`, turning a Problem into the public error rooted at `root`. @example guarded("event", () => hashStruct(planFor(ShopEventSchema), event)) */
export function guarded<T>(root: string, walk: () => T): T {
  try {
    return walk();
  } catch (error) {
    if (error instanceof Problem) throw error.toError(root);
    throw error;
  }
}
