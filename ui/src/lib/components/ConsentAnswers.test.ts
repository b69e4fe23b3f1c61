import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ErrorItem } from "../formErrors";
import ConsentAnswers from "./ConsentAnswers.svelte";

const uses = [
  { useKey: "website", label: "Our website", explanation: "Pages anyone can see." },
  { useKey: "social:insta", label: "Social media: Instagram @riverside", explanation: "Posts on our account." },
];

const nameQuestion = {
  legend: "May their name appear with an image?",
  hint: "The usual answer is no.",
  yesLabel: "Yes, their first name",
  missing: "Answer whether their name may appear with an image",
};

function show(props: Partial<{ answers: Record<string, string>; nameWithImage: string; errors: ErrorItem[] }> = {}) {
  return render(ConsentAnswers, {
    idPrefix: "consent",
    heading: "Their answers",
    headingLevel: 4,
    uses,
    answers: props.answers ?? {},
    nameWithImage: props.nameWithImage ?? "",
    nameQuestion,
    errors: props.errors ?? [],
  });
}

describe("ConsentAnswers", () => {
  it("asks yes or no for every use, then the name question, under its heading", () => {
    show();
    expect(screen.getByRole("heading", { level: 4, name: "Their answers" })).toBeInTheDocument();
    const website = screen.getByTestId("consent-use-website");
    expect(within(website).getByText("Our website")).toBeInTheDocument();
    expect(within(website).getByText("Pages anyone can see.")).toBeInTheDocument();
    expect(within(website).getAllByRole("radio").map((r) => (r as HTMLInputElement).value)).toEqual(["yes", "no"]);
    expect(screen.getByTestId("consent-use-social:insta")).toBeInTheDocument();
    const name = screen.getByTestId("consent-name");
    expect(within(name).getAllByRole("radio").map((r) => r.id)).toEqual(["consent-name", "consent-name-1"]);
    expect(within(name).getByLabelText("Yes, their first name")).toHaveAttribute("value", "yes");
  });

  it("names every unanswered question, in the order asked, with the field each error links to", () => {
    const { component } = show();
    expect(component.validate()).toEqual([
      { fieldId: "consent-use-0", message: "Answer yes or no for our website" },
      { fieldId: "consent-use-1", message: "Answer yes or no for social media: instagram @riverside" },
      { fieldId: "consent-name", message: "Answer whether their name may appear with an image" },
    ]);
  });

  it("finds nothing missing once each question is answered by clicking", async () => {
    const user = userEvent.setup();
    const { component } = show();
    await user.click(within(screen.getByTestId("consent-use-website")).getByLabelText("Yes"));
    expect(component.validate().map((e) => e.fieldId)).toEqual(["consent-use-1", "consent-name"]);

    await user.click(within(screen.getByTestId("consent-use-social:insta")).getByLabelText("No"));
    await user.click(within(screen.getByTestId("consent-name")).getByLabelText("No"));
    expect(component.validate()).toEqual([]);
  });

  it("shows the answers it was given", () => {
    show({ answers: { website: "no", "social:insta": "yes" }, nameWithImage: "yes" });
    expect(within(screen.getByTestId("consent-use-website")).getByLabelText("No")).toBeChecked();
    expect(within(screen.getByTestId("consent-use-social:insta")).getByLabelText("Yes")).toBeChecked();
    expect(within(screen.getByTestId("consent-name")).getByLabelText("Yes, their first name")).toBeChecked();
  });

  it("shows an error beside the question it names", () => {
    show({ errors: [{ fieldId: "consent-use-1", message: "Answer yes or no for social media: instagram @riverside" }] });
    expect(within(screen.getByTestId("consent-use-social:insta")).getByText(/Answer yes or no for social media/)).toBeInTheDocument();
    expect(within(screen.getByTestId("consent-use-website")).queryByText(/Answer yes or no/)).toBeNull();
  });
});
