import { afterEach, describe, expect, it, vi } from "vitest";
import { idleTimer, throttledHeartbeat } from "./activity";

describe("throttledHeartbeat", () => {
  it("sends at most once per interval however often activity happens", () => {
    let now = 1_000;
    const send = vi.fn();
    const beat = throttledHeartbeat(send, 15_000, () => now);

    beat();
    beat();
    now += 14_999;
    beat();
    expect(send).toHaveBeenCalledTimes(1);

    now += 1;
    beat();
    expect(send).toHaveBeenCalledTimes(2);
  });
});

describe("idleTimer", () => {
  afterEach(() => vi.useRealTimers());

  it("fires only after the timeout passes without a poke", () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    const timer = idleTimer(1_000, onIdle);

    vi.advanceTimersByTime(900);
    timer.poke();
    vi.advanceTimersByTime(900);
    expect(onIdle).not.toHaveBeenCalled();

    vi.advanceTimersByTime(100);
    expect(onIdle).toHaveBeenCalledTimes(1);

    timer.poke();
    timer.stop();
    vi.advanceTimersByTime(5_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
