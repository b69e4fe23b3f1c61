// Counted words for sentences: "1 person", "3 people". Every page says a count the same way, so
// a singular never slips out next to a number other than 1.

/**
 * The count followed by the word that fits it: `plural(3, "person", "people")` is "3 people",
 * `plural(1, "row is", "rows are")` is "1 row is". Zero takes the plural, as English does.
 */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
