// Made-up records shared by the people pages' tests.

import type { Aup, AupDetail, Person, Signature } from "../../lib/bindings";

export function person(extra: Partial<Person> = {}): Person {
  return {
    id: "p1",
    group: "staff",
    fullName: "Amira Khan",
    preferredName: null,
    dateOfBirth: null,
    startDate: "2024-09-02",
    leaveDate: null,
    email: "amira@example.org",
    phone: null,
    kioskListed: false,
    archivedAt: null,
    createdAt: "2026-11-22T09:00:00Z",
    updatedAt: "2026-11-22T09:00:00Z",
    ...extra,
  };
}

export function signature(extra: Partial<Signature> = {}): Signature {
  return {
    id: "s1",
    aupId: "aup-staff",
    versionId: "v2",
    versionNumber: 2,
    contentHash: "2f3a9c0d1e2b4a5968776655443322110",
    personId: "p1",
    declaredName: null,
    selfDeclared: false,
    method: "onScreen",
    source: "admin",
    signedAt: "2026-11-03T10:00:00Z",
    recordedAt: "2026-11-03T10:00:00Z",
    receipt: null,
    drawn: false,
    typedMark: "Amira Khan",
    countersignedBy: null,
    countersignatureDrawn: false,
    countersignatureTyped: null,
    paperSignedOn: null,
    paperFiledAt: null,
    scanMediaType: null,
    confirmedAt: null,
    confirmedBy: null,
    ...extra,
  };
}

const summary = (id: string, number: number) => ({
  id,
  number,
  status: "published" as const,
  title: "Acceptable use policy",
  contentHash: `${number}f3a9c0d1e2b4a5968776655443322110`,
  publishedAt: `2026-0${number}-02T09:00:00Z`,
});

export const staffAup: Aup = {
  id: "aup-staff",
  audience: "staffVolunteers",
  kioskPublished: true,
  current: summary("v2", 2),
  draft: null,
};

export const youngAup: Aup = {
  id: "aup-young",
  audience: "youngPeople",
  kioskPublished: false,
  current: summary("y1", 1),
  draft: null,
};

export const unpublishedAup: Aup = {
  id: "aup-visitors",
  audience: "visitorsContractors",
  kioskPublished: false,
  current: null,
  draft: summary("d1", 1),
};

export function aupDetail(aup: Aup): AupDetail {
  const versions = aup.id === "aup-staff" ? [summary("v1", 1), summary("v2", 2)] : aup.current ? [aup.current] : [];
  return { aup, current: null, draft: null, versions };
}
