// What the engine says about the answers, beside the fields it is about: the greeting the drafts
// use for each person (so that "Greet as" can correct it), and advice that makes a better plan
// (a concern without an answer, news for a note to stay in touch). Gentle: neither is an error.

import { guideHref } from "./cards.mjs";
import { h, setText } from "./dom.mjs";

/**
 * @typedef {import("./protocol.mjs").Advice} Advice
 * @typedef {import("./protocol.mjs").Person} Person
 */

/**
 * Show each person's greeting in their "Greet as" field's slot (form.py's `data-fw-greeting`).
 * @param {HTMLElement} form
 * @param {Person[]} people
 */
export function paintGreetings(form, people) {
  const greetings = new Map(people.map((person) => [person.path, person.greeting]));
  for (const node of form.querySelectorAll("[data-fw-greeting]")) {
    const slot = /** @type {HTMLElement} */ (node);
    const greeting = greetings.get(slot.dataset.fwGreeting ?? "") ?? "";
    // Empty when hidden: the control's description names the slot, hidden or not.
    setText(slot, greeting ? `The drafts greet them: “${greeting}”` : "");
    slot.hidden = !greeting;
  }
}

/**
 * Put each piece of advice below the field it names (after its error), and take away the
 * advice that no longer applies; the field's control is described by it.
 * @param {HTMLElement} form
 * @param {Advice[]} advice
 */
export function paintAdvice(form, advice) {
  const wanted = new Map(advice.map((item) => [item.path, item]));
  for (const node of form.querySelectorAll("[data-fw-advice]")) {
    const slot = /** @type {HTMLElement} */ (node);
    if (!wanted.has(slot.dataset.fwAdvice ?? "")) {
      describe(form, slot.dataset.fwAdvice ?? "", slot.id, false);
      slot.remove();
    }
  }
  for (const item of advice) {
    const field = form.querySelector(`[data-fw-field="${CSS.escape(item.path)}"]`);
    if (!field) continue;
    const id = `fw-advice-${item.path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
    let slot = /** @type {HTMLElement | null} */ (field.querySelector("[data-fw-advice]"));
    if (!slot) {
      slot = h("p", { class: "fw-advice", id, "data-fw-advice": item.path });
      field.append(slot);
      describe(form, item.path, id, true);
    }
    const href = guideHref(item.guide);
    const content = [item.message, ...(href ? [" ", h("a", { href }, "What the guide says")] : [])];
    if (slot.dataset.fwAdviceCode !== item.code || slot.textContent !== textOf(content)) {
      slot.dataset.fwAdviceCode = item.code;
      slot.replaceChildren(...content);
    }
  }
}

/** @param {(string | HTMLElement)[]} content */
function textOf(content) {
  return content.map((part) => (typeof part === "string" ? part : part.textContent)).join("");
}

/**
 * Add or take away an id in the aria-describedby of the control at `path`.
 * @param {HTMLElement} form
 * @param {string} path
 * @param {string} id
 * @param {boolean} add
 */
function describe(form, path, id, add) {
  const control = form.querySelector(`[name="${CSS.escape(path)}"]`);
  if (!control) return;
  const ids = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean)
    .filter((known) => known !== id);
  if (add) ids.push(id);
  control.setAttribute("aria-describedby", ids.join(" "));
}
