import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { rustError } from "../../test/tauriFake";

vi.mock("../../lib/api", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/api")>()),
  kioskReportConcern: vi.fn(),
}));

const { kioskReportConcern } = await import("../../lib/api");
const { default: ReportConcern } = await import("./ReportConcern.svelte");

beforeEach(() => {
  vi.mocked(kioskReportConcern).mockReset();
});

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByTestId("concern-what"), "A learner was sent messages asking to meet.");
  await user.click(screen.getAllByTestId("concern-about-staff-option")[1]);
  await user.type(screen.getByTestId("concern-name"), "Ada Pennington");
}

describe("ReportConcern", () => {
  it("says it goes only to the safeguarding lead, and when to call 999", () => {
    render(ReportConcern, { onExit: vi.fn(), today: "2026-11-22" });
    expect(screen.getByTestId("concern-999")).toHaveTextContent("call 999");
    expect(screen.getByText(/goes only to the safeguarding lead/)).toBeInTheDocument();
  });

  it("names every missing answer before sending anything", async () => {
    render(ReportConcern, { onExit: vi.fn(), today: "2026-11-22" });
    const user = userEvent.setup();
    await user.click(screen.getByTestId("concern-submit"));
    const summary = await screen.findByTestId("error-summary");
    expect(summary).toHaveTextContent("Say what happened");
    expect(summary).toHaveTextContent("member of staff or a volunteer");
    expect(summary).toHaveTextContent("Type your full name");
    expect(kioskReportConcern).not.toHaveBeenCalled();
  });

  it("refuses a date in the future and a time that is not a time", async () => {
    render(ReportConcern, { onExit: vi.fn(), today: "2026-11-22" });
    const user = userEvent.setup();
    await fillRequired(user);
    const day = screen.getByLabelText("Day");
    await user.clear(day);
    await user.type(day, "23");
    await user.type(screen.getByTestId("concern-time"), "25:99");
    await user.click(screen.getByTestId("concern-submit"));
    const summary = await screen.findByTestId("error-summary");
    expect(summary).toHaveTextContent("cannot be in the future");
    expect(summary).toHaveTextContent("hours and minutes");
    expect(kioskReportConcern).not.toHaveBeenCalled();
  });

  it("refuses a place longer than the incident can hold before sending, so nothing is lost after a receipt", async () => {
    render(ReportConcern, { onExit: vi.fn(), today: "2026-11-22" });
    const user = userEvent.setup();
    await fillRequired(user);
    const place = screen.getByTestId("concern-place");
    await user.click(place);
    await user.paste("x".repeat(201));
    await user.click(screen.getByTestId("concern-submit"));
    const summary = await screen.findByTestId("error-summary");
    expect(summary).toHaveTextContent("Shorten where it happened to 200 characters or fewer");
    expect(kioskReportConcern).not.toHaveBeenCalled();
  });

  it("refuses what happened and who was involved when together they are too long", async () => {
    render(ReportConcern, { onExit: vi.fn(), today: "2026-11-22" });
    const user = userEvent.setup();
    await fillRequired(user);
    await user.click(screen.getByTestId("concern-who"));
    await user.paste("w".repeat(19_990));
    await user.click(screen.getByTestId("concern-submit"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("too long together");
    expect(kioskReportConcern).not.toHaveBeenCalled();
  });

  it("sends the concern, shows the receipt and what happens next, and keeps nothing typed", async () => {
    vi.mocked(kioskReportConcern).mockResolvedValue({ number: "C7QM-4TXD" });
    const onExit = vi.fn();
    render(ReportConcern, { onExit, today: "2026-11-22", receiptMs: 60_000 });
    const user = userEvent.setup();
    await fillRequired(user);
    await user.type(screen.getByTestId("concern-own-words"), "He said he was sixteen.");
    await user.click(screen.getByTestId("concern-submit"));
    expect(await screen.findByTestId("receipt-number")).toHaveTextContent("C7QM-4TXD");
    expect(kioskReportConcern).toHaveBeenCalledWith({
      whatHappened: "A learner was sent messages asking to meet.",
      happenedOn: "2026-11-22",
      happenedAtTime: null,
      place: "",
      peopleInvolved: "",
      ownWords: "He said he was sixteen.",
      doneSoFar: null,
      reporterName: "Ada Pennington",
      aboutStaff: false,
    });
    expect(document.body.textContent).not.toContain("sixteen");
    expect(document.body.textContent).toContain("call 999");
    await user.click(screen.getByTestId("receipt-done"));
    expect(onExit).toHaveBeenCalled();
  });

  it("keeps what was typed and shows Rust's reason when sending fails", async () => {
    vi.mocked(kioskReportConcern).mockRejectedValue(
      rustError("outbox.write", "Your answers could not be saved (no space left). Nothing was kept. Please tell a member of staff."),
    );
    render(ReportConcern, { onExit: vi.fn(), today: "2026-11-22" });
    const user = userEvent.setup();
    await fillRequired(user);
    await user.click(screen.getByTestId("concern-submit"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("no space left");
    expect(screen.getByTestId("concern-what")).toHaveValue("A learner was sent messages asking to meet.");
  });
});
