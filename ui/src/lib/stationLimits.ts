// What a concern handed in at the signing station may hold. The same numbers are Rust's
// (`kiosk::outbox::submission`), which decides; a Rust test fails if these drift from them.

/** "Where did it happen?" becomes the incident's place. */
export const MAX_CONCERN_PLACE = 200;
/** Any one free-text box, and "what happened" with "who was involved", which become one answer. */
export const MAX_CONCERN_TEXT = 20000;
/** The words that join "who was involved" to "what happened" on the incident, counted. */
export const PEOPLE_INVOLVED_JOINER_LENGTH = 55;

/** How long "what happened" will be on the incident, with "who was involved" joined to it. */
export function concernFactsLength(what: string, who: string): number {
  const w = who.trim();
  return what.trim().length + (w ? PEOPLE_INVOLVED_JOINER_LENGTH + w.length : 0);
}
