import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Aup } from "../../lib/bindings";
import { todayIso } from "../../lib/dateInput";
import { fakeRust, rustError, type Handler } from "../../test/tauriFake";
import { aupDetail, person, signature, staffAup, unpublishedAup, youngAup } from "./fixtures";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: RecordPaperSignaturePage } = await import("./RecordPaperSignaturePage.svelte");

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

function open(handlers: Record<string, Handler> = {}, who = person(), aups: Aup[] = [unpublishedAup, youngAup, staffAup]) {
  vi.mocked(invoke).mockImplementation(
    fakeRust({
      aup_list: () => aups,
      aup_get: (args) => aupDetail(aups.find((a) => a.id === args.aupId) ?? staffAup),
      ...handlers,
    }),
  );
  const onRecorded = vi.fn();
  const onCancel = vi.fn();
  render(RecordPaperSignaturePage, { person: who, onCancel, onRecorded });
  return { onRecorded, onCancel };
}

async function fillDate(user: ReturnType<typeof userEvent.setup>, day: string, month: string, year: string) {
  await user.type(screen.getByTestId("paper-signed-on-day"), day);
  await user.type(screen.getByTestId("paper-signed-on-month"), month);
  await user.type(screen.getByTestId("paper-signed-on-year"), year);
}

describe("Record a paper signature", () => {
  it("offers only published AUPs, suggests the one for the person's group and the version in force", async () => {
    open();
    await screen.findByTestId("paper-aup");
    const options = screen.getAllByTestId("paper-aup-option");
    expect(options.map((o) => o.closest(".radio")?.textContent)).toEqual([
      expect.stringContaining("Young people and learners"),
      expect.stringContaining("Staff and volunteers"),
    ]);
    expect(screen.getByLabelText("Staff and volunteers")).toBeChecked();
    const version = screen.getByTestId("paper-version");
    await vi.waitFor(() => expect(version).toHaveValue("v2"));
    expect(within(version).getAllByRole("option").map((o) => o.textContent)).toEqual([
      expect.stringMatching(/^Version 2 \(in force\), published/),
      expect.stringMatching(/^Version 1, published/),
    ]);
    expect(screen.queryByTestId("paper-countersigned-by")).toBeNull();
  });

  it("asks for a countersignature only on a young people's AUP", async () => {
    open({}, person({ group: "youngPerson", dateOfBirth: "2010-03-14" }));
    await screen.findByTestId("paper-aup");
    expect(screen.getByLabelText("Young people and learners")).toBeChecked();
    expect(await screen.findByTestId("paper-countersigned-by")).toBeInTheDocument();
  });

  it("says when there is no published AUP to record against", async () => {
    open({}, person(), [unpublishedAup]);
    expect(await screen.findByTestId("paper-no-aups")).toHaveTextContent(/Publish one from the AUPs page/);
  });

  it("refuses a missing date, a future date and a blank filing place before asking Rust", async () => {
    const record = vi.fn();
    open({ signature_record_paper: record });
    const user = userEvent.setup();
    await screen.findByTestId("paper-aup");
    await user.click(screen.getByTestId("paper-continue"));
    let summary = await screen.findByTestId("error-summary");
    expect(within(summary).getByRole("link", { name: "Enter the date the paper copy was signed" })).toHaveAttribute("href", "#paper-signed-on");
    expect(within(summary).getByRole("link", { name: /Enter where the paper copy is filed/ })).toHaveAttribute("href", "#paper-filed-at");

    const nextYear = String(Number(todayIso().slice(0, 4)) + 1);
    await fillDate(user, "1", "1", nextYear);
    await user.type(screen.getByTestId("paper-filed-at"), "   ");
    await user.click(screen.getByTestId("paper-continue"));
    summary = await screen.findByTestId("error-summary");
    expect(within(summary).getByRole("link", { name: "Date signed must be today or in the past" })).toBeInTheDocument();
    expect(screen.getByTestId("paper-filed-at")).toHaveAttribute("aria-invalid", "true");
    expect(record).not.toHaveBeenCalled();
  });

  it("refuses a scan that is not a PNG, JPEG or PDF, or is over 5 MB, and keeps the other answers", async () => {
    const record = vi.fn();
    open({ signature_record_paper: record });
    const user = userEvent.setup({ applyAccept: false });
    await screen.findByTestId("paper-aup");
    await fillDate(user, "3", "9", "2025");
    await user.type(screen.getByTestId("paper-filed-at"), "Blue HR folder");
    await user.upload(screen.getByTestId("paper-scan"), new File(["GIF89a"], "scan.gif", { type: "image/gif" }));
    await user.click(screen.getByTestId("paper-continue"));
    let summary = await screen.findByTestId("error-summary");
    expect(within(summary).getByRole("link", { name: /must be a PNG, JPEG or PDF/ })).toHaveAttribute("href", "#paper-scan");

    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], "scan.pdf", { type: "application/pdf" });
    await user.upload(screen.getByTestId("paper-scan"), big);
    await user.click(screen.getByTestId("paper-continue"));
    summary = await screen.findByTestId("error-summary");
    expect(within(summary).getByRole("link", { name: /bigger than 5 MB/ })).toHaveAttribute("href", "#paper-scan");
    expect(screen.getByTestId("paper-filed-at")).toHaveValue("Blue HR folder");
    expect(record).not.toHaveBeenCalled();
  });

  it("sends the answers and the scan's bytes, then reports the signature", async () => {
    const saved = signature({ method: "paper", paperSignedOn: "2025-09-03", paperFiledAt: "Blue HR folder", scanMediaType: "image/png" });
    const record = vi.fn(() => saved);
    const { onRecorded } = open({ signature_record_paper: record });
    const user = userEvent.setup();
    await screen.findByTestId("paper-aup");
    await vi.waitFor(() => expect(screen.getByTestId("paper-version")).toHaveValue("v2"));
    await user.selectOptions(screen.getByTestId("paper-version"), "v1");
    await fillDate(user, "3", "9", "2025");
    await user.type(screen.getByTestId("paper-filed-at"), "  Blue   HR folder ");
    await user.upload(screen.getByTestId("paper-scan"), new File([PNG], "scan.png", { type: "image/png" }));
    await user.click(screen.getByTestId("paper-continue"));

    const summary = await screen.findByTestId("paper-check-summary");
    expect(summary).toHaveTextContent("Staff and volunteers");
    expect(summary).toHaveTextContent("Version 1, published");
    expect(summary).toHaveTextContent("3 September 2025");
    expect(summary).toHaveTextContent("Blue HR folder");
    expect(summary).toHaveTextContent("scan.png (1 KB)");
    expect(record).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("paper-save"));

    await vi.waitFor(() => expect(onRecorded).toHaveBeenCalledWith(saved));
    expect(record).toHaveBeenCalledWith({
      paper: {
        personId: "p1",
        versionId: "v1",
        signedOn: "2025-09-03",
        filedAt: "Blue HR folder",
        countersignedBy: null,
        scanBase64: Buffer.from(PNG).toString("base64"),
      },
    });
  });

  it("puts Rust's verdict on the scan beside the file box", async () => {
    open({
      signature_record_paper: () => {
        throw rustError("signature.scanWrongType", "The scan must be a PNG, JPEG or PDF file, and this file is none of those (whatever its name says).");
      },
    });
    const user = userEvent.setup();
    await screen.findByTestId("paper-aup");
    await vi.waitFor(() => expect(screen.getByTestId("paper-version")).toHaveValue("v2"));
    await fillDate(user, "3", "9", "2025");
    await user.type(screen.getByTestId("paper-filed-at"), "Blue HR folder");
    await user.upload(screen.getByTestId("paper-scan"), new File(["MZ"], "scan.png", { type: "image/png" }));
    await user.click(screen.getByTestId("paper-continue"));
    await user.click(await screen.findByTestId("paper-save"));
    const summary = await screen.findByTestId("error-summary");
    expect(within(summary).getByRole("link", { name: /whatever its name says/ })).toHaveAttribute("href", "#paper-scan");
    expect(screen.getByTestId("paper-filed-at")).toHaveValue("Blue HR folder");
    expect(screen.getByTestId("paper-signed-on-year")).toHaveValue("2025");
    // The file box is drawn afresh, so the page says which file is still chosen.
    expect(screen.getByTestId("paper-scan-chosen")).toHaveTextContent("scan.png");
  });

  it("Change on the check page goes back to that box with the answers kept; Remove drops the scan", async () => {
    const record = vi.fn(() => signature({ method: "paper" }));
    open({ signature_record_paper: record });
    const user = userEvent.setup();
    await screen.findByTestId("paper-aup");
    await vi.waitFor(() => expect(screen.getByTestId("paper-version")).toHaveValue("v2"));
    await fillDate(user, "3", "9", "2025");
    await user.type(screen.getByTestId("paper-filed-at"), "Blue HR folder");
    await user.upload(screen.getByTestId("paper-scan"), new File([PNG], "scan.png", { type: "image/png" }));
    await user.click(screen.getByTestId("paper-continue"));
    await user.click(await screen.findByRole("button", { name: /^Change\s*scan$/ }));

    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("paper-scan")));
    expect(screen.getByTestId("paper-filed-at")).toHaveValue("Blue HR folder");
    await user.click(screen.getByTestId("paper-scan-remove"));
    expect(screen.queryByTestId("paper-scan-chosen")).toBeNull();
    await user.click(screen.getByTestId("paper-continue"));
    expect(await screen.findByTestId("paper-check-summary")).toHaveTextContent("No scan");
    await user.click(screen.getByTestId("paper-save"));
    await vi.waitFor(() => expect(record).toHaveBeenCalledOnce());
    expect(record).toHaveBeenCalledWith({ paper: expect.objectContaining({ scanBase64: null, versionId: "v2" }) });
  });
});
