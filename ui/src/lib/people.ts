// Plain-English words for the people register, and the checks the person form makes before it
// asks Rust. Rust's `records::people` owns the rules; these mirror the ones a person can fix
// while typing, so the form can say so at once. Rust checks everything again.

import type { PersonGroup } from "./bindings";

/** Group names as Rust's `PersonGroup::label` words them. */
export const GROUP_LABELS: Record<PersonGroup, string> = {
  staff: "Staff",
  volunteer: "Volunteer",
  trustee: "Trustee",
  contractor: "Contractor",
  youngPerson: "Young person",
  parentCarer: "Parent or carer",
  visitor: "Visitor",
};

export const GROUPS = Object.keys(GROUP_LABELS) as PersonGroup[];

export const INITIALS_MESSAGE =
  "Enter the person's full name: first name and last name, not only initials.";
export const ONE_PART_MESSAGE =
  "Enter the person's full name: at least a first name and a last name.";

/**
 * Why a full name would be refused, or null if it looks like one.
 * Same rule as Rust's `validate_full_name`: two parts with letters (full stops split parts, so
 * "J.S." is two initials), and at least one part of two letters or more.
 */
export function fullNameProblem(raw: string): string | null {
  const folded = raw.trim().split(/\s+/).join(" ");
  if (folded === "") return "Enter the person's full name";
  const letterCounts = folded
    .split(/[ .]/)
    .map((part) => Array.from(part).filter((c) => /\p{L}/u.test(c)).length)
    .filter((letters) => letters > 0);
  if (letterCounts.length > 0 && letterCounts.every((letters) => letters < 2)) {
    return INITIALS_MESSAGE;
  }
  if (letterCounts.length < 2) return ONE_PART_MESSAGE;
  return null;
}
