// Timing helpers for idle detection. The admin window reports activity to Rust (which owns the
// auto-lock); the kiosk window returns itself to the locked home when nobody is using it.

/** The events that count as someone using the window. */
export const ACTIVITY_EVENTS = ["keydown", "pointerdown", "pointermove", "wheel"] as const;

/**
 * Returns a function to call on every activity event. It calls `send` at most once per
 * `intervalMs`, so that moving the mouse does not flood Rust with heartbeats.
 */
export function throttledHeartbeat(
  send: () => void,
  intervalMs = 15_000,
  now: () => number = Date.now,
): () => void {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const t = now();
    if (t - last >= intervalMs) {
      last = t;
      send();
    }
  };
}

/** Listens for activity on `target` and returns a function that stops listening. */
export function watchActivity(target: Window, onActivity: () => void): () => void {
  const options = { passive: true, capture: true } as const;
  for (const name of ACTIVITY_EVENTS) target.addEventListener(name, onActivity, options);
  return () => {
    for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, onActivity, options);
  };
}

/**
 * Calls `onIdle` once after `timeoutMs` without a `poke()`. `stop()` cancels it for good.
 */
export function idleTimer(timeoutMs: number, onIdle: () => void) {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const poke = () => {
    clearTimeout(handle);
    handle = setTimeout(onIdle, timeoutMs);
  };
  const stop = () => clearTimeout(handle);
  poke();
  return { poke, stop };
}
