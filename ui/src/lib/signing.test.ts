import { describe, expect, it } from "vitest";
import { filterNames, looksLikeFullName, markOf } from "./signing";

describe("looksLikeFullName", () => {
  it("accepts first and last names, including short ones Rust accepts", () => {
    for (const name of ["Sam Okafor", "Li Na", "J Smith", "Zoë  Ní Bhriain", "Ros F."]) {
      expect(looksLikeFullName(name), name).toBe(true);
    }
  });

  it("refuses initials, one word and blanks, as Rust does", () => {
    for (const name of ["JS", "J. S.", "Smith", "", "   ", "1234 5678"]) {
      expect(looksLikeFullName(name), name).toBe(false);
    }
  });
});

describe("markOf", () => {
  it("sends the drawing only while drawing is the way chosen", () => {
    expect(markOf("draw", "iVBORw0KGgo=", "Sam Okafor")).toEqual({ kind: "drawn", png: "iVBORw0KGgo=" });
    expect(markOf("type", "iVBORw0KGgo=", "  Sam   Okafor ")).toEqual({ kind: "typed", name: "Sam Okafor" });
  });

  it("is empty when nothing was drawn or typed", () => {
    expect(markOf("draw", null, "Sam Okafor")).toBeNull();
    expect(markOf("type", "iVBORw0KGgo=", "   ")).toBeNull();
  });
});

describe("filterNames", () => {
  const people = [
    { token: "1", displayName: "Sam O." },
    { token: "2", displayName: "Hattie O." },
    { token: "3", displayName: "Zoë M." },
    { token: "4", displayName: "Samira K." },
  ];

  it("matches the start of any word, ignoring case and accents", () => {
    expect(filterNames(people, "sam").map((p) => p.token)).toEqual(["1", "4"]);
    expect(filterNames(people, "zoe").map((p) => p.token)).toEqual(["3"]);
    expect(filterNames(people, "sam o").map((p) => p.token)).toEqual(["1"]);
  });

  it("shows everyone for an empty search and no one for a miss", () => {
    expect(filterNames(people, "  ")).toHaveLength(4);
    expect(filterNames(people, "xavier")).toHaveLength(0);
  });
});
