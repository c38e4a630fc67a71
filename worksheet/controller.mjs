// The worksheet's controller: ties the form, autosave, the engine and what is painted together.
// worksheet.mjs (on every page) imports it only where there is a worksheet, and calls `start`.
// The HTML it works on is generated at build time by src/followup_site/form.py.
//
// The parts, one concern each: form.mjs (answers in the form, rows, field errors), cards.mjs
// (draft cards; drafts.mjs: what their buttons do), plan.mjs (the timeline), summary.mjs (the problems list), hints.mjs (greetings
// and advice beside the fields), notices.mjs (notices and announcements), status.mjs (the
// engine's status line), interviews.mjs (the interviews, saved and in step with other tabs;
// store.mjs and merge.mjs below it), shelf.mjs (what the person does with interviews, and the
// Due list; picker.mjs paints them), files.mjs (the toolbar: import, export, downloads),
// engine.mjs (the worker's client, from client.mjs), protocol.mjs (every message and result
// type), dom.mjs (small helpers). Whatever depends on the answers (dates, file names, error
// sentences, greetings, which edits follow a removed row) comes from the engine: this code
// moves data and paints.

import { DraftCards, cardId } from "./cards.mjs";
import { find } from "./dom.mjs";
import { cardAction } from "./drafts.mjs";
import { ask, engine, restartEngine, watchStatus } from "./engine.mjs";
import { bindToolbar } from "./files.mjs";
import { CONTROLS, Form } from "./form.mjs";
import { paintAdvice, paintGreetings } from "./hints.mjs";
import { Interviews } from "./interviews.mjs";
import { Notices } from "./notices.mjs";
import { planElement } from "./plan.mjs";
import { Shelf } from "./shelf.mjs";
import { StatusLine } from "./status.mjs";
import { store } from "./store.mjs";
import { paintSummary } from "./summary.mjs";

/**
 * @typedef {import("./protocol.mjs").Draft} Draft
 * @typedef {import("./protocol.mjs").Edits} Edits
 * @typedef {import("./protocol.mjs").FieldError} FieldError
 * @typedef {import("./protocol.mjs").RenderResult} RenderResult
 * @typedef {import("./protocol.mjs").Status} Status
 * @typedef {import("./merge.mjs").InterviewRecord} InterviewRecord
 * @typedef {"saved" | "failed" | "off"} SaveState
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
      action: (id, action) => cardAction(this, id, action),
      edit: (id, text) => this.edit(id, text),
    });
    this.planBox = find(root, "[data-fw-plan]");
    this.summary = find(root, "[data-fw-summary]");
    this.notices = new Notices(find(root, "[data-fw-notices]"), find(root, "[data-fw-announce]"));
    this.status = new StatusLine(find(root, "[data-fw-status]"), () => this.retry());
    /** @type {Status | null} */
    this.lastStatus = null;
    this.book = new Interviews({
      changed: (record) => this.showNewer(record),
      lost: () => this.shelf.lost(),
      reloaded: (problems) => this.shelf.reloaded(problems),
      listed: () => this.shelf.listed(),
    });
    this.shelf = new Shelf(this);
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
    /** @type {SaveState} */
    this.saveState = "saved";
    /** @type {string | null} a draft to show once the drafts are painted (from the Due list) */
    this.pendingJump = null;
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
    const heard = (/** @type {StorageEvent} */ event) => {
      if (this.root.isConnected) this.book.heard(event);
      else window.removeEventListener("storage", heard);
    };
    window.addEventListener("storage", heard);
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
      const before = { answers: this.form.collect(), edits: structuredClone(this.edits) };
      this.form.removeRow(row.repeat, row.index)?.focus();
      this.followEdits(before.answers, row.repeat.dataset.fwRepeat ?? "", row.index);
      const item = `${row.repeat.dataset.fwItem ?? "Entry"} ${row.index + 1}`;
      this.saved();
      this.offerUndo(`Removed ${item.toLowerCase()}.`, () => {
        this.putBack(before.answers, before.edits);
        this.notices.announce(`${item} is back.`);
      });
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
        const result = await ask("remove_item", { answers, edits: sent, path, index });
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
    if (this.saveState === "off") return;
    const { saved, newer } = this.book.save(this.form.collect(), this.edits);
    if (newer) this.showNewer(newer);
    this.setSaved(saved);
    this.shelf.paint();
  }

  /**
   * Say when saving fails, once, and when it works again; the status line follows.
   * @param {boolean} saved
   */
  setSaved(saved) {
    if (this.saveState === "off") return;
    const state = saved ? "saved" : "failed";
    if (state === this.saveState) return;
    this.saveState = state;
    if (saved) {
      this.notices.dismiss("save");
      this.notices.announce("Your answers are being saved in this browser again.");
    } else {
      this.notices.show("warning", this.book.held
        ? "Nothing you change is saved until you download or discard the newer data above."
        : "Your browser refused to save your answers (its storage may be full). Use “Export " +
          "answers” to keep a copy.", { sticky: true, id: "save" });
    }
    if (this.lastStatus) this.showStatus(this.lastStatus);
  }

  restore() {
    if (!store.probe()) {
      this.saveState = "off";
      this.notices.show("warning",
        "This browser is not letting the page store anything, so your answers will be lost " +
          "when you leave. Use “Export answers” to keep a copy.",
        { sticky: true, id: "storage" });
    } else {
      for (const problem of this.book.open()) this.shelf.problem(problem);
      if (this.book.held) this.setSaved(false);
    }
    if (!this.book.stored() && this.form.filled()) {
      // Typed before this code ran, into a new interview: kept, and saved.
      this.revealFilled();
      this.persist();
      return;
    }
    this.showCurrent();
  }

  /** Show the current interview from scratch: its answers, its edits, no drafts yet. */
  showCurrent() {
    const record = this.book.current;
    this.edits = structuredClone(record.edits);
    this.editsSettled = Promise.resolve();
    this.revealed.clear();
    this.errors = [];
    this.cards.closeEditors();
    this.cards.clear();
    this.drafts = [];
    this.planBox.hidden = true;
    this.lastDraftSummary = "";
    this.answersFilename = ANSWERS_FILENAME;
    this.form.fill(record.answers);
    this.revealFilled();
    paintGreetings(this.form.element, []);
    paintAdvice(this.form.element, []);
    this.shelf.paint();
    this.scheduleRender(0);
  }

  /**
   * Another tab changed the current interview later than this one: show its answers and edits.
   * @param {InterviewRecord} record
   */
  showNewer(record) {
    this.form.fill(record.answers);
    this.edits = structuredClone(record.edits);
    this.revealFilled();
    this.shelf.paint();
    this.scheduleRender();
  }

  /**
   * Answers and edits back as they were (Undo): saved as a change made now.
   * @param {Record<string, any>} answers
   * @param {Edits} edits
   */
  putBack(answers, edits) {
    this.edits = edits;
    this.form.fill(answers);
    this.revealFilled();
    this.saved();
  }

  /** After loading answers, show the problems of every field that has something in it. */
  revealFilled() {
    for (const control of this.form.controls()) if (control.value) this.revealed.add(control.name);
  }

  /**
   * The notice every destructive action leaves: what happened, and Undo.
   * @param {string} message
   * @param {() => void} undo
   * @param {string} [id]
   */
  offerUndo(message, undo, id = "undo") {
    this.notices.show("info", message, { actions: [["Undo", undo]], id });
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
    const id = this.book.current.id;
    const payload = { answers: this.form.collect(), edits: { ...this.edits } };
    /** @type {RenderResult | null} */
    let result = null;
    try {
      result = await ask("render", payload);
      this.failed = false;
    } catch {
      this.failed = true; // the status line says why; a restarted engine renders again
    }
    this.inFlight = false;
    if (!this.root.isConnected) return;
    // Answers of an interview no longer shown are not painted (another render is on its way).
    if (result && id === this.book.current.id) this.apply(result, payload.edits);
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
    this.shelf.dueOf(this.book.current.id, result.due ?? []);
    // Greetings and advice are for answers the engine could read: none while there are problems.
    paintGreetings(this.form.element, result.people ?? []);
    paintAdvice(this.form.element, result.advice ?? []);
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
    if (this.pendingJump) this.jump(this.pendingJump);
  }

  /** @param {boolean} enabled */
  setExports(enabled) {
    for (const selector of ["[data-fw-ics]", "[data-fw-print]"]) {
      find(this.root, selector, HTMLButtonElement).disabled = !enabled;
    }
  }

  /**
   * Show a draft's card and move focus to it (from the Due list).
   * @param {string} id
   */
  jump(id) {
    this.pendingJump = null;
    const card = document.getElementById(cardId(id));
    if (!card) return;
    card.scrollIntoView({ block: "start" });
    card.focus({ preventScroll: true });
  }

  // --- the drafts -----------------------------------------------------------------------------

  /**
   * Typing in a draft's editor: the edit is kept, saved and reviewed by the engine.
   * @param {string} id
   * @param {{subject: string, body: string}} text
   */
  edit(id, text) {
    this.edits[id] = text;
    this.saved();
  }

  // --- the engine's status --------------------------------------------------------------------

  /** @param {Status} status */
  showStatus(status) {
    this.lastStatus = status;
    this.status.show(status, this.saveState === "off" ? null : this.saveState === "saved");
    if (status.stage === "ready") {
      if (this.failed) this.scheduleRender(0);
      this.shelf.refreshDue();
    }
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
