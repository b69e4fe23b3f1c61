import { describe, expect, it } from "vitest";
import { cloudWarning, lastSixPlace, matchesLastSix } from "./kitSafety";

const KEY = "AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGP7H4KXZ";

describe("the Emergency Kit step's checks", () => {
  it("matches the last 6 characters with spaces and case ignored", () => {
    expect(matchesLastSix(KEY, "7H4KXZ")).toBe(true);
    expect(matchesLastSix(KEY, " 7h4 kxz ")).toBe(true);
    expect(matchesLastSix(KEY, "ABCDEF")).toBe(false);
    expect(matchesLastSix(KEY, "4KXZ")).toBe(false);
    expect(matchesLastSix(KEY, "P7H4KXZ")).toBe(false);
  });

  it("says which groups the last 6 come from, since a real key's last group holds only 2", () => {
    expect(lastSixPlace(["AGE-SECRET-KEY-1", "QYQSZQGP", "QYQS4KXZ", "7H"])).toBe(
      "They are the last 4 of the group before last, then the 2 of the last group. Spaces do not count.",
    );
    expect(lastSixPlace(["AGE-SECRET-KEY-1", "QYQSZQGP", "7H4KXZ"])).toBe("They are the whole of the last group.");
    expect(lastSixPlace(["AGE-SECRET-KEY-1", "QYQSZQGP"])).toBe("They are the last 6 of the last group.");
  });

  it("names the synced folder and says what to do", () => {
    expect(cloudWarning("Documents")).toMatch(/your Documents folder, which OneDrive \(Windows\) and iCloud \(Mac\) often copy/);
    expect(cloudWarning("Desktop")).toMatch(/your Desktop folder/);
    expect(cloudWarning("Dropbox")).toMatch(/a Dropbox folder, which is copied to the internet/);
    for (const place of ["Documents", "OneDrive"]) {
      expect(cloudWarning(place)).toMatch(/delete the saved copy, or save it on a USB stick/);
    }
  });
});
