// Shared set-up for the component tests: DOM matchers, and the browser APIs jsdom lacks.
import "@testing-library/jest-dom/vitest";

// jsdom does not lay out pages, so it has no scrolling; components only ask, never depend on it.
if (!Element.prototype.scrollIntoView) {
  Element.prototype.scrollIntoView = function scrollIntoView() {};
}
