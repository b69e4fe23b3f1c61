// The "Record a paper signature" form's fields and checks, kept apart from its markup: what the
// page checks before asking Rust, which box each Rust error code belongs to, and how the scan is
// read. Rust checks everything again, and alone judges a scan by its first bytes.

import type { ErrorCode, PaperSignatureForm } from "../../lib/bindings";
import { parseDateParts, todayIso, type DateParts } from "../../lib/dateInput";
import type { ErrorItem } from "../../lib/formErrors";
import { fullNameProblem } from "../../lib/people";

export const PAPER_FIELD = {
  aup: "paper-aup",
  version: "paper-version",
  signedOn: "paper-signed-on",
  filedAt: "paper-filed-at",
  countersignedBy: "paper-countersigned-by",
  scan: "paper-scan",
} as const;

/** Rust's `MAX_SCAN_BYTES`. */
export const MAX_SCAN_BYTES = 5 * 1024 * 1024;
export const MAX_FILED_AT = 200;

export const SCAN_TOO_LARGE =
  "The scan is bigger than 5 MB. Scan the page again at a lower resolution (150 dpi is plenty) or in black and white, then choose the new file.";
export const SCAN_WRONG_TYPE =
  "The scan must be a PNG, JPEG or PDF file. Save the scan as PDF, PNG or JPEG and choose it again.";

/** The box a `signature.*` error code is about; undefined for errors about the whole record. */
export function paperFieldForCode(code: ErrorCode): string | undefined {
  switch (code) {
    case "signature.versionNotPublished":
    case "signature.versionNotFound":
      return PAPER_FIELD.version;
    case "signature.badPaperDate":
      return PAPER_FIELD.signedOn;
    case "signature.badFiledAt":
      return PAPER_FIELD.filedAt;
    case "signature.badCountersignature":
      return PAPER_FIELD.countersignedBy;
    case "signature.scanTooLarge":
    case "signature.scanWrongType":
    case "signature.scanUnreadable":
      return PAPER_FIELD.scan;
    default:
      return undefined;
  }
}

export type PaperAnswers = {
  aupId: string;
  versionId: string;
  signedOn: DateParts;
  filedAt: string;
  /** Only asked for young people's AUPs; ignored otherwise. */
  countersignedBy: string;
  scan: File | null;
};

const SCAN_NAME = /\.(png|jpe?g|pdf)$/i;
const SCAN_TYPES = ["image/png", "image/jpeg", "application/pdf"];

/** A quick look at the chosen file by its name, type and size. Rust decides by its content. */
export function scanProblem(file: File): string | null {
  if (file.size > MAX_SCAN_BYTES) return SCAN_TOO_LARGE;
  if (!SCAN_NAME.test(file.name) && !SCAN_TYPES.includes(file.type)) return SCAN_WRONG_TYPE;
  return null;
}

/** Checks the answers; returns the errors to show, or the form to send without its scan. */
export function checkPaperAnswers(
  answers: PaperAnswers,
  personId: string,
  askCountersignature: boolean,
  today = todayIso(),
): { errors: ErrorItem[]; form: PaperSignatureForm | null } {
  const errors: ErrorItem[] = [];
  if (answers.aupId === "") errors.push({ fieldId: PAPER_FIELD.aup, message: "Select which AUP was signed" });
  else if (answers.versionId === "") {
    errors.push({ fieldId: PAPER_FIELD.version, message: "Select which version of the AUP was signed" });
  }
  const signed = parseDateParts(answers.signedOn, "Date signed");
  if (signed.problem) errors.push({ fieldId: PAPER_FIELD.signedOn, message: signed.problem });
  else if (signed.iso === null) errors.push({ fieldId: PAPER_FIELD.signedOn, message: "Enter the date the paper copy was signed" });
  else if (signed.iso > today) errors.push({ fieldId: PAPER_FIELD.signedOn, message: "Date signed must be today or in the past" });
  const filedAt = answers.filedAt.trim().split(/\s+/).join(" ");
  if (filedAt === "") {
    errors.push({ fieldId: PAPER_FIELD.filedAt, message: "Enter where the paper copy is filed, so it can be found again" });
  } else if (filedAt.length > MAX_FILED_AT) {
    errors.push({ fieldId: PAPER_FIELD.filedAt, message: `Where it is filed must be ${MAX_FILED_AT} characters or fewer` });
  }
  const counter = askCountersignature ? answers.countersignedBy.trim() : "";
  if (counter !== "" && fullNameProblem(counter)) {
    errors.push({
      fieldId: PAPER_FIELD.countersignedBy,
      message: "Enter the full name of the parent or carer who countersigned: first name and last name",
    });
  }
  if (answers.scan) {
    const problem = scanProblem(answers.scan);
    if (problem) errors.push({ fieldId: PAPER_FIELD.scan, message: problem });
  }
  if (errors.length > 0 || signed.iso === null) return { errors, form: null };
  return {
    errors,
    form: {
      personId,
      versionId: answers.versionId,
      signedOn: signed.iso,
      filedAt,
      countersignedBy: counter === "" ? null : counter,
      scanBase64: null,
    },
  };
}

/** The bytes as base64, a slice at a time: one huge `String.fromCharCode` call overflows the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  }
  return btoa(binary);
}
