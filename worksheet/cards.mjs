// The worksheet's draft cards: the structure the guide's cards share (src/followup_site/cards.py,
// styled once in docs/stylesheets/cards.css; `fu-` classes), plus what only the worksheet has
// (`fw-` classes: the Edited badge, findings, the editor and the actions). Cards are kept by
// draft id, so open editors and focus survive a re-render; every text comes from the engine.

import { find, h, setText } from "./dom.mjs";

/** @typedef {import("./protocol.mjs").Draft} Draft */
/** @typedef {import("./protocol.mjs").Finding} Finding */
/**
 * What a card asks of the worksheet: an action button was pressed, or its editor changed.
 * @typedef {{action: (id: string, action: string) => void,
 *            edit: (id: string, text: {subject: string, body: string}) => void}} CardHandlers
 */

const SEVERITY_LABELS = { error: "Fix", warning: "Check", info: "Tip" };
/** A finding's guide link as the engine writes it: `page/#anchor`, relative to the site root. */
const GUIDE_PATH = /^[a-z0-9-]+(?:\/[a-z0-9-]+)*\/(?:#[a-z0-9-]+)?$/;

/**
 * A guide link as the engine writes it (`page/#anchor`, from the site root) as a link from the
 * worksheet's page, one level down; null when it is not one.
 * @param {string} guide
 * @returns {string | null}
 */
export function guideHref(guide) {
  return GUIDE_PATH.test(guide) ? `../${guide}` : null;
}

/**
 * The DOM id of a draft's card: `kind.1` → `fw-draft-kind-1`.
 * @param {string} id
 * @returns {string}
 */
export function cardId(id) {
  return `fw-draft-${id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

// One element of a card (newCard built it, so it is there).
const part = find;

export class DraftCards {
  /**
   * @param {HTMLElement} box the drafts' container (`[data-fw-drafts]`)
   * @param {HTMLElement} title their heading, hidden while there are none
   * @param {CardHandlers} handlers
   */
  constructor(box, title, handlers) {
    this.box = box;
    this.title = title;
    this.handlers = handlers;
    /** @type {Map<string, HTMLElement>} draft id → card */
    this.cards = new Map();
  }

  /**
   * One card per draft, in order: new ones made, gone ones removed, the rest updated.
   * @param {Draft[]} drafts
   */
  paint(drafts) {
    const wanted = new Set(drafts.map((draft) => draft.id));
    for (const [id, card] of this.cards) {
      if (!wanted.has(id)) {
        card.remove();
        this.cards.delete(id);
      }
    }
    drafts.forEach((draft, index) => {
      let card = this.cards.get(draft.id);
      if (!card) {
        card = this.newCard(draft.id);
        this.cards.set(draft.id, card);
      }
      updateCard(card, draft);
      if (this.box.children[index] !== card) {
        this.box.insertBefore(card, this.box.children[index] ?? null);
      }
    });
    this.box.dataset.state = drafts.length ? "ready" : "empty";
    this.title.hidden = !drafts.length;
  }

  /** No cards at all (the answers were cleared). */
  clear() {
    this.cards.clear();
    this.box.replaceChildren();
    this.box.dataset.state = "empty";
    this.title.hidden = true;
  }

  /** The drafts shown are from earlier answers (the current ones have problems). */
  markStale() {
    if (this.cards.size) this.box.dataset.state = "stale";
  }

  /**
   * The fixed parts of a card; updateCard fills in the text.
   * @param {string} id
   * @returns {HTMLElement}
   */
  newCard(id) {
    const dom = cardId(id);
    const card = h("article", { class: "fu-draft", id: dom, "aria-labelledby": `${dom}-title`,
      tabindex: "-1" },
      h("header", { class: "fu-draft__head" },
        h("h4", { class: "fu-draft__title", id: `${dom}-title` }),
        h("span", { class: "fw-badge", "data-fw-edited": true, hidden: true }, "Edited")),
      h("dl", { class: "fu-draft__meta" },
        h("dt", {}, "To"), h("dd", { class: "fu-draft__to" }),
        h("dt", {}, "Send"), h("dd", { class: "fu-draft__when" })),
      h("div", { class: "fu-draft__view" },
        h("p", { class: "fu-draft__subject" },
          h("span", { class: "fu-draft__subject-label" }, "Subject: "),
          h("span", { "data-draft-part": "subject" })),
        h("pre", { class: "fu-draft__body", "data-draft-part": "body" })),
      h("div", { class: "fw-draft__editor", id: `${dom}-editor`, "data-fw-editor": true,
        hidden: true },
        h("div", { class: "fw-field", "data-fw-edit-subject-field": true },
          h("label", { class: "fw-label", for: `${dom}-edit-subject` }, "Subject"),
          h("input", { type: "text", id: `${dom}-edit-subject`, "data-fw-edit": "subject" })),
        h("div", { class: "fw-field" },
          h("label", { class: "fw-label", for: `${dom}-edit-body` }, "Message"),
          h("textarea", { id: `${dom}-edit-body`, rows: "14", "data-fw-edit": "body" }))),
      h("ul", { class: "fw-findings", "data-fw-findings": true, hidden: true }),
      h("div", { class: "fw-draft__actions" },
        h("button", { type: "button", class: "fw-btn", "data-fw-action": "copy" }, "Copy message"),
        h("button", { type: "button", class: "fw-btn", "data-fw-action": "copy-subject" },
          "Copy subject"),
        h("button", { type: "button", class: "fw-btn", "data-fw-action": "edit",
          "aria-expanded": "false", "aria-controls": `${dom}-editor` }, "Edit"),
        h("button", { type: "button", class: "fw-btn", "data-fw-action": "reset", hidden: true },
          "Reset to generated"),
        h("button", { type: "button", class: "fw-btn", "data-fw-action": "eml" }, "Download .eml"),
        h("button", { type: "button", class: "fw-btn", "data-fw-action": "txt" }, "Download .txt"),
        h("a", { class: "fw-btn", "data-fw-action": "mailto", hidden: true }, "Open in mail app")),
    );
    card.addEventListener("click", (event) => {
      const button = /** @type {HTMLElement | null} */ (
        /** @type {Element} */ (event.target).closest("[data-fw-action]"));
      // The mail link is a real link: the browser follows it.
      if (button && button.tagName !== "A") this.handlers.action(id, button.dataset.fwAction ?? "");
    });
    card.addEventListener("input", (event) => {
      if (!(/** @type {Element} */ (event.target).matches("[data-fw-edit]"))) return;
      this.handlers.edit(id, {
        subject: part(card, '[data-fw-edit="subject"]', HTMLInputElement).value,
        body: part(card, '[data-fw-edit="body"]', HTMLTextAreaElement).value,
      });
    });
    return card;
  }

  /**
   * Open or close a draft's editor (opening it starts from the text shown); closing it
   * returns the Edit button to "Edit".
   * @param {Draft} draft
   */
  toggleEditor(draft) {
    const card = this.cards.get(draft.id);
    if (!card) return;
    const opening = part(card, "[data-fw-editor]").hidden === true;
    if (opening) this.setEditor(draft.id, draft.subject, draft.body);
    showEditor(card, opening);
    if (opening) part(card, '[data-fw-edit="body"]').focus();
  }

  /**
   * Put text into a draft's editor.
   * @param {string} id
   * @param {string} subject
   * @param {string} body
   */
  setEditor(id, subject, body) {
    const card = this.cards.get(id);
    if (!card) return;
    part(card, '[data-fw-edit="subject"]', HTMLInputElement).value = subject;
    part(card, '[data-fw-edit="body"]', HTMLTextAreaElement).value = body;
  }

  /** Close every open editor (its text belongs to answers that are being replaced). */
  closeEditors() {
    for (const card of this.cards.values()) showEditor(card, false);
  }
}

/**
 * @param {HTMLElement} card
 * @param {boolean} open
 */
function showEditor(card, open) {
  part(card, "[data-fw-editor]").hidden = !open;
  part(card, ".fu-draft__view").hidden = open;
  const button = part(card, '[data-fw-action="edit"]');
  button.textContent = open ? "Done editing" : "Edit";
  button.setAttribute("aria-expanded", String(open));
}

/**
 * Fill a card with one draft's texts, files and findings.
 * @param {HTMLElement} card
 * @param {Draft} draft
 */
function updateCard(card, draft) {
  card.dataset.draftKind = draft.kind;
  card.dataset.draftId = draft.id;
  card.dataset.channel = draft.channel;
  setText(part(card, ".fu-draft__title"), draft.label);
  part(card, "[data-fw-edited]").hidden = !draft.edited;
  setText(part(card, ".fu-draft__to"), draft.to_text);
  setText(part(card, ".fu-draft__when"), draft.when_text);
  setText(part(card, '[data-draft-part="subject"]'), draft.subject);
  part(card, ".fu-draft__subject").hidden = !draft.subject;
  setText(part(card, '[data-draft-part="body"]'), draft.body);
  // A subject field only where the channel has subjects (not for a letter or LinkedIn).
  part(card, "[data-fw-edit-subject-field]").hidden = !draft.subject && !draft.generated.subject;
  const editor = part(card, "[data-fw-editor]");
  if (editor.hidden) {
    part(card, '[data-fw-edit="subject"]', HTMLInputElement).value = draft.subject;
    part(card, '[data-fw-edit="body"]', HTMLTextAreaElement).value = draft.body;
  }
  part(card, '[data-fw-action="reset"]').hidden = !draft.edited;
  part(card, '[data-fw-action="copy-subject"]').hidden = !draft.subject;
  part(card, '[data-fw-action="eml"]').hidden = draft.channel !== "email";
  const mailto = part(card, '[data-fw-action="mailto"]', HTMLAnchorElement);
  mailto.hidden = !draft.mailto;
  if (draft.mailto) mailto.href = draft.mailto;
  else mailto.removeAttribute("href");
  paintFindings(part(card, "[data-fw-findings]"), draft.findings);
}

/**
 * @param {HTMLElement} list
 * @param {Finding[]} findings
 */
function paintFindings(list, findings) {
  list.hidden = findings.length === 0;
  list.replaceChildren(
    ...findings.map((finding) => {
      const severity = /** @type {keyof SEVERITY_LABELS} */ (
        finding.severity in SEVERITY_LABELS ? finding.severity : "info");
      const item = h("li", { class: `fw-finding fw-finding--${severity}`, "data-finding": finding.code },
        h("span", { class: "fw-finding__severity" }, SEVERITY_LABELS[severity]),
        " ", finding.message);
      const href = guideHref(finding.guide);
      if (href) item.append(" ", h("a", { href }, "What the guide says"));
      return item;
    }),
  );
}
