// Checked by `npm run check`, never run: a page cannot test for an error code that Rust does not
// send. Each `@ts-expect-error` below fails the check if the line after it ever compiles, so these
// lines prove that `ErrorCode` (generated from Rust's list) is a closed union, not any string.

import type { CommandError, ErrorCode } from "./bindings";

export const aCodeRustSends: ErrorCode = "vault.wrongPassphrase";
export const aCodeTheUiMakes: ErrorCode = "app.denied";

// @ts-expect-error "vault.wrongPasphrase" is misspelt, and no such code exists.
export const aMisspeltCode: ErrorCode = "vault.wrongPasphrase";

export function comparesWithAMisspeltCode(error: CommandError): boolean {
  // @ts-expect-error comparing `code` with a code that does not exist can never be true.
  return error.code === "setup.weakPasphrase";
}

export function switchesOnAMisspeltCode(error: CommandError): string | undefined {
  switch (error.code) {
    case "setup.weakPassphrase":
      return "passphrase";
    // @ts-expect-error a `case` for a code that does not exist can never match.
    case "setup.invalidOrgNam":
      return "organisation";
    default:
      return undefined;
  }
}

export function listsAMisspeltCode(): ErrorCode[] {
  // @ts-expect-error a list of codes may hold only codes that exist.
  return ["vault.badRecoveryKey", "backup.notForThisVault", "vault.cannotUnlok"];
}
