import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { strength } from "../../test/tauriFake";
import StrengthMeter from "./StrengthMeter.svelte";

describe("StrengthMeter", () => {
  it.each([
    [0, "Too weak"],
    [1, "Weak"],
    [2, "Fair"],
    [3, "Strong"],
    [4, "Very strong"],
  ])("describes score %i as %s, in words", (score, words) => {
    render(StrengthMeter, { id: "m", strength: strength(score) });
    const label = screen.getByTestId("strength-meter-label");
    expect(label).toHaveTextContent(`Strength: ${words}.`);
    expect(screen.getByTestId("strength-meter")).toHaveAttribute("data-score", String(score));
  });

  it("says whether the minimum is met, not only by colour", () => {
    const view = render(StrengthMeter, { id: "m", strength: strength(2) });
    expect(screen.getByTestId("strength-meter-label")).toHaveTextContent(
      "This does not meet the minimum yet.",
    );
    view.unmount();

    render(StrengthMeter, { id: "m", strength: strength(3) });
    expect(screen.getByTestId("strength-meter-label")).toHaveTextContent("This meets the minimum.");
  });

  it("shows zxcvbn's warning and suggestions", () => {
    render(StrengthMeter, {
      id: "m",
      strength: strength(1, {
        warning: "This is a very common passphrase.",
        suggestions: ["Add another word or two."],
      }),
    });
    expect(screen.getByText("This is a very common passphrase.")).toBeInTheDocument();
    expect(screen.getByRole("listitem")).toHaveTextContent("Add another word or two.");
  });

  it("invites typing before there is anything to rate", () => {
    render(StrengthMeter, { id: "m", strength: null });
    expect(screen.getByTestId("strength-meter-label")).toHaveTextContent(
      "Start typing to see how hard your passphrase would be to guess.",
    );
    expect(screen.getByTestId("strength-meter")).not.toHaveAttribute("data-score");
    // The end-to-end tests wait for the meter to say "strong"; the unrated text must not.
    expect(screen.getByTestId("strength-meter-label").textContent).not.toMatch(/strong/i);
  });
});
