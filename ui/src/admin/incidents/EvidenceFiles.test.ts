import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { IncidentFile } from "../../lib/bindings";
import { fakeRust } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: EvidenceFiles } = await import("./EvidenceFiles.svelte");

const settings = { admins: [{ id: "a1", name: "Sam Okafor", isCurrent: true }] };

const file: IncidentFile = {
  id: "f1",
  entryId: "e3",
  fileName: "chat.png",
  mediaType: "image/png",
  size: 20480,
  addedAt: "2026-11-21T10:00:00Z",
  addedBy: "admin:a1",
  openings: [{ openedAt: "2026-11-22T09:30:00Z", openedBy: "admin:a1", reason: "For the strategy meeting." }],
};

describe("EvidenceFiles", () => {
  it("sends the chosen file as base64 with what it shows, and names what is missing first", async () => {
    const attach = vi.fn(() => file);
    vi.mocked(invoke).mockImplementation(fakeRust({ settings_get: () => settings, incident_attach_file: attach }));
    const onSaved = vi.fn();
    render(EvidenceFiles, { incidentId: "i1", files: [], closed: false, onSaved });
    expect(screen.getByTestId("files-none")).toHaveTextContent("No files attached.");
    const user = userEvent.setup();
    await user.click(screen.getByTestId("file-attach"));
    await user.click(screen.getByTestId("file-attach-save"));
    const summary = await screen.findByTestId("files-errors");
    expect(summary).toHaveTextContent("Say what the file shows");
    expect(summary).toHaveTextContent("Choose the file");
    expect(attach).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText("What the file shows"), "Screenshot of the messages.");
    await user.upload(screen.getByTestId("file-input"), new File(["%PDF-1.7"], "letter.pdf", { type: "application/pdf" }));
    await user.click(screen.getByTestId("file-attach-save"));
    expect(attach).toHaveBeenCalledWith({
      id: "i1",
      description: "Screenshot of the messages.",
      fileName: "letter.pdf",
      base64: btoa("%PDF-1.7"),
    });
    expect(onSaved).toHaveBeenCalled();
  });

  it("lists each file with who opened it, when and why, and asks why before saving a copy", async () => {
    const open = vi.fn(() => ({ path: "/home/dsl/chat.png" }));
    vi.mocked(invoke).mockImplementation(fakeRust({ settings_get: () => settings, incident_open_file: open }));
    render(EvidenceFiles, { incidentId: "i1", files: [file], closed: false, onSaved: vi.fn() });
    expect(screen.getByTestId("file-row")).toHaveTextContent("chat.png");
    expect(await screen.findByTestId("file-openings")).toHaveTextContent("by Sam Okafor. Why: For the strategy meeting.");
    const user = userEvent.setup();
    await user.click(screen.getByTestId("file-open"));
    await user.click(screen.getByTestId("file-save"));
    expect(await screen.findByTestId("files-errors")).toHaveTextContent("Say why you are opening this file");
    expect(open).not.toHaveBeenCalled();
    await user.type(screen.getByTestId("file-reason"), "The police asked for a copy.");
    await user.click(screen.getByTestId("file-save"));
    expect(open).toHaveBeenCalledWith({ id: "i1", fileId: "f1", reason: "The police asked for a copy." });
  });

  it("offers no new file on a closed incident", () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ settings_get: () => settings }));
    render(EvidenceFiles, { incidentId: "i1", files: [], closed: true, onSaved: vi.fn() });
    expect(screen.queryByTestId("file-attach")).toBeNull();
  });
});
