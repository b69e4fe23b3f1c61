import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeRust } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: GroupRegisterButton } = await import("./GroupRegisterButton.svelte");

function show() {
  const print = vi.fn(() => ({ path: "/home/dsl/Documents/Image consent register Trip 2026-12-01.pdf" }));
  vi.mocked(invoke).mockImplementation(fakeRust({ consent_print_register: print }));
  render(GroupRegisterButton, { groupId: "g1", today: "2026-11-22" });
  return print;
}

async function typeDate(user: ReturnType<typeof userEvent.setup>, day: string, month: string, year: string) {
  await user.type(screen.getByTestId("consent-register-as-at-day"), day);
  await user.type(screen.getByTestId("consent-register-as-at-month"), month);
  await user.type(screen.getByTestId("consent-register-as-at-year"), year);
}

describe("The group's consent register", () => {
  it("prints as at today when no date is given", async () => {
    const print = show();
    await userEvent.setup().click(screen.getByTestId("consent-register-save"));
    expect(await screen.findByTestId("consent-register-save-saved")).toHaveTextContent("Image consent register Trip");
    expect(print).toHaveBeenCalledWith({ groupId: "g1", asAt: null });
  });

  it("prints as at the day of a trip", async () => {
    const print = show();
    const user = userEvent.setup();
    await typeDate(user, "1", "12", "2026");
    await user.click(screen.getByTestId("consent-register-save"));
    await screen.findByTestId("consent-register-save-saved");
    expect(print).toHaveBeenCalledWith({ groupId: "g1", asAt: "2026-12-01" });
  });

  it("refuses a day already past or not a real date, and prints nothing", async () => {
    const print = show();
    const user = userEvent.setup();
    await typeDate(user, "1", "11", "2026");
    await user.click(screen.getByTestId("consent-register-save"));
    expect(await screen.findByText("The date of the trip or event must be today or later")).toBeInTheDocument();
    await user.clear(screen.getByTestId("consent-register-as-at-day"));
    await user.type(screen.getByTestId("consent-register-as-at-day"), "31");
    await user.clear(screen.getByTestId("consent-register-as-at-month"));
    await user.type(screen.getByTestId("consent-register-as-at-month"), "2");
    await user.click(screen.getByTestId("consent-register-save"));
    expect(await screen.findByText("The date of the trip or event must be a real date")).toBeInTheDocument();
    expect(print).not.toHaveBeenCalled();
  });
});
