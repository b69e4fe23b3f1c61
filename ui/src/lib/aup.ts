// Plain-English words for AUPs: audiences and how a version is identified on screen.

import type { Audience } from "./bindings";

/** Audience names as Rust's `Audience::label` words them. */
export const AUDIENCE_LABELS: Record<Audience, string> = {
  staffVolunteers: "Staff and volunteers",
  youngPeople: "Young people and learners",
  parentsCarers: "Parents and carers",
  visitorsContractors: "Visitors and contractors",
  socialMedia: "Official social media use",
};

/** The first 12 hex characters of a content hash: enough to tell versions apart by eye. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
