// Pure helpers for the signing station's "Sign an AUP" steps: the quick checks the page makes
// before Rust makes the real ones, the signature as Rust expects it, and finding your name.

import type { KioskMark, KioskPerson } from "./bindings";

/**
 * The same rule Rust applies to a full name: at least two parts with letters in them, and one
 * part with two or more letters ("J Smith" passes; "JS", "J. S." and "Smith" do not).
 */
export function looksLikeFullName(text: string): boolean {
  const parts = text
    .trim()
    .split(/[\s.]+/)
    .map((part) => Array.from(part).filter((c) => /\p{L}/u.test(c)).length)
    .filter((letters) => letters > 0);
  return parts.length >= 2 && parts.some((letters) => letters >= 2);
}

/** The signature to send, from whichever way of signing is showing; null when it is empty. */
export function markOf(mode: "draw" | "type", png: string | null, typed: string): KioskMark | null {
  if (mode === "draw") return png ? { kind: "drawn", png } : null;
  const name = typed.trim().replace(/\s+/g, " ");
  return name ? { kind: "typed", name } : null;
}

/** Names whose words start with what was typed, ignoring case and accents. */
export function filterNames(people: KioskPerson[], query: string): KioskPerson[] {
  const fold = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return people;
  return people.filter((person) => {
    const nameWords = fold(person.displayName).split(/[\s.'-]+/);
    return words.every((w) => nameWords.some((n) => n.startsWith(w)));
  });
}
