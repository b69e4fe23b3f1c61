import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeRust, rustError } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: SubjectAccessSection } = await import("./SubjectAccessSection.svelte");

const saved = (restrictedIncidents = 0) => ({
  pdfPath: "/media/usb/Subject access Amira Khan 2026-11-22.pdf",
  jsonPath: "/media/usb/Subject access Amira Khan 2026-11-22.json",
  restrictedIncidents,
});

function setup(handler: (args: Record<string, unknown>) => unknown) {
  const exportFn = vi.fn(handler);
  vi.mocked(invoke).mockImplementation(fakeRust({ subject_access_export: exportFn }));
  render(SubjectAccessSection, { personId: "p1", firstName: "Amira" });
  return { user: userEvent.setup(), exportFn };
}

describe("The subject access section", () => {
  it("hides other people's names by default and says where both files went", async () => {
    const { user, exportFn } = setup(() => saved());
    expect(screen.getByText(/one calendar month/)).toBeInTheDocument();
    expect(screen.getByTestId("sar-redact")).toBeChecked();
    await user.click(screen.getByTestId("sar-export"));
    expect(exportFn).toHaveBeenCalledWith({ personId: "p1", redactOthers: true });
    const where = await screen.findByTestId("sar-saved");
    expect(where).toHaveTextContent("Subject access Amira Khan 2026-11-22.pdf");
    expect(where).toHaveTextContent("Subject access Amira Khan 2026-11-22.json");
    expect(screen.queryByTestId("sar-restricted")).not.toBeInTheDocument();
  });

  it("sends the admin's choice to show names, and warns about restricted incidents", async () => {
    const { user, exportFn } = setup(() => saved(1));
    await user.click(screen.getByTestId("sar-redact"));
    await user.click(screen.getByRole("button", { name: "Save everything we hold about Amira" }));
    expect(exportFn).toHaveBeenCalledWith({ personId: "p1", redactOthers: false });
    expect(await screen.findByTestId("sar-restricted")).toHaveTextContent("1 restricted incident");
  });

  it("shows nothing when the folder choice is cancelled, and Rust's message when refused", async () => {
    let answer: unknown = null;
    const { user } = setup(() => {
      if (answer instanceof Error) throw rustError("subjectAccess.personNotFound", answer.message);
      return answer;
    });
    await user.click(screen.getByTestId("sar-export"));
    expect(screen.queryByTestId("sar-saved")).not.toBeInTheDocument();
    expect(screen.queryByTestId("sar-error")).not.toBeInTheDocument();
    answer = new Error("That person was not found. Refresh the list and choose them again.");
    await user.click(screen.getByTestId("sar-export"));
    expect(await screen.findByTestId("sar-error")).toHaveTextContent("That person was not found.");
  });
});
