// The interviews above the form (form.py's `_book`): one button per interview (`data-interview`,
// its company and role) that shows it, the archived ones folded away, what can be done with
// the one shown, and the Due list across all of them, each step a link to its draft.

import { cardId } from "./cards.mjs";
import { find, h, setText } from "./dom.mjs";
import { nameOf } from "./merge.mjs";

/**
 * @typedef {import("./merge.mjs").InterviewRecord} InterviewRecord
 * @typedef {import("./protocol.mjs").InterviewDueStep} InterviewDueStep
 * @typedef {{open: (id: string) => void, jump: (id: string, draft: string) => void,
 *            create: (copy: boolean) => void, archive: () => void, remove: () => void}} PickerHandlers
 */

/** What an interview is called where it has no company or role yet. */
const UNTITLED = "Untitled interview";

/**
 * An interview's name in lists and notices: “Company — Role”.
 * @param {Record<string, any>} answers
 * @returns {string}
 */
export function interviewName(answers) {
  const { company, role } = nameOf(answers);
  return [company, role].filter(Boolean).join(" — ") || UNTITLED;
}

export class Picker {
  /**
   * @param {HTMLElement} box `[data-fw-book]`
   * @param {PickerHandlers} handlers
   */
  constructor(box, handlers) {
    this.box = box;
    this.list = find(box, "[data-fw-book-list]");
    this.archived = find(box, "[data-fw-book-archived]", HTMLDetailsElement);
    this.archivedList = find(box, "[data-fw-book-archived-list]");
    this.archivedCount = find(box, "[data-fw-book-archived-count]");
    this.archiveButton = find(box, "[data-fw-archive]", HTMLButtonElement);
    this.due = find(box, "[data-fw-due-body]");
    /** @type {Map<string, HTMLButtonElement>} interview id → its button, kept across paints */
    this.buttons = new Map();
    const copy = find(box, "[data-fw-new-copy]", HTMLInputElement);
    find(box, "[data-fw-new]").addEventListener("click", () => handlers.create(copy.checked));
    this.archiveButton.addEventListener("click", () => handlers.archive());
    find(box, "[data-fw-delete]").addEventListener("click", () => handlers.remove());
    box.addEventListener("click", (event) => {
      const target = /** @type {Element} */ (event.target);
      const button = /** @type {HTMLElement | null} */ (target.closest("[data-interview]"));
      if (button) {
        handlers.open(button.dataset.interview ?? "");
        return;
      }
      const link = /** @type {HTMLAnchorElement | null} */ (target.closest("[data-due-draft]"));
      if (link && !(event instanceof MouseEvent && (event.metaKey || event.ctrlKey ||
          event.shiftKey || event.altKey))) {
        event.preventDefault();
        event.stopPropagation(); // Material's instant navigation must not take the link
        handlers.jump(link.dataset.dueInterview ?? "", link.dataset.dueDraft ?? "");
      }
    });
  }

  /**
   * One button per interview, the current one marked; the archived ones in their own list.
   * @param {InterviewRecord[]} records every interview, oldest first (the current one included)
   * @param {string} current
   */
  paint(records, current) {
    const wanted = new Set(records.map((record) => record.id));
    for (const [id, button] of this.buttons) {
      if (!wanted.has(id)) {
        button.closest("li")?.remove();
        this.buttons.delete(id);
      }
    }
    const active = records.filter((record) => !record.archived);
    const archived = records.filter((record) => record.archived);
    this.place(this.list, active, current);
    this.place(this.archivedList, archived, current);
    this.archived.hidden = archived.length === 0;
    setText(this.archivedCount, String(archived.length));
    if (archived.some((record) => record.id === current)) this.archived.open = true;
    const shown = records.find((record) => record.id === current);
    setText(this.archiveButton, shown?.archived ? "Unarchive this interview" : "Archive this interview");
  }

  /**
   * @param {HTMLElement} list
   * @param {InterviewRecord[]} records
   * @param {string} current
   */
  place(list, records, current) {
    records.forEach((record, index) => {
      let button = this.buttons.get(record.id);
      if (!button) {
        button = h("button", { type: "button", class: "fw-book__item", "data-interview": record.id },
          h("span", { class: "fw-book__company" }), " ",
          h("span", { class: "fw-book__role" }));
        this.buttons.set(record.id, button);
      }
      const item = button.closest("li") ?? h("li", {}, button);
      if (list.children[index] !== item) list.insertBefore(item, list.children[index] ?? null);
      const { company, role } = nameOf(record.answers);
      setText(find(button, ".fw-book__company"), company || (role ? "" : UNTITLED));
      setText(find(button, ".fw-book__role"), company && role ? `— ${role}` : role);
      if (record.id === current) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    });
  }

  /**
   * The Due list: today's steps first (late ones included), then the rest of the week.
   * @param {(InterviewDueStep & {name: string})[]} steps in date order
   */
  paintDue(steps) {
    const today = steps.filter((step) => step.today);
    const later = steps.filter((step) => !step.today);
    /** @param {string} title @param {typeof steps} group */
    const section = (title, group) => group.length ? [
      h("h4", { class: "fw-due__when" }, title),
      h("ul", { class: "fw-due__list" }, ...group.map((step) => h("li", { class: "fw-due__item" },
        h("a", { href: `#${cardId(step.id)}`,
          "data-due-interview": step.interview, "data-due-draft": step.id }, step.label),
        h("span", { class: "fw-due__where" }, step.today ? step.name : `${step.name}, ${step.when_text}`)))),
    ] : [];
    this.due.replaceChildren(...(steps.length
      ? [...section("Today", today), ...section("In the next seven days", later)]
      : [h("p", { class: "fw-due__none" }, "Nothing to send in the next seven days.")]));
  }
}
