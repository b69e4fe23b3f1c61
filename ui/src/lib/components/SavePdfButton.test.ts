import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { createRawSnippet } from "svelte";
import { describe, expect, it, vi } from "vitest";
import type { SavedFile } from "../bindings";
import { rustError } from "../../test/tauriFake";
import SavePdfButton from "./SavePdfButton.svelte";

const label = createRawSnippet(() => ({ render: () => "<span>Print blank AUP</span>" }));

function show(save: () => Promise<SavedFile | null>) {
  render(SavePdfButton, { save, testid: "print", children: label });
  return userEvent.setup();
}

describe("SavePdfButton", () => {
  it("says where the PDF was saved", async () => {
    const user = show(async () => ({ path: "/home/sam/Documents/AUP staff v2 blank.pdf" }));
    await user.click(screen.getByTestId("print"));
    expect(await screen.findByTestId("print-saved")).toHaveTextContent(
      "Saved to /home/sam/Documents/AUP staff v2 blank.pdf",
    );
    expect(screen.queryByTestId("print-error")).toBeNull();
  });

  it("shows nothing when the Save dialog is cancelled, clearing an earlier message", async () => {
    const save = vi.fn<() => Promise<SavedFile | null>>();
    save.mockResolvedValueOnce({ path: "/tmp/first.pdf" }).mockResolvedValueOnce(null);
    const user = show(save);
    await user.click(screen.getByTestId("print"));
    await screen.findByTestId("print-saved");
    await user.click(screen.getByTestId("print"));
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(screen.queryByTestId("print-saved")).toBeNull());
    expect(screen.queryByTestId("print-error")).toBeNull();
  });

  it("shows Rust's message when the PDF cannot be made", async () => {
    const user = show(async () => {
      throw rustError("forms.aupNotPublished", "This AUP has no published version yet, so there is nothing to print.");
    });
    await user.click(screen.getByTestId("print"));
    const error = await screen.findByTestId("print-error");
    expect(error).toHaveTextContent("This AUP has no published version yet");
    expect(error).toHaveAttribute("role", "alert");
    expect(screen.queryByTestId("print-saved")).toBeNull();
  });

  it("ignores a second click while the first save is still open", async () => {
    let finish: (value: SavedFile | null) => void = () => {};
    const save = vi.fn(() => new Promise<SavedFile | null>((resolve) => (finish = resolve)));
    const user = show(save);
    await user.click(screen.getByTestId("print"));
    expect(screen.getByTestId("print")).toHaveAttribute("aria-disabled", "true");
    await user.click(screen.getByTestId("print"));
    expect(save).toHaveBeenCalledTimes(1);
    finish({ path: "/tmp/once.pdf" });
    expect(await screen.findByTestId("print-saved")).toHaveTextContent("/tmp/once.pdf");
  });
});
