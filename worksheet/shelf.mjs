// What the person does with their interviews, and what they hear of other tabs: start a new one
// (with their own details, if they like), switch, archive, delete and clear (both with Undo),
// load answers or a backup into them, and saved data that cannot be read (kept until downloaded
// or discarded). The Due list gathers what is due in every interview: the current one's from its
// render, the others' from one `due` request. picker.mjs paints the list and the Due view.

import { download, find } from "./dom.mjs";
import { ask } from "./engine.mjs";
import { Picker, interviewName } from "./picker.mjs";
import { store } from "./store.mjs";

/**
 * @typedef {import("./controller.mjs").Worksheet} Worksheet
 * @typedef {import("./store.mjs").Problem} Problem
 * @typedef {import("./protocol.mjs").DueStep} DueStep
 * @typedef {import("./protocol.mjs").FileInterview} FileInterview
 */

/** How long "Clear my data" can be undone: on a shared computer, the next person can't. */
const CLEAR_UNDO_MS = 60_000;
/** Wait after a change in another tab before the Due list is asked for again. */
const DUE_DELAY_MS = 400;
/** Values an import left out, listed in its notice; the rest are counted. */
const DETAILS_SHOWN = 12;

export class Shelf {
  /** @param {Worksheet} sheet */
  constructor(sheet) {
    this.sheet = sheet;
    this.picker = new Picker(find(sheet.root, "[data-fw-book]"), {
      open: (id) => this.open(id),
      jump: (id, draft) => this.jump(id, draft),
      create: (copy) => this.create(copy),
      archive: () => this.archive(),
      remove: () => this.remove(),
    });
    /** @type {Map<string, DueStep[]>} interview id → what is due in it */
    this.due = new Map();
    this.dueTimer = 0;
    this.dueShown = "";
  }

  get book() {
    return this.sheet.book;
  }

  /** The list as it is now (the current interview too, before it is first saved). */
  paint() {
    const records = this.book.list();
    if (!this.book.stored()) records.push(this.book.current);
    this.picker.paint(records, this.book.current.id);
    this.paintDue();
  }

  // --- the person's actions ---------------------------------------------------------------------

  /** @param {string} id */
  open(id) {
    if (id === this.book.current.id || !this.book.switchTo(id)) return;
    this.sheet.showCurrent();
    this.sheet.notices.announce(`Showing ${interviewName(this.book.current.answers)}.`);
  }

  /**
   * A step of the Due list: its interview, then its draft.
   * @param {string} id
   * @param {string} draft
   */
  jump(id, draft) {
    if (id === this.book.current.id) {
      this.sheet.jump(draft);
      return;
    }
    this.sheet.pendingJump = draft;
    this.open(id);
  }

  /** @param {boolean} copy whether the new interview starts with the candidate's details */
  create(copy) {
    const candidate = copy ? this.sheet.form.collect().candidate : undefined;
    const { saved } = this.book.create(candidate ? { version: 2, candidate } : {});
    this.sheet.setSaved(saved);
    this.sheet.showCurrent();
    this.sheet.form.control("company.name")?.focus();
    this.sheet.notices.announce("Started a new interview.");
  }

  archive() {
    const record = this.book.current;
    const archived = !record.archived;
    this.sheet.setSaved(this.book.archive(record.id, archived).saved);
    this.paint();
    this.refreshDue();
    const name = interviewName(record.answers);
    this.sheet.notices.announce(archived
      ? `Archived ${name}: it is under “Archived interviews”, and out of the Due list.`
      : `${name} is back among your interviews.`);
  }

  remove() {
    const name = interviewName(this.book.current.answers);
    const removed = this.book.remove(this.book.current.id);
    if (!removed) return;
    this.due.delete(removed.id);
    this.sheet.showCurrent();
    this.sheet.offerUndo(`Deleted the interview “${name}”.`, () => {
      this.sheet.setSaved(this.book.restore(removed).saved);
      this.sheet.showCurrent();
      this.sheet.notices.announce(`The interview “${name}” is back.`);
    });
  }

  /** "Clear my data": every interview, in every tab; Undo for a minute. */
  clear() {
    /** @type {Record<string, string> | null} */
    let before = store.available ? this.book.clear() : null;
    if (!store.available) this.book.current = { ...this.book.current, answers: {}, edits: {} };
    this.due.clear();
    this.sheet.notices.clear();
    this.sheet.showCurrent();
    const notice = this.sheet.notices.show("info",
      "Your answers and edits were cleared from this browser. You can undo this for a minute.",
      { id: "clear", actions: before ? [["Undo", () => {
        if (!before) return;
        const problems = this.book.unclear(before);
        before = null;
        this.reloaded(problems, "Your answers and edits are back.");
      }]] : [] });
    setTimeout(() => {
      before = null;
      for (const button of notice.querySelectorAll("button")) {
        if (button.textContent === "Undo") button.remove();
      }
    }, CLEAR_UNDO_MS);
  }

  /**
   * Interviews from a file or the example: into the current interview when it is blank (one of
   * them), else as new interviews; Undo either way.
   * @param {FileInterview[]} entries
   * @param {string} message what happened ("Imported “x.json”.")
   */
  add(entries, message) {
    const sheet = this.sheet;
    const problems = entries.some((entry) => entry.problems.length);
    const dropped = entries.flatMap((entry) => entry.dropped).map((error) =>
      `Not loaded: ${error.path || error.label} (${error.message}).`);
    const details = dropped.slice(0, DETAILS_SHOWN);
    if (dropped.length > DETAILS_SHOWN) details.push(`and ${dropped.length - DETAILS_SHOWN} more`);
    const unfinished = problems
      ? " Some answers are not finished yet: the fields to look at are marked." : "";
    // Nothing about an interview yet (the candidate's own details aside): the file goes there.
    const blank = !sheet.form.filled(["candidate."]) && !Object.keys(sheet.edits).length;
    if (entries.length === 1 && blank && !entries[0].archived) {
      this.replace(entries[0].answers, entries[0].edits, message + unfinished, details);
      return;
    }
    const previous = this.book.current.id;
    /** @type {string[]} */
    const added = [];
    for (const entry of entries) {
      const result = this.book.create(entry.answers, entry.edits);
      sheet.setSaved(result.saved);
      if (entry.archived) this.book.archive(result.record.id, true);
      added.push(result.record.id);
    }
    const shown = added.find((id) => !this.book.records.get(id)?.archived) ?? added[0];
    this.book.switchTo(shown);
    sheet.showCurrent();
    this.refreshDue();
    const count = entries.length === 1 ? "as a new interview" : `as ${entries.length} new interviews`;
    sheet.notices.dismiss("import");
    sheet.notices.show("info", `${message.replace(/\.$/, "")} ${count}.${unfinished}`, {
      actions: [["Undo", () => {
        for (const id of added) this.book.remove(id);
        this.book.switchTo(previous);
        sheet.showCurrent();
        sheet.notices.announce("The imported interviews were taken away again.");
      }]],
      details,
      id: "import",
    });
  }

  /**
   * Answers in place of the current interview's (a blank one), with Undo.
   * @param {Record<string, any>} answers
   * @param {import("./protocol.mjs").Edits} edits
   * @param {string} message
   * @param {string[]} details
   */
  replace(answers, edits, message, details) {
    const sheet = this.sheet;
    const before = { answers: sheet.form.collect(), edits: sheet.edits };
    sheet.notices.dismiss("import");
    sheet.cards.closeEditors();
    sheet.revealed.clear();
    sheet.putBack(answers, structuredClone(edits));
    sheet.notices.show("info", message, {
      actions: [["Undo", () => {
        sheet.revealed.clear();
        sheet.putBack(before.answers, before.edits);
        sheet.notices.announce("Your earlier answers are back.");
      }]],
      details,
      id: "import",
    });
  }

  // --- other tabs, and saved data that cannot be read ------------------------------------------

  /** Another tab changed the list (or an interview in it). A tab showing a new, blank
   * interview nobody has typed into follows the other tab to the interview it started. */
  listed() {
    if (!this.book.stored() && !this.sheet.form.filled() && this.book.list().length) {
      this.book.pick(store.lastOpened());
      this.sheet.showCurrent();
    } else {
      this.paint();
    }
    this.refreshDue(DUE_DELAY_MS);
  }

  /** Another tab deleted the interview shown here. */
  lost() {
    this.book.pick(null);
    this.sheet.showCurrent();
    this.sheet.notices.show("info", "The interview you were looking at was deleted in another tab.",
      { id: "undo" });
  }

  /**
   * Everything was read again: another tab cleared the data, or put it back.
   * @param {Problem[]} [problems] what could not be read this time
   * @param {string} [message]
   */
  reloaded(problems = [], message = undefined) {
    for (const problem of problems) this.problem(problem);
    if (this.book.held) this.sheet.setSaved(false);
    this.due.clear();
    this.sheet.showCurrent();
    this.refreshDue();
    const gone = this.book.list().length === 0;
    this.sheet.notices.dismiss("undo");
    this.sheet.notices.show("info", message ?? (gone
      ? "Your answers and edits were cleared from this browser (in another tab)."
      : "Your interviews were changed in another tab; this one shows them as they are now."),
    { id: "reloaded" });
  }

  /**
   * Saved data that cannot be read: kept as it is until the person downloads or discards it.
   * @param {Problem} problem
   */
  problem(problem) {
    const notices = this.sheet.notices;
    const id = `problem-${problem.key}`;
    const what = this.book.held ? "Your saved interviews" : "Some of your saved answers";
    const why = problem.why === "newer"
      ? "were saved by a newer version of this worksheet (open in another tab, perhaps), so " +
        "this one does not show them"
      : "could not be read, so they are not shown";
    notices.show("error",
      `${what} ${why}. They are kept as they are until you download them or discard them.`, {
        id,
        sticky: true,
        actions: [
          ["Download the unreadable data", () =>
            download("follow-up-unreadable-data.txt", problem.raw, "text/plain;charset=utf-8")],
          ["Discard it", () => this.discard(problem, id)],
        ],
      });
  }

  /**
   * @param {Problem} problem
   * @param {string} id its notice
   */
  discard(problem, id) {
    const before = this.book.held ? store.clear() : { [problem.key]: problem.raw };
    if (!this.book.held) store.remove(problem.key);
    this.sheet.notices.dismiss(id);
    if (this.book.held) this.reopen();
    const held = this.book.held;
    this.sheet.offerUndo("Discarded the unreadable data.", () => {
      if (held) store.restore(before);
      else store.put(problem.key, problem.raw);
      this.reopen();
    });
  }

  /** Read the store again and show what is there now. */
  reopen() {
    this.sheet.notices.clear();
    for (const problem of this.book.open()) this.problem(problem);
    this.sheet.setSaved(!this.book.held);
    this.sheet.showCurrent();
  }

  // --- the Due list -----------------------------------------------------------------------------

  /**
   * The current interview's steps, from its render.
   * @param {string} id
   * @param {DueStep[]} steps
   */
  dueOf(id, steps) {
    this.due.set(id, steps);
    this.paintDue();
  }

  /** Ask the engine what is due in the other interviews (soon, once, after many changes). */
  refreshDue(delay = 0) {
    clearTimeout(this.dueTimer);
    this.dueTimer = window.setTimeout(async () => {
      const current = this.book.current.id;
      const others = this.book.list().filter((record) => !record.archived && record.id !== current);
      for (const id of this.due.keys()) if (id !== current) this.due.delete(id);
      if (others.length) {
        try {
          const result = await ask("due", {
            interviews: others.map((record) => ({ id: record.id, answers: record.answers })),
          });
          for (const step of result.due ?? []) {
            if (step.interview === this.book.current.id) continue;
            this.due.set(step.interview, [...(this.due.get(step.interview) ?? []), step]);
          }
        } catch {
          // The engine is down: the other interviews' steps show once it renders again.
        }
      }
      this.paintDue();
    }, delay);
  }

  /** Every listed, unarchived interview's steps, in date order (interviews in list order). */
  paintDue() {
    const records = this.book.list();
    if (!this.book.stored()) records.push(this.book.current);
    const steps = records
      .filter((record) => !record.archived)
      .flatMap((record) => (this.due.get(record.id) ?? []).map((step) =>
        ({ ...step, interview: record.id, name: interviewName(record.answers) })))
      .sort((a, b) => (a.send_on < b.send_on ? -1 : a.send_on > b.send_on ? 1 : 0));
    const shown = JSON.stringify(steps);
    if (shown === this.dueShown) return;
    this.dueShown = shown;
    this.picker.paintDue(steps);
  }
}
