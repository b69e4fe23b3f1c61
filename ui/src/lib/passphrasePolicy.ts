// Checks a new passphrase and its confirmation before anything is sent to set it, so that a
// mismatch or a weak choice is caught on the page where it can be fixed. Rust checks again and
// has the last word; this only saves a round trip that ends in a confusing error.

import { passphraseStrength } from "./api";
import type { ErrorItem } from "./formErrors";

export type NewPassphraseFieldIds = {
  passphraseId: string;
  confirmId: string;
};

export async function validateNewPassphrase(
  passphrase: string,
  confirmation: string,
  userInputs: string[],
  fields: NewPassphraseFieldIds,
): Promise<ErrorItem[]> {
  const errors: ErrorItem[] = [];

  if (passphrase.length === 0) {
    errors.push({ fieldId: fields.passphraseId, message: "Enter a passphrase" });
  } else {
    const acceptable = await isAcceptable(passphrase, userInputs);
    if (!acceptable) {
      errors.push({
        fieldId: fields.passphraseId,
        message:
          "Choose a stronger passphrase. Use 4 or more random words, or keep adding words until it is rated Strong",
      });
    }
  }

  if (confirmation.length === 0) {
    errors.push({ fieldId: fields.confirmId, message: "Type your passphrase again to confirm it" });
  } else if (passphrase.length > 0 && confirmation !== passphrase) {
    errors.push({
      fieldId: fields.confirmId,
      message: "The passphrases do not match. Type the same passphrase in both boxes",
    });
  }

  return errors;
}

async function isAcceptable(passphrase: string, userInputs: string[]): Promise<boolean> {
  try {
    const strength = await passphraseStrength(passphrase, userInputs.filter(Boolean));
    return strength.acceptable;
  } catch {
    // If the strength check itself fails, let the save go ahead: Rust refuses a weak passphrase
    // with its own error, which the form then shows.
    return true;
  }
}
