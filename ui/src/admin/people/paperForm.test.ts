import { describe, expect, it } from "vitest";
import { bytesToBase64 } from "./paperForm";

describe("bytesToBase64", () => {
  it("matches Node's encoding, across the slices it works in", () => {
    const bytes = new Uint8Array(0x8000 * 2 + 7).map((_, i) => (i * 31) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    expect(bytesToBase64(new Uint8Array())).toBe("");
  });
});
