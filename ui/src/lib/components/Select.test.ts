import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import Select from "./Select.svelte";

const options = [
  { value: "staff", label: "Staff" },
  { value: "volunteer", label: "Volunteers" },
];

describe("Select", () => {
  it("lists the placeholder first, then every option in order", () => {
    render(Select, { id: "group", value: "", options, placeholder: "Everyone", testid: "group" });
    const select = screen.getByTestId("group") as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ["", "Everyone"],
      ["staff", "Staff"],
      ["volunteer", "Volunteers"],
    ]);
    expect(select).toHaveValue("");
  });

  it("has no empty choice when there is no placeholder, and shows the value it was given", () => {
    render(Select, { id: "group", value: "volunteer", options, testid: "group" });
    const select = screen.getByTestId("group") as HTMLSelectElement;
    expect(select.options).toHaveLength(2);
    expect(select).toHaveValue("volunteer");
  });

  it("reports the chosen value", async () => {
    const onchange = vi.fn();
    render(Select, { id: "group", value: "", options, placeholder: "Everyone", onchange, testid: "group" });
    await userEvent.selectOptions(screen.getByTestId("group"), "Volunteers");
    expect(onchange).toHaveBeenCalledExactlyOnceWith("volunteer");
    expect(screen.getByTestId("group")).toHaveValue("volunteer");
  });

  it("is found by its label, and marks itself invalid with the error it is described by", () => {
    const { container } = render(Select, {
      id: "version",
      value: "",
      options,
      invalid: true,
      describedBy: "version-hint version-error",
    });
    const label = document.createElement("label");
    label.htmlFor = "version";
    label.textContent = "Version signed";
    container.prepend(label);
    const select = screen.getByRole("combobox", { name: "Version signed" });
    expect(select).toHaveAttribute("aria-invalid", "true");
    expect(select).toHaveAttribute("aria-describedby", "version-hint version-error");
    expect(select).toHaveClass("select--error");
  });

  it("cannot be changed while disabled", async () => {
    const onchange = vi.fn();
    render(Select, { id: "group", value: "", options, placeholder: "Choose an AUP first", disabled: true, onchange, testid: "group" });
    await userEvent.selectOptions(screen.getByTestId("group"), "Staff").catch(() => undefined);
    expect(onchange).not.toHaveBeenCalled();
    expect(screen.getByTestId("group")).toHaveValue("");
  });
});
