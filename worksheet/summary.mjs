// The list of problems above the drafts, each a button that takes you to its field.

import { h } from "./dom.mjs";

/** @typedef {import("./protocol.mjs").FieldError} FieldError */
/**
 * @typedef {{revealed: Set<string>, hasDrafts: boolean,
 *            control: (path: string) => HTMLElement | null}} SummaryState
 */

/**
 * Paint the summary: hidden when the answers are fine; else what to fill in or fix, said
 * gently while the only problems are required fields the person has not reached yet.
 * @param {HTMLElement} box `[data-fw-summary]`
 * @param {FieldError[] | null} errors null: the answers are fine
 * @param {SummaryState} state the paths the person has left, whether older drafts are
 *   shown, and each path's control (a problem with the whole file has none)
 */
export function paintSummary(box, errors, { revealed, hasDrafts, control }) {
  box.replaceChildren();
  if (!errors) {
    box.dataset.state = "ok";
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const onlyMissing = errors.every((error) => error.missing && !revealed.has(error.path));
  box.dataset.state = hasDrafts ? "stale" : "empty";
  const intro = hasDrafts
    ? "Your drafts below are from your earlier answers. To update them, fix:"
    : onlyMissing
      ? "Your drafts appear here as soon as you fill in:"
      : "To see your drafts, fix:";
  const list = h("ul", { class: "fw-summary__list" });
  for (const error of errors) {
    const text = onlyMissing ? error.label : `${error.label}: ${error.message}`;
    if (!control(error.path)) {
      list.append(h("li", {}, text));
      continue;
    }
    const button = h("button", { type: "button", class: "fw-linklike", "data-fw-goto": error.path },
      text);
    button.addEventListener("click", () => {
      const target = control(error.path);
      target?.focus();
      target?.scrollIntoView({ block: "center" });
    });
    list.append(h("li", {}, button));
  }
  box.append(h("p", {}, intro), list);
}
