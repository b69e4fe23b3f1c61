import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Policy, PolicyDetail } from "../../lib/bindings";
import { fakeRust, rustError, type Handler } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: PoliciesPage } = await import("./PoliciesPage.svelte");

const onlineSafety: Policy = {
  id: "policy-online-safety",
  name: "Online safety",
  topic: "onlineSafety",
  owner: "The DSL",
  reviewMonths: 12,
  retired: false,
  currentVersion: "3",
  lastReviewed: "2025-09-08",
  nextReview: "2026-09-08",
  status: "overdue",
  hasDocument: false,
};
const behaviour: Policy = {
  ...onlineSafety,
  id: "policy-behaviour",
  name: "Behaviour",
  topic: "other",
  owner: "",
  currentVersion: null,
  lastReviewed: null,
  nextReview: null,
  status: "neverDone",
};
const detail: PolicyDetail = {
  policy: onlineSafety,
  history: [
    { id: "v1", version: "1", purpose: "New policy", lead: "A. Patel", reviewedOn: "2023-09-01", nextReview: "2024-09-01", trigger: "newPolicy", approvedBy: "Board of trustees", approvedOn: "2023-09-20", recordedAt: "2023-09-01T10:00:00Z" },
    { id: "v3", version: "3", purpose: "Annual review: Added AI chatbots", lead: "C. Okafor", reviewedOn: "2025-09-08", nextReview: "2026-09-08", trigger: "scheduled", approvedBy: null, approvedOn: null, recordedAt: "2025-09-08T10:00:00Z" },
  ],
};

function open(handlers: Record<string, Handler> = {}) {
  const rust = { policies_list: vi.fn(() => [onlineSafety, behaviour]), policy_get: vi.fn(() => detail), ...handlers };
  vi.mocked(invoke).mockImplementation(fakeRust(rust));
  render(PoliciesPage);
  return rust;
}

describe("Policy register", () => {
  it("lists each policy's version and where its next review stands, in words", async () => {
    open();
    const rows = await screen.findAllByTestId("policy-row");
    expect(rows[0]).toHaveTextContent("Online safety");
    expect(rows[0]).toHaveTextContent("The DSL");
    expect(rows[0]).toHaveTextContent("Review overdue");
    expect(rows[0]).toHaveTextContent("Was due 8 September 2026");
    expect(rows[1]).toHaveTextContent("No review recorded");
    expect(rows[1]).toHaveTextContent("Not set");
  });

  it("shows the version history and records a review with the next version suggested", async () => {
    const record = vi.fn(() => ({ ...detail.history[1], id: "v4", version: "4", nextReview: "2027-11-20" }));
    open({ policy_record_review: record });
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId("policy-link"))[0]);
    const history = await screen.findAllByTestId("policy-history-row");
    expect(history[0]).toHaveTextContent("1New policyA. Patel1 September 20231 September 2024Board of trustees, 20 September 2023");
    expect(history[1]).toHaveTextContent("Not recorded");

    await user.click(screen.getByTestId("policy-review-start"));
    expect(screen.getByTestId("review-version")).toHaveValue("4");
    expect(screen.getByTestId("review-lead")).toHaveValue("The DSL");
    await user.click(screen.getByTestId("review-save"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("Enter the date of the review");
    expect(record).not.toHaveBeenCalled();

    const form = screen.getByTestId("policy-review-form");
    await user.type(within(form).getByTestId("review-date-day"), "20");
    await user.type(within(form).getByTestId("review-date-month"), "11");
    await user.type(within(form).getByTestId("review-date-year"), "2026");
    await user.type(screen.getByTestId("review-approved-by"), "Board of trustees");
    await user.click(screen.getByTestId("review-save"));
    expect(await screen.findByTestId("policy-saved")).toHaveTextContent("Version 4 added. The next review is due on 20 November 2027.");
    expect(record).toHaveBeenCalledWith({
      id: "policy-online-safety",
      review: {
        version: "4",
        reviewedOn: "2026-11-20",
        lead: "The DSL",
        change: null,
        trigger: "scheduled",
        approvedBy: "Board of trustees",
        approvedOn: null,
        nextReview: null,
      },
    });
  });

  it("takes a next review set by hand, and says what an empty one gives", async () => {
    const record = vi.fn(() => ({ ...detail.history[1], id: "v4", version: "4", reviewedOn: "2022-01-12", nextReview: "2023-03-01" }));
    open({ policy_record_review: record });
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId("policy-link"))[0]);
    await user.click(await screen.findByTestId("policy-review-start"));
    const form = screen.getByTestId("policy-review-form");
    expect(form).toHaveTextContent("Left empty, it is every year from the review.");
    await user.type(within(form).getByTestId("review-date-day"), "12");
    await user.type(within(form).getByTestId("review-date-month"), "1");
    await user.type(within(form).getByTestId("review-date-year"), "2022");
    expect(form).toHaveTextContent("Left empty, it is every year from the review: 12 January 2023.");

    // Before the review is refused here, without asking Rust.
    await user.type(within(form).getByTestId("review-next-day"), "1");
    await user.type(within(form).getByTestId("review-next-month"), "12");
    await user.type(within(form).getByTestId("review-next-year"), "2021");
    await user.click(screen.getByTestId("review-save"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("The next review must be after the date of this review");
    expect(record).not.toHaveBeenCalled();

    await user.clear(within(form).getByTestId("review-next-day"));
    await user.type(within(form).getByTestId("review-next-day"), "1");
    await user.clear(within(form).getByTestId("review-next-month"));
    await user.type(within(form).getByTestId("review-next-month"), "3");
    await user.clear(within(form).getByTestId("review-next-year"));
    await user.type(within(form).getByTestId("review-next-year"), "2023");
    await user.click(screen.getByTestId("review-save"));
    expect(await screen.findByTestId("policy-saved")).toHaveTextContent("The next review is due on 1 March 2023.");
    expect(record).toHaveBeenCalledWith({
      id: "policy-online-safety",
      review: expect.objectContaining({ reviewedOn: "2022-01-12", nextReview: "2023-03-01" }),
    });
  });

  it("puts a next review years away beside the next review box", async () => {
    open({
      policy_record_review: () => {
        throw rustError("policy.nextReviewTooFar", "The next review cannot be more than 5 years after this review. Check the year.");
      },
    });
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId("policy-link"))[0]);
    await user.click(await screen.findByTestId("policy-review-start"));
    for (const [part, value] of [["date-day", "20"], ["date-month", "11"], ["date-year", "2026"], ["next-day", "20"], ["next-month", "11"], ["next-year", "2062"]]) {
      await user.type(screen.getByTestId(`review-${part}`), value);
    }
    await user.click(screen.getByTestId("review-save"));
    const message = await screen.findByText(/more than 5 years/, { selector: ".error-message" });
    expect(message.closest("fieldset")).toHaveTextContent("Next review (optional)");
  });

  it("puts a repeated version number beside the version box", async () => {
    open({
      policy_record_review: () => {
        throw rustError("policy.duplicateVersion", "Version 4 is already in this policy's history. Give this review a new version number.");
      },
    });
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId("policy-link"))[0]);
    await user.click(await screen.findByTestId("policy-review-start"));
    await user.type(screen.getByTestId("review-date-day"), "20");
    await user.type(screen.getByTestId("review-date-month"), "11");
    await user.type(screen.getByTestId("review-date-year"), "2026");
    await user.click(screen.getByTestId("review-save"));
    expect(await screen.findByText(/already in this policy's history/, { selector: ".error-message" })).toBeInTheDocument();
  });
});

describe("The policy document", () => {
  it("stores a chosen document and then offers to save a copy", async () => {
    let stored = false;
    const attach = vi.fn(() => {
      stored = true;
    });
    open({
      policy_get: () => ({ ...detail, policy: { ...onlineSafety, hasDocument: stored } }),
      policy_document_attach: attach,
    });
    const user = userEvent.setup({ applyAccept: false });
    await user.click((await screen.findAllByTestId("policy-link"))[0]);
    await screen.findByTestId("policy-document");
    expect(screen.queryByTestId("policy-document-save")).toBeNull();

    await user.upload(screen.getByTestId("policy-document-file"), new File(["x"], "policy.txt", { type: "text/plain" }));
    await user.click(screen.getByTestId("policy-document-upload"));
    expect(await screen.findByTestId("policy-document-status")).toHaveTextContent("must be a PDF, a Word document");
    expect(attach).not.toHaveBeenCalled();

    await user.upload(screen.getByTestId("policy-document-file"), new File(["%PDF-1.7"], "Online safety.pdf", { type: "application/pdf" }));
    await user.click(screen.getByTestId("policy-document-upload"));
    expect(await screen.findByTestId("policy-document-status")).toHaveTextContent("stored with the policy");
    expect(attach).toHaveBeenCalledWith({ id: "policy-online-safety", fileName: "Online safety.pdf", base64: btoa("%PDF-1.7") });
    expect(await screen.findByTestId("policy-document-save")).toBeInTheDocument();
  });
});
