import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import ErrorSummary from "./ErrorSummary.svelte";

const added: HTMLElement[] = [];

function addField(id: string, labelText: string) {
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = labelText;
  const input = document.createElement("input");
  input.id = id;
  document.body.append(label, input);
  added.push(label, input);
  return input;
}

afterEach(() => {
  for (const element of added.splice(0)) element.remove();
});

describe("ErrorSummary", () => {
  it("shows nothing when there are no errors", () => {
    render(ErrorSummary, { errors: [] });
    expect(screen.queryByTestId("error-summary")).toBeNull();
  });

  it("takes focus and links each error to its field", async () => {
    const name = addField("name", "Your name");
    const passphrase = addField("passphrase", "Passphrase");
    render(ErrorSummary, {
      errors: [
        { fieldId: "name", message: "Enter your name" },
        { fieldId: "passphrase", message: "Enter a passphrase" },
        { message: "Something else went wrong" },
      ],
    });

    const summary = screen.getByTestId("error-summary");
    expect(summary).toHaveFocus();
    expect(screen.getByRole("heading", { name: "There is a problem" })).toBeInTheDocument();

    const nameLink = screen.getByRole("link", { name: "Enter your name" });
    expect(nameLink).toHaveAttribute("href", "#name");
    expect(screen.getByRole("link", { name: "Enter a passphrase" })).toHaveAttribute(
      "href",
      "#passphrase",
    );
    // An error about the page as a whole is text, not a link to nowhere.
    expect(screen.getByText("Something else went wrong").closest("a")).toBeNull();

    await userEvent.click(screen.getByRole("link", { name: "Enter a passphrase" }));
    expect(passphrase).toHaveFocus();
    await userEvent.click(nameLink);
    expect(name).toHaveFocus();
  });

  it("takes focus again when a new set of errors arrives", async () => {
    const field = addField("org", "Organisation");
    const view = render(ErrorSummary, { errors: [{ fieldId: "org", message: "Enter a name" }] });
    field.focus();
    expect(field).toHaveFocus();

    await view.rerender({ errors: [{ fieldId: "org", message: "That name is too long" }] });

    expect(screen.getByTestId("error-summary")).toHaveFocus();
    expect(screen.getByRole("link", { name: "That name is too long" })).toBeInTheDocument();
  });
});
