// Plain-English words for image consent: how consent was given, who gave it, and a person's
// standing for one use (words first; colour only repeats them).

import type { ConsentMethod, ImageConsent, PersonAnswer, UseWording } from "./bindings";

export const METHOD_LABELS: Record<ConsentMethod, string> = {
  signingStation: "At the signing station",
  paperForm: "Paper form",
  email: "Email",
  verbal: "Spoken, with a witness",
};

/** The methods an admin can record by hand: signing-station consents arrive by themselves. */
export const ADMIN_METHODS: ConsentMethod[] = ["paperForm", "email", "verbal"];

/** "Dana Okafor (mother)" or "Themselves". */
export function giverText(consent: ImageConsent): string {
  if (consent.giver === "self") return "Themselves";
  const relationship = consent.relationship?.trim();
  return relationship ? `${consent.giverName} (${relationship.toLowerCase()})` : consent.giverName;
}

/** The short word for a use's answer in a table cell. */
export function answerWord(answer: PersonAnswer): string {
  return answer.allowed ? "Yes" : "No";
}

/** The label of a use key, from the current form's uses; unknown keys fall back to the key. */
export function useTitle(uses: UseWording[], key: string): string {
  return uses.find((u) => u.useKey === key)?.label ?? (key.startsWith("social:") ? "A social media account no longer listed" : key);
}

/** One line listing the uses a consent said yes to, or that it refused everything. */
export function allowedUsesText(consent: ImageConsent, uses: UseWording[]): string {
  const yes = consent.answers.filter((a) => a.allowed).map((a) => useTitle(uses, a.useKey));
  return yes.length === 0 ? "No uses allowed" : yes.join(", ");
}
