// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

import { objectParameter } from "../errors/object-parameter.js";
import { checkSignerInput, checkStateInput } from "./inputs.js";
import type { ShopRole, ShopState } from "./shop-state.js";

/** Parameters of {@link shopRole}. */
export interface ShopRoleParameters {
  readonly state: ShopState;
  /** A signer address, any case. */
  readonly signer: string;
}

/**
 * The role of a signer in a shop (docs/shop-state.md, "Roles"): `"relay"`
 * for a relay address of the context, `"clerk"` or `"guest"` for an enrolled,
 * unrevoked keycard, `undefined` for anyone else.
 *
 * @example
 * shopRole({ state, signer: "0x0000000000000000000000000000000000000001" }) // "relay"
 */
export function shopRole(parameters: ShopRoleParameters): ShopRole | undefined {
  const { state, signer } = objectParameter(parameters);
  checkStateInput(state, "state");
  return roleOf(state, checkSignerInput(signer, "signer"));
}

/** The role of a checksummed address. */
export function roleOf(state: ShopState, signer: string): ShopRole | undefined {
  if (state.relays.includes(signer as never)) return "relay";
  const keycard = state.keycards[signer];
  return keycard === undefined || keycard.revoked ? undefined : keycard.role;
}
