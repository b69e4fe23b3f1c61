// Words for each step of long work, as `WorkProgressBar` shows them.

import type { WorkProgress } from "./bindings";

/** What is happening now, in one sentence. */
export function workStepText(progress: WorkProgress): string {
  switch (progress.step) {
    case "writingTables":
      return `Writing the records: part ${progress.done + 1} of ${progress.total}.`;
    case "finishing":
      return "Writing the single file of every record and putting the folder in place.";
    case "gathering":
      return "Gathering everything held about this person.";
    case "drawing":
      return "Drawing the PDF.";
    case "saving":
      return "Saving the two files.";
    case "decrypting":
      return "Decrypting the backup and checking every record in it.";
    case "preparing":
      return "Setting the checked records ready to restore.";
    case "checkingRows":
      return `Checking the file: ${progress.done.toLocaleString("en-GB")} of ${progress.total.toLocaleString("en-GB")} rows.`;
  }
}
