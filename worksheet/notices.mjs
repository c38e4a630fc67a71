// What the worksheet says: notices above the form (errors interrupt; the rest is announced
// politely) and the live region that tells screen-reader users what just happened.

import { h } from "./dom.mjs";

/**
 * @typedef {"info" | "warning" | "error"} NoticeKind
 * @typedef {{actions?: [string, () => void][], details?: string[], sticky?: boolean,
 *            id?: string}} NoticeOptions
 */

export class Notices {
  /**
   * @param {HTMLElement} box where notices go (`[data-fw-notices]`)
   * @param {HTMLElement} announcer the polite live region (`[data-fw-announce]`)
   */
  constructor(box, announcer) {
    this.box = box;
    this.announcer = announcer;
  }

  /**
   * Show a message above the form; `sticky` ones have no Dismiss button, and one with an `id`
   * replaces the notice of that id.
   * @param {NoticeKind} kind
   * @param {string} text
   * @param {NoticeOptions} [options]
   * @returns {HTMLElement} the notice
   */
  show(kind, text, { actions = [], details = [], sticky = false, id } = {}) {
    if (id) this.dismiss(id);
    // Errors interrupt (role=alert); anything else is said politely through the announcer.
    const box = h("div", { class: `fw-notice fw-notice--${kind}`, "data-fw-notice": id ?? kind,
      role: kind === "error" ? "alert" : null },
      h("p", { class: "fw-notice__text" }, text));
    if (kind !== "error") this.announce(text);
    if (details.length) box.append(h("ul", { class: "fw-notice__details" },
      ...details.map((line) => h("li", {}, line))));
    const buttons = h("div", { class: "fw-notice__actions" });
    for (const [label, action] of actions) {
      const button = h("button", { type: "button", class: "fw-btn" }, label);
      button.addEventListener("click", () => {
        action();
        if (label === "Undo") box.remove();
      });
      buttons.append(button);
    }
    if (!sticky) {
      const close = h("button", { type: "button", class: "fw-btn fw-btn--quiet" }, "Dismiss");
      close.addEventListener("click", () => box.remove());
      buttons.append(close);
    }
    if (buttons.childElementCount) box.append(buttons);
    this.box.append(box);
    return box;
  }

  /** @param {string} id */
  dismiss(id) {
    for (const box of this.box.querySelectorAll(`[data-fw-notice="${CSS.escape(id)}"]`)) {
      box.remove();
    }
  }

  clear() {
    this.box.replaceChildren();
  }

  /**
   * Say something to screen readers through the polite live region.
   * @param {string} message
   */
  announce(message) {
    this.announcer.textContent = message;
  }
}
