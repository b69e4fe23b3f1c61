// Words for zxcvbn's 0–4 passphrase score, and the minimum Safekeeper accepts. Rust decides
// whether a passphrase is acceptable; these words only describe its score.

export const STRENGTH_LABELS = ["Too weak", "Weak", "Fair", "Strong", "Very strong"] as const;

export type StrengthLabel = (typeof STRENGTH_LABELS)[number];

/** The sentence shown under every new-passphrase field. */
export const PASSPHRASE_MINIMUM =
  "Use 4 or more random words, or a passphrase rated Strong.";

export function strengthLabel(score: number): StrengthLabel {
  const index = Math.min(Math.max(Math.round(score), 0), STRENGTH_LABELS.length - 1);
  return STRENGTH_LABELS[index];
}
