// Words for the retention review: what each rule is called and what it counts from.
import type { RetentionRuleCode } from "./bindings";

export const RULE_LABELS: Record<RetentionRuleCode, string> = {
  childProtection: "Child-protection record",
  staffAllegation: "Allegation about a member of staff",
  imageConsent: "Image consent",
  aupSignature: "AUP signature",
  training: "Training record",
};
