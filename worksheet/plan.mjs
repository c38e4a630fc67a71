// The plan as the worksheet paints it: the structure the guide's plan shares
// (src/followup_site/cards.py, styled in docs/stylesheets/cards.css), each step a link to its
// draft's card. Every date and phrase comes from the engine (protocol.mjs: Plan).
//
// The links jump by script: Material's instant navigation takes over same-page links and
// leaves the page where it is.

import { cardId } from "./cards.mjs";
import { h } from "./dom.mjs";

/**
 * @typedef {import("./protocol.mjs").Plan} Plan
 * @typedef {import("./protocol.mjs").PlanStep} PlanStep
 */

/**
 * The plan as a timeline: the interview, then each send date with its steps, the line before
 * each date as long as the wait; then the steps kept for when something happens.
 * @param {Plan} plan
 * @returns {HTMLElement}
 */
export function planElement(plan) {
  const timeline = h("ol", { class: "fu-timeline", "aria-label": "Follow-up timeline" },
    ...plan.days.map((day) => {
      const start = day.start ? " fu-timeline__item--start" : "";
      const item = h("li", { class: `fu-timeline__item${start}` },
        h("time", { class: "fu-timeline__date", datetime: day.date }, day.date_text),
        h("span", { class: "fu-timeline__when" }, day.when_text),
        day.steps.length ? steps(day.steps) : null);
      item.style.setProperty("--fu-gap", String(day.gap));
      return item;
    }));
  const undated = plan.undated.length
    ? [h("p", { class: "fu-plan__undated" }, "Keep ready for when it happens"), steps(plan.undated)]
    : [];
  return h("div", { class: "fu-plan" }, timeline, ...undated);
}

/**
 * @param {PlanStep[]} list
 * @returns {HTMLElement}
 */
function steps(list) {
  return h("ul", { class: "fu-steps" },
    ...list.map((step) => {
      const link = h("a", { href: `#${cardId(step.id)}` }, step.label);
      link.addEventListener("click", jump);
      return h("li", { "data-plan-kind": step.kind }, link);
    }));
}

/**
 * Show the card a step links to, and move focus there (the card takes focus from script only).
 * @param {MouseEvent} event
 */
function jump(event) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = /** @type {HTMLAnchorElement} */ (event.currentTarget);
  const card = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!card) return;
  event.preventDefault();
  event.stopPropagation();
  card.scrollIntoView({ block: "start" });
  card.focus({ preventScroll: true });
}
