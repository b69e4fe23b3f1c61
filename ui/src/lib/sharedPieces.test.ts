// Guards for the shared form pieces: a page that writes its own drop-down or its own "1 thing /
// N things" check drifts from the others in look and wording, so these fail when one appears.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..");

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(svelte|ts)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

function offenders(pattern: RegExp, allowed: string[] = []): string[] {
  return sources()
    .map((path) => relative(SRC, path))
    .filter((path) => !allowed.includes(path))
    .filter((path) => pattern.test(readFileSync(join(SRC, path), "utf8")));
}

describe("shared form pieces", () => {
  it("finds the source files it guards", () => {
    expect(sources().length).toBeGreaterThan(100);
  });

  it("leaves every drop-down list to the Select component", () => {
    expect(offenders(/<select\b/, ["lib/components/Select.svelte"])).toEqual([]);
  });

  it("leaves every counted word to plural()", () => {
    // `n === 1 ? "1 thing" : …` and `thing{n === 1 ? "" : "s"}`.
    expect(offenders(/=== 1 \? ["'`]1 |=== 1 \? ["'`]{2} :/)).toEqual([]);
  });
});
