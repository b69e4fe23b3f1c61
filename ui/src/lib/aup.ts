// Plain-English words for AUPs: audiences and how a version is identified on screen.

import type { Audience, PersonGroup } from "./bindings";

/** Audience names as Rust's `Audience::label` words them. */
export const AUDIENCE_LABELS: Record<Audience, string> = {
  staffVolunteers: "Staff and volunteers",
  youngPeople: "Young people and learners",
  parentsCarers: "Parents and carers",
  visitorsContractors: "Visitors and contractors",
  socialMedia: "Official social media use",
};

/** Which AUP to open on the AUPs page: one by its id, or the one for an audience. */
export type AupToOpen = { aupId: string } | { audience: Audience };

/** The first 12 hex characters of a content hash: enough to tell versions apart by eye. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/** Who each AUP is for, as Rust's `Audience::groups` has it: used to suggest the likely AUP. */
export const AUDIENCE_GROUPS: Record<Audience, PersonGroup[]> = {
  staffVolunteers: ["staff", "volunteer", "trustee"],
  youngPeople: ["youngPerson"],
  parentsCarers: ["parentCarer"],
  visitorsContractors: ["visitor", "contractor"],
  socialMedia: ["staff", "volunteer"],
};
