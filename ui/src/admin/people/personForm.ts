// The person form's fields and checks, kept apart from its markup: which box each Rust error code
// belongs to, and what the form checks before asking Rust.

import type { ErrorCode, Person, PersonDraft, PersonGroup } from "../../lib/bindings";
import { emptyDate, parseDateParts, partsFromIso, type DateParts } from "../../lib/dateInput";
import type { ErrorItem } from "../../lib/formErrors";
import { fullNameProblem } from "../../lib/people";

export const FIELD = {
  fullName: "person-full-name",
  preferredName: "person-preferred-name",
  group: "person-group",
  dateOfBirth: "person-dob",
  startDate: "person-start-date",
  email: "person-email",
  phone: "person-phone",
} as const;

/** The box a `people.*` error code is about; undefined for errors about the whole record. */
export function fieldForCode(code: ErrorCode): string | undefined {
  switch (code) {
    case "people.initialsOnly":
    case "people.invalidName":
      return FIELD.fullName;
    case "people.invalidPreferredName":
      return FIELD.preferredName;
    case "people.dateOfBirthRequired":
    case "people.invalidDateOfBirth":
      return FIELD.dateOfBirth;
    case "people.leaveBeforeStart":
      return FIELD.startDate;
    case "people.invalidEmail":
      return FIELD.email;
    case "people.invalidPhone":
      return FIELD.phone;
    case "people.groupHasLinks":
      return FIELD.group;
    default:
      return undefined;
  }
}

export type PersonAnswers = {
  fullName: string;
  preferredName: string;
  group: PersonGroup | "";
  dateOfBirth: DateParts;
  startDate: DateParts;
  email: string;
  phone: string;
};

/** A blank form, for adding someone. */
export function emptyAnswers(): PersonAnswers {
  return { fullName: "", preferredName: "", group: "", dateOfBirth: emptyDate(), startDate: emptyDate(), email: "", phone: "" };
}

/** The form filled in with a person's details as stored, for editing them. */
export function answersFromPerson(person: Person): PersonAnswers {
  return {
    fullName: person.fullName,
    preferredName: person.preferredName ?? "",
    group: person.group,
    dateOfBirth: partsFromIso(person.dateOfBirth),
    startDate: partsFromIso(person.startDate),
    email: person.email ?? "",
    phone: person.phone ?? "",
  };
}

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

/** Checks the answers; returns either the errors to show or the draft to send. */
export function checkAnswers(
  answers: PersonAnswers,
  leaveDate: string | null = null,
): { errors: ErrorItem[]; draft: PersonDraft | null } {
  const errors: ErrorItem[] = [];
  const nameProblem = fullNameProblem(answers.fullName);
  if (nameProblem) errors.push({ fieldId: FIELD.fullName, message: nameProblem });
  if (answers.group === "") {
    errors.push({ fieldId: FIELD.group, message: "Select which group the person belongs to" });
  }
  const dob = parseDateParts(answers.dateOfBirth, "Date of birth");
  if (dob.problem) {
    errors.push({ fieldId: FIELD.dateOfBirth, message: dob.problem });
  } else if (answers.group === "youngPerson" && dob.iso === null) {
    errors.push({
      fieldId: FIELD.dateOfBirth,
      message: "Enter the young person's date of birth: consent and how long records are kept depend on it.",
    });
  }
  const start = parseDateParts(answers.startDate, "Start date");
  if (start.problem) errors.push({ fieldId: FIELD.startDate, message: start.problem });
  const email = orNull(answers.email);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errors.push({ fieldId: FIELD.email, message: "Enter an email address in the correct format, like name@example.org." });
  }
  if (errors.length > 0 || answers.group === "") return { errors, draft: null };
  return {
    errors,
    draft: {
      group: answers.group,
      fullName: answers.fullName.trim().split(/\s+/).join(" "),
      preferredName: orNull(answers.preferredName),
      dateOfBirth: dob.iso,
      startDate: start.iso,
      leaveDate,
      email,
      phone: orNull(answers.phone),
    },
  };
}
