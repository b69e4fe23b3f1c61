// The shape every form uses for its errors: one list drives both the error summary at the top of
// the page and the inline message beside each field, so the two can never disagree.

export type ErrorItem = {
  /** The `id` of the field the error belongs to; absent for errors about the page as a whole. */
  fieldId?: string;
  message: string;
};

/** The inline message for one field, if it has one. */
export function fieldError(errors: ErrorItem[], fieldId: string): string | undefined {
  return errors.find((error) => error.fieldId === fieldId)?.message;
}
