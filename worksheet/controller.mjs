// The worksheet's controller: ties the form, autosave, the engine and what is painted together.
// worksheet.mjs (on every page) imports it only where there is a worksheet, and calls `start`.
// The HTML it works on is generated at build time by src/followup_site/form.py.
//
// The parts, one concern each: form.mjs (answers in the form, rows, field errors), cards.mjs
// (draft cards), plan.mjs (the timeline), summary.mjs (the problems list), notices.mjs (notices
// and announcements), status.mjs (the engine's status line), storage.mjs (autosave), files.mjs
// (the toolbar: import, export, downloads), engine.mjs (the worker's client, from client.mjs),
// protocol.mjs (every message and result type), dom.mjs (small helpers). Whatever depends on the
// answers (dates, file names, error sentences, which edits follow a removed row) comes from the
// engine: this code moves data and paints.

import { DraftCards } from "./cards.mjs";
import { copyText, download, find } from "./dom.mjs";
import { engine, restartEngine, watchStatus } from "./engine.mjs";
import { bindToolbar, downloadFromEngine } from "./files.mjs";
import { CONTROLS, Form } from "./form.mjs";
import { Notices } from "./notices.mjs";
import { planElement } from "./plan.mjs";
import { StatusLine } from "./status.mjs";
import { storage } from "./storage.mjs";
import { paintSummary } from "./summary.mjs";

/**
 * @typedef {import("./protocol.mjs").Draft} Draft
 * @typedef {import("./protocol.mjs").Edits} Edits
 * @typedef {import("./protocol.mjs").FieldError} FieldError
 * @typedef {import("./protocol.mjs").RenderResult} RenderResult
 * @typedef {import("./protocol.mjs").Status} Status
 */

/** The answers file's name until the engine has named it after the company. */
const ANSWERS_FILENAME = "follow-up-answers.json";

export class Worksheet {
  /**
   * @param {HTMLElement} root
   * @param {number} renderDelay milliseconds after the last change before the drafts are redone
   */
  constructor(root, renderDelay) {
    this.root = root;
    this.renderDelay = renderDelay;
    this.form = new Form(find(root, "[data-fw-form]"));
    this.cards = new DraftCards(find(root, "[data-fw-drafts]"), find(root, "[data-fw-drafts-title]"), {
      action: (id, action) => this.cardAction(id, action),
      edit: (id, text) => this.edit(id, text),
    });
    this.planBox = find(root, "[data-fw-plan]");
    this.summary = find(root, "[data-fw-summary]");
    this.notices = new Notices(find(root, "[data-fw-notices]"), find(root, "[data-fw-announce]"));
    this.status = new StatusLine(find(root, "[data-fw-status]"), () => this.retry());
    /** @type {Edits} */
    this.edits = {};
    /** The edits once the engine has renumbered them after a removed row; renders wait. */
    this.editsSettled = Promise.resolve();
    /** Paths whose errors may show: the person has left the field, or loaded a file. */
    this.revealed = new Set();
    /** @type {FieldError[]} */
    this.errors = [];
    /** @type {Draft[]} */
    this.drafts = [];
    this.answersFilename = ANSWERS_FILENAME;
    this.timer = 0;
    this.inFlight = false;
    this.dirty = false;
    /** The last request failed (engine down or restarted): render again once it is ready. */
    this.failed = false;
    this.lastDraftSummary = "";
    this.saveFailed = false;
  }

  start() {
    engine(); // start loading Python at once; the form does not wait for it
    watchStatus((status) => this.showStatus(status));
    this.restore();
    const form = this.form.element;
    form.addEventListener("input", (event) => this.changed(event));
    form.addEventListener("change", (event) => this.changed(event));
    form.addEventListener("focusout", (event) => this.left(event));
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("click", (event) => this.formClick(event));
    bindToolbar(this);
    this.scheduleRender(0);
  }

  // --- the form -------------------------------------------------------------------------------

  /** @param {Event} event */
  changed(event) {
    const target = /** @type {HTMLInputElement} */ (event.target);
    if (target.closest("[data-fw-form]") !== this.form.element || !target.matches(CONTROLS)) return;
    if (event.type === "change") this.revealed.add(target.name);
    this.saved();
  }

  /** @param {FocusEvent} event */
  left(event) {
    const target = /** @type {HTMLInputElement} */ (event.target);
    if (!target.matches?.(CONTROLS)) return;
    this.revealed.add(target.name);
    this.form.showErrors(this.errors, this.revealed);
  }

  /** @param {MouseEvent} event */
  formClick(event) {
    const button = /** @type {Element} */ (event.target).closest("button");
    const row = button && this.form.rowOf(button);
    if (!button || !row) return;
    if (button.matches("[data-fw-add]")) {
      const first = this.form.addRow(row.repeat);
      if (!first) return;
      first.focus();
      this.saved();
    } else if (button.matches("[data-fw-remove]")) {
      const before = this.form.collect();
      this.form.removeRow(row.repeat, row.index)?.focus();
      this.followEdits(before, row.repeat.dataset.fwRepeat ?? "", row.index);
      const item = row.repeat.dataset.fwItem?.toLowerCase() ?? "entry";
      this.notices.announce(`Removed ${item} ${row.index + 1}.`);
      this.saved();
    }
  }

  /**
   * Drafts written per entry (a thank-you per interviewer) are numbered by entry: once one is
   * removed, the engine says which edits move. Renders wait for that.
   * @param {Record<string, unknown>} answers as they were before the removal
   * @param {string} path the list
   * @param {number} index the entry removed
   */
  followEdits(answers, path, index) {
    const sent = this.edits;
    const before = JSON.stringify(sent);
    if (before === "{}") return;
    const settled = (async () => {
      try {
        const request = { answers, edits: sent, path, index };
        const result = await (await engine()).request("remove_item", request);
        // Edits changed meanwhile (typed, or other answers loaded) are left as they are.
        if (result.edits && this.edits === sent && JSON.stringify(sent) === before) {
          this.edits = result.edits;
        }
      } catch {
        // The engine is down: the edits stay as they were.
      }
      this.persist();
    })();
    this.editsSettled = settled;
  }

  /** Save now and re-render soon: called on every change to answers or edits. */
  saved() {
    this.persist();
    this.scheduleRender();
  }

  persist() {
    if (!storage.available) return;
    if (!storage.save({ answers: this.form.collect(), edits: this.edits }) && !this.saveFailed) {
      this.saveFailed = true;
      this.notices.show("warning",
        "Your browser refused to save your answers (its storage may be full). Use “Export " +
          "answers” to keep a copy.");
    }
  }

  restore() {
    if (!storage.probe()) {
      this.notices.show("warning",
        "This browser is not letting the page store anything, so your answers will be lost " +
          "when you leave. Use “Export answers” to keep a copy.",
        { sticky: true, id: "storage" });
      return;
    }
    const loaded = storage.load();
    if (!loaded.ok) {
      const raw = loaded.corrupt;
      storage.clear();
      this.notices.show("error",
        "Your saved answers could not be read, so the worksheet has started afresh. You can " +
          "download what was stored to recover it by hand.",
        {
          actions: [["Download the unreadable data", () =>
            download("follow-up-unreadable-data.txt", raw, "text/plain;charset=utf-8")]],
          sticky: true,
        });
      return;
    }
    if (!loaded.saved) return;
    this.edits = loaded.saved.edits;
    this.form.fill(loaded.saved.answers);
    this.revealFilled();
  }

  /** After loading answers, show the problems of every field that has something in it. */
  revealFilled() {
    for (const control of this.form.controls()) if (control.value) this.revealed.add(control.name);
  }

  // --- rendering ------------------------------------------------------------------------------

  /** @param {number} [delay] */
  scheduleRender(delay = this.renderDelay) {
    this.setBusy(true);
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      this.render();
    }, delay);
  }

  /** @param {boolean} busy */
  setBusy(busy) {
    this.root.dataset.fwBusy = String(busy);
  }

  /** Busy ends once nothing is scheduled or in flight. */
  idle() {
    if (!this.timer && !this.inFlight) this.setBusy(false);
  }

  /** One render request at a time; changes made meanwhile are sent when it returns. */
  async render() {
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    this.inFlight = true;
    this.dirty = false;
    await this.editsSettled;
    const payload = { answers: this.form.collect(), edits: { ...this.edits } };
    /** @type {RenderResult | null} */
    let result = null;
    try {
      result = await (await engine()).request("render", payload);
      this.failed = false;
    } catch {
      this.failed = true; // the status line says why; a restarted engine renders again
    }
    this.inFlight = false;
    if (!this.root.isConnected) return;
    if (result) this.apply(result, payload.edits);
    if (this.dirty) this.render();
    else this.idle();
  }

  /**
   * Paint one engine result.
   * @param {RenderResult} result
   * @param {Edits} sent the edits the request carried
   */
  apply(result, sent) {
    this.errors = result.ok ? [] : result.errors;
    // The answers file is named after the company once the answers are complete.
    this.answersFilename = (result.ok && result.answers_filename) || ANSWERS_FILENAME;
    this.form.showErrors(this.errors, this.revealed);
    paintSummary(this.summary, result.ok ? null : this.errors, {
      revealed: this.revealed,
      hasDrafts: this.drafts.length > 0,
      control: (path) => this.form.control(path),
    });
    if (!result.ok) {
      this.cards.markStale();
      this.setExports(false);
      return;
    }
    const drafts = result.drafts ?? [];
    // An edit that matches the generated text again is no edit (unless it changed meanwhile).
    for (const draft of drafts) {
      if (!draft.edited && this.edits[draft.id] && this.edits[draft.id] === sent[draft.id]) {
        delete this.edits[draft.id];
        this.persist();
      }
    }
    this.drafts = drafts;
    const body = find(this.planBox, "[data-fw-plan-body]");
    const plan = result.plan ?? { days: [], undated: [] };
    body.replaceChildren(planElement(plan));
    this.planBox.hidden = drafts.length === 0;
    this.cards.paint(drafts);
    this.setExports(drafts.length > 0);
    // Said when the drafts change in number or in review notes, not on every keystroke.
    const notes = drafts.filter((draft) => draft.findings.length).length;
    const summary = `${drafts.length} draft${drafts.length === 1 ? "" : "s"} ready` +
      (notes ? `, ${notes} with review notes.` : ".");
    if (summary !== this.lastDraftSummary) {
      this.lastDraftSummary = summary;
      this.notices.announce(summary);
    }
  }

  /** @param {boolean} enabled */
  setExports(enabled) {
    for (const selector of ["[data-fw-ics]", "[data-fw-print]"]) {
      find(this.root, selector, HTMLButtonElement).disabled = !enabled;
    }
  }

  // --- the drafts -----------------------------------------------------------------------------

  /**
   * A card's button was pressed.
   * @param {string} id
   * @param {string} action
   */
  async cardAction(id, action) {
    const draft = this.drafts.find((candidate) => candidate.id === id);
    if (!draft) return;
    const copied = async (/** @type {string} */ text, /** @type {string} */ what) =>
      this.notices.announce((await copyText(text))
        ? `Copied the ${what}.` : "Could not copy; select the text and copy it yourself.");
    switch (action) {
      case "copy":
        await copied(draft.body, "message");
        break;
      case "copy-subject":
        await copied(draft.subject, "subject");
        break;
      case "edit":
        this.cards.toggleEditor(draft);
        break;
      case "reset":
        delete this.edits[id];
        this.cards.setEditor(id, draft.generated.subject, draft.generated.body);
        this.notices.announce("The draft is back to the generated text.");
        this.saved();
        break;
      case "eml":
        await downloadFromEngine(this, "eml", { id }, "message/rfc822");
        break;
      case "txt":
        download(draft.text_filename, draft.text, "text/plain;charset=utf-8");
        break;
      default:
        break;
    }
  }

  /**
   * Typing in a draft's editor: the edit is kept, saved and reviewed by the engine.
   * @param {string} id
   * @param {{subject: string, body: string}} text
   */
  edit(id, text) {
    this.edits[id] = text;
    this.saved();
  }

  /**
   * Load new answers in place of the current ones (edits belong to the old answers), with undo.
   * @param {Record<string, unknown>} answers
   * @param {string} message
   */
  replaceAnswers(answers, message) {
    const before = { answers: this.form.collect(), edits: this.edits };
    this.notices.dismiss("import");
    this.cards.closeEditors();
    this.load(answers, {});
    this.notices.show("info", message, {
      actions: [["Undo", () => {
        this.load(before.answers, before.edits);
        this.notices.announce("Your earlier answers are back.");
      }]],
      id: "import",
    });
  }

  /**
   * @param {Record<string, unknown>} answers
   * @param {Edits} edits
   */
  load(answers, edits) {
    this.edits = edits;
    this.revealed.clear();
    this.form.fill(answers);
    this.revealFilled();
    this.saved();
  }

  clearAll() {
    if (!window.confirm("Clear all your answers and edited drafts from this browser? " +
        "This cannot be undone.")) return;
    storage.clear();
    this.edits = {};
    this.revealed.clear();
    this.form.fill({});
    this.drafts = [];
    this.answersFilename = ANSWERS_FILENAME;
    // The next drafts are news even if there are as many as before: say so again.
    this.lastDraftSummary = "";
    this.cards.clear();
    this.planBox.hidden = true;
    this.notices.clear();
    this.notices.show("info", "Your answers and edits were cleared from this browser.");
    this.scheduleRender(0);
  }

  // --- the engine's status --------------------------------------------------------------------

  /** @param {Status} status */
  showStatus(status) {
    this.status.show(status, Boolean(storage.available));
    if (status.stage === "ready" && this.failed) this.scheduleRender(0);
  }

  retry() {
    this.failed = true;
    restartEngine();
  }
}

/**
 * Run the worksheet in `root` (worksheet.mjs calls this once per root).
 * @param {HTMLElement} root
 * @param {number} renderDelay see Worksheet
 */
export function start(root, renderDelay) {
  new Worksheet(root, renderDelay).start();
}

/** The page has no worksheet (any more): the engine's status goes nowhere. */
export function leave() {
  watchStatus(null);
}
