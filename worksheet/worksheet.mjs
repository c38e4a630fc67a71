// The worksheet page: form state, autosave, requests to the engine worker, and the drafts and
// plan painted with DOM APIs only (user text is never parsed as HTML).
//
// Loaded on every page of the site (Material's instant navigation swaps pages without reloading),
// it does nothing where there is no `[data-fw-root]`, and only there starts the engine worker.
// The HTML it works on is generated at build time by worksheet/form.py.

/** localStorage key of the saved worksheet: {version, answers, edits}. */
const STORAGE_KEY = "followup-worksheet";
const SAVE_VERSION = 1;
/**
 * Pause after the last keystroke before the drafts are re-rendered. Short, because one render
 * takes ~20 ms and only one is in flight at a time (keystrokes meanwhile coalesce into the next).
 */
const RENDER_DELAY_MS = 30;
/** Longer mailto: links are cut short by some mail apps and browsers. */
const MAILTO_LIMIT = 2000;
/** Loading that has not moved on for this long gets a Retry button (a download that hangs). */
const STALL_MS = 45_000;
/** An answers file is a few kilobytes; anything this large is not one. */
const IMPORT_LIMIT_BYTES = 1_000_000;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const SEVERITY_LABELS = { error: "Fix", warning: "Check", info: "Tip" };
/** A finding's guide link as the engine writes it: `page/#anchor`, relative to the site root. */
const GUIDE_PATH = /^[a-z0-9-]+(?:\/[a-z0-9-]+)*\/(?:#[a-z0-9-]+)?$/;
const CONTROLS = "input[name], select[name], textarea[name]";

/**
 * @typedef {{path: string, message: string}} FieldError
 * @typedef {{code: string, severity: string, message: string, guide: string}} Finding
 * @typedef {{id: string, kind: string, label: string, channel: string,
 *            to: {name: string, email: string}, subject: string, body: string,
 *            send_on: string | null, findings: Finding[], edited: boolean,
 *            generated: {subject: string, body: string}}} Draft
 * @typedef {{id: string, kind: string, label: string, send_on: string | null,
 *            weekday: string | null, date_text: string | null}} PlanRow
 * @typedef {{ok: boolean, errors: FieldError[], drafts?: Draft[], plan?: PlanRow[],
 *            answers?: Record<string, any>}} RenderResult
 * @typedef {Record<string, {subject: string, body: string}>} Edits
 * @typedef {{type: "status", stage: string, message: string}} Status
 * @typedef {{request: (type: string, payload?: object) => Promise<any>,
 *            onStatus: (callback: (status: Status) => void) => void,
 *            restart: () => void}} Client
 */

// ---------------------------------------------------------------------------------------------
// Small DOM helpers

/**
 * Create an element; children are nodes or strings (always inserted as text).
 * @param {string} tag
 * @param {Record<string, string | boolean | null | undefined>} [attrs]
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElement}
 */
function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/**
 * Offer text as a file download without leaving the page.
 * @param {string} filename
 * @param {string} text
 * @param {string} type
 */
function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  // Detached: Material's instant navigation never sees the click.
  const link = h("a", { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Copy text, falling back to a selection where the Clipboard API is unavailable (plain http).
 * @param {string} text
 * @returns {Promise<boolean>}
 */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h("textarea", { "aria-hidden": "true", class: "fw-offscreen", readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    area.remove();
    return copied;
  }
}

/**
 * A file-name-safe form of a name, like the engine's: ASCII letters and digits joined by dashes.
 * @param {string} text
 * @returns {string}
 */
function slug(text) {
  const parts = text.toLowerCase().replace(/[^a-z0-9]+/g, "-").split("-").filter(Boolean);
  return parts.join("-").slice(0, 40) || "draft";
}

/**
 * `Thursday 3 December 2026`, the engine's date style, from an ISO date.
 * @param {string} iso
 * @returns {string}
 */
function longDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return `${WEEKDAYS[date.getUTCDay()]} ${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * Whole days from one ISO date to another.
 * @param {string} from
 * @param {string} to
 * @returns {number}
 */
function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 864e5);
}

// ---------------------------------------------------------------------------------------------
// Answers as nested data, addressed by the dotted paths that name the form's controls

/**
 * The value at a dotted path, or undefined; only own properties are followed.
 * @param {unknown} data
 * @param {string} path
 * @returns {unknown}
 */
function getPath(data, path) {
  let node = data;
  for (const part of path.split(".")) {
    if (Array.isArray(node) && /^\d+$/.test(part)) node = node[Number(part)];
    else if (node && typeof node === "object" && Object.hasOwn(node, part)) {
      node = /** @type {Record<string, unknown>} */ (node)[part];
    } else return undefined;
  }
  return node;
}

/**
 * Set a value at a dotted path, creating objects, or lists where the next part is an index.
 * @param {Record<string, any>} data
 * @param {string} path
 * @param {unknown} value
 */
function setPath(data, path, value) {
  const parts = path.split(".");
  let node = data;
  parts.forEach((part, index) => {
    const key = Array.isArray(node) ? Number(part) : part;
    if (index === parts.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] === undefined) node[key] = /^\d+$/.test(parts[index + 1]) ? [] : {};
    node = node[key];
  });
}

/**
 * True when a list entry has nothing in it (a form row nobody filled).
 * @param {unknown} entry
 * @returns {boolean}
 */
function isBlank(entry) {
  if (typeof entry === "string") return !entry.trim();
  if (entry && typeof entry === "object") return Object.values(entry).every(isBlank);
  return entry === undefined || entry === null;
}

/**
 * An engine message as it reads next to its field: `This field is required`.
 * @param {string} message
 * @returns {string}
 */
function fieldMessage(message) {
  if (/^(is|must|has|contains)\b/.test(message)) return `This field ${message}.`;
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}

// ---------------------------------------------------------------------------------------------
// Storage that may be missing, full or corrupt

/**
 * @typedef {{answers: Record<string, any>, edits: Edits}} Saved
 * @typedef {{ok: true, saved: Saved | null} | {ok: false, corrupt: string}} Loaded
 */

const storage = {
  /** @type {boolean | null} */
  available: null,

  /** @returns {boolean} whether anything can be kept in this browser */
  probe() {
    if (this.available === null) {
      try {
        const key = `${STORAGE_KEY}:probe`;
        localStorage.setItem(key, "1");
        localStorage.removeItem(key);
        this.available = true;
      } catch {
        this.available = false;
      }
    }
    return this.available;
  },

  /** @returns {Loaded} */
  load() {
    /** @type {string | null} */
    let raw = null;
    try {
      raw = localStorage.getItem(STORAGE_KEY);
    } catch {
      return { ok: true, saved: null };
    }
    if (raw === null) return { ok: true, saved: null };
    try {
      const data = JSON.parse(raw);
      if (!data || typeof data !== "object" || data.version !== SAVE_VERSION) throw new Error();
      if (!data.answers || typeof data.answers !== "object" || Array.isArray(data.answers)) {
        throw new Error();
      }
      return { ok: true, saved: { answers: data.answers, edits: cleanEdits(data.edits) } };
    } catch {
      return { ok: false, corrupt: raw };
    }
  },

  /**
   * @param {Saved} saved
   * @returns {boolean} false when the browser refused to store it
   */
  save(saved) {
    if (!this.available) return false;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: SAVE_VERSION, ...saved }));
      return true;
    } catch {
      return false;
    }
  },

  clear() {
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Nothing was stored, then.
    }
  },
};

/**
 * Keep only well-formed edits: {draft id: {subject, body}} with text values.
 * @param {unknown} edits
 * @returns {Edits}
 */
function cleanEdits(edits) {
  /** @type {Edits} */
  const out = {};
  if (!edits || typeof edits !== "object") return out;
  for (const [id, edit] of Object.entries(edits)) {
    if (edit && typeof edit.subject === "string" && typeof edit.body === "string") {
      out[id] = { subject: edit.subject, body: edit.body };
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The engine worker: one per page load, started only where there is a worksheet

/** @type {Promise<Client> | null} */
let clientPromise = null;
/** @type {Status | null} */
let lastStatus = null;
/** @type {Worksheet | null} the worksheet on the current page, if any */
let current = null;

/** @returns {Promise<Client>} */
function engine() {
  if (!clientPromise) {
    // Imported here, not at the top, so that the form never waits for them.
    const modules = Promise.all([import("./client.mjs"), import("./offline.mjs")]);
    clientPromise = modules.then(([{ createClient }, offline]) => {
      const url = new URL("./worker.mjs", import.meta.url);
      // No offline copy wanted: then no memory snapshot of the engine either (worker.mjs).
      if (!offline.keepsOfflineCopy()) url.searchParams.set("snapshot", "off");
      const client = /** @type {Client} */ (createClient(url));
      client.onStatus((status) => {
        lastStatus = status;
        current?.showStatus(status);
        // Only now does the offline copy take the runtime: it is in the HTTP cache by then.
        if (status.stage === "ready") offline.keepRuntime().catch(() => {});
      });
      return client;
    });
    clientPromise.catch((error) => {
      const status = {
        type: /** @type {const} */ ("status"),
        stage: "error",
        message: `The drafting engine could not start: ${error?.message ?? error}`,
      };
      lastStatus = status;
      current?.showStatus(status);
    });
  }
  return clientPromise;
}

// ---------------------------------------------------------------------------------------------
// The worksheet

class Worksheet {
  /** @param {HTMLElement} root */
  constructor(root) {
    this.root = root;
    this.form = /** @type {HTMLFormElement} */ (root.querySelector("[data-fw-form]"));
    this.draftsBox = /** @type {HTMLElement} */ (root.querySelector("[data-fw-drafts]"));
    this.planBox = /** @type {HTMLElement} */ (root.querySelector("[data-fw-plan]"));
    this.summary = /** @type {HTMLElement} */ (root.querySelector("[data-fw-summary]"));
    this.notices = /** @type {HTMLElement} */ (root.querySelector("[data-fw-notices]"));
    /** @type {Edits} */
    this.edits = {};
    /** Paths whose errors may show: the person has left the field, or loaded a file. */
    this.revealed = new Set();
    /** @type {FieldError[]} */
    this.errors = [];
    /** @type {Map<string, HTMLElement>} draft id → card */
    this.cards = new Map();
    /** @type {Draft[]} */
    this.drafts = [];
    this.timer = 0;
    this.inFlight = false;
    this.dirty = false;
    /** The last request failed (engine down or restarted): render again once it is ready. */
    this.failed = false;
    this.lastDraftSummary = "";
    this.saveFailed = false;
    this.stallTimer = 0;
  }

  start() {
    engine(); // start loading Python at once; the form does not wait for it
    this.showStatus(lastStatus);
    this.restore();
    this.form.addEventListener("input", (event) => this.changed(event));
    this.form.addEventListener("change", (event) => this.changed(event));
    this.form.addEventListener("focusout", (event) => this.left(event));
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.form.addEventListener("click", (event) => this.formClick(event));
    this.root.querySelector("[data-fw-retry]")?.addEventListener("click", () => this.retry());
    this.bindToolbar();
    this.scheduleRender(0);
  }

  // --- the form ------------------------------------------------------------------------------

  /** @returns {(HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[]} */
  controls() {
    return [...this.form.querySelectorAll(CONTROLS)];
  }

  /**
   * @param {string} path
   * @returns {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null}
   */
  control(path) {
    return this.form.querySelector(`[name="${CSS.escape(path)}"]`);
  }

  /** The answers as the form holds them, in the v1 shape, blank list entries included. */
  collect() {
    /** @type {Record<string, any>} */
    const answers = { version: 1 };
    for (const node of this.form.querySelectorAll(`[data-fw-repeat], ${CONTROLS}`)) {
      if (node instanceof HTMLFieldSetElement) setPath(answers, node.dataset.fwRepeat ?? "", []);
      else {
        const control = /** @type {HTMLInputElement} */ (node);
        setPath(answers, control.name, control.value);
      }
    }
    return answers;
  }

  /** The answers to export: as collected, without list entries nobody filled in. */
  exportable() {
    const answers = this.collect();
    for (const repeat of this.repeats()) {
      const path = repeat.dataset.fwRepeat ?? "";
      const list = getPath(answers, path);
      if (Array.isArray(list)) setPath(answers, path, list.filter((entry) => !isBlank(entry)));
    }
    return answers;
  }

  /**
   * Put answers into the form; anything that is not text is left empty.
   * @param {Record<string, any>} answers
   */
  fill(answers) {
    for (const repeat of this.repeats()) {
      const list = getPath(answers, repeat.dataset.fwRepeat ?? "");
      const max = Number(repeat.dataset.fwMax);
      this.setRows(repeat, Math.max(1, Math.min(Array.isArray(list) ? list.length : 0, max)));
    }
    for (const control of this.controls()) {
      const value = getPath(answers, control.name);
      control.value = typeof value === "string" ? value : "";
      // A choice the list does not offer cannot be shown; it reads as not given.
      if (control instanceof HTMLSelectElement && control.value !== value) control.value = "";
    }
  }

  /** @returns {HTMLFieldSetElement[]} */
  repeats() {
    return [...this.form.querySelectorAll("fieldset[data-fw-repeat]")];
  }

  /**
   * Make a repeating group hold exactly `count` rows, adding blank ones from its template.
   * @param {HTMLFieldSetElement} repeat
   * @param {number} count
   */
  setRows(repeat, count) {
    const rows = /** @type {HTMLElement} */ (repeat.querySelector("[data-fw-rows]"));
    while (rows.children.length > count) rows.lastElementChild?.remove();
    while (rows.children.length < count) rows.append(this.newRow(repeat, rows.children.length));
    this.updateRepeat(repeat);
  }

  /**
   * A blank row for index `index`: the template with its index placeholder filled in.
   * @param {HTMLFieldSetElement} repeat
   * @param {number} index
   * @returns {HTMLElement}
   */
  newRow(repeat, index) {
    const template = /** @type {HTMLTemplateElement} */ (repeat.querySelector("[data-fw-template]"));
    const row = /** @type {HTMLElement} */ (
      /** @type {DocumentFragment} */ (template.content.cloneNode(true)).firstElementChild
    );
    for (const element of [row, ...row.querySelectorAll("*")]) {
      for (const attr of [...element.attributes]) {
        if (attr.value.includes("__i__")) attr.value = attr.value.replaceAll("__i__", String(index));
      }
    }
    return row;
  }

  /**
   * Number the rows for people, and stop adding at the group's limit.
   * @param {HTMLFieldSetElement} repeat
   */
  updateRepeat(repeat) {
    const rows = [...(repeat.querySelector("[data-fw-rows]")?.children ?? [])];
    rows.forEach((row, index) => {
      for (const number of row.querySelectorAll("[data-fw-n]")) number.textContent = String(index + 1);
    });
    const full = rows.length >= Number(repeat.dataset.fwMax);
    const add = /** @type {HTMLButtonElement} */ (repeat.querySelector("[data-fw-add]"));
    add.disabled = full;
    /** @type {HTMLElement} */ (repeat.querySelector("[data-fw-limit]")).hidden = !full;
  }

  /** @param {MouseEvent} event */
  formClick(event) {
    const button = /** @type {HTMLElement} */ (event.target)?.closest?.("button");
    if (!button) return;
    const repeat = /** @type {HTMLFieldSetElement | null} */ (button.closest("[data-fw-repeat]"));
    if (!repeat) return;
    if (button.matches("[data-fw-add]")) this.addRow(repeat);
    else if (button.matches("[data-fw-remove]")) {
      const row = /** @type {HTMLElement} */ (button.closest("[data-fw-row]"));
      this.removeRow(repeat, [...(row.parentElement?.children ?? [])].indexOf(row));
    }
  }

  /** @param {HTMLFieldSetElement} repeat */
  addRow(repeat) {
    const rows = /** @type {HTMLElement} */ (repeat.querySelector("[data-fw-rows]"));
    if (rows.children.length >= Number(repeat.dataset.fwMax)) return;
    const row = this.newRow(repeat, rows.children.length);
    rows.append(row);
    this.updateRepeat(repeat);
    /** @type {HTMLElement | null} */ (row.querySelector(CONTROLS))?.focus();
    this.saved();
  }

  /**
   * Remove one row; the rows are rebuilt from the remaining values, so later ones move up.
   * @param {HTMLFieldSetElement} repeat
   * @param {number} index
   */
  removeRow(repeat, index) {
    const path = repeat.dataset.fwRepeat ?? "";
    const answers = this.collect();
    const list = /** @type {unknown[]} */ (getPath(answers, path));
    if (path === "interview.interviewers") this.shiftEdits(list, index);
    list.splice(index, 1);
    const rows = /** @type {HTMLElement} */ (repeat.querySelector("[data-fw-rows]"));
    rows.replaceChildren();
    this.setRows(repeat, list.length);
    for (const control of rows.querySelectorAll(CONTROLS)) {
      const value = getPath(answers, control.name);
      /** @type {HTMLInputElement} */ (control).value = typeof value === "string" ? value : "";
    }
    const next = rows.children[Math.min(index, rows.children.length - 1)];
    /** @type {HTMLElement | null} */ (
      next?.querySelector(CONTROLS) ?? repeat.querySelector("[data-fw-add]")
    )?.focus();
    this.announce(`Removed ${repeat.dataset.fwItem?.toLowerCase() ?? "entry"} ${index + 1}.`);
    this.saved();
  }

  /**
   * Thank-you notes are numbered by interviewer: when one goes, edits of later notes move up.
   * @param {unknown[]} interviewers
   * @param {number} removed
   */
  shiftEdits(interviewers, removed) {
    if (isBlank(interviewers[removed])) return;
    const position = interviewers.slice(0, removed).filter((entry) => !isBlank(entry)).length;
    /** @type {Edits} */
    const edits = {};
    for (const [id, edit] of Object.entries(this.edits)) {
      const match = /^thank_you\.(\d+)$/.exec(id);
      if (!match) edits[id] = edit;
      else if (Number(match[1]) < position) edits[id] = edit;
      else if (Number(match[1]) > position) edits[`thank_you.${Number(match[1]) - 1}`] = edit;
    }
    this.edits = edits;
  }

  /** @param {Event} event */
  changed(event) {
    const target = /** @type {HTMLElement} */ (event.target);
    if (target.closest("[data-fw-form]") !== this.form || !target.matches(CONTROLS)) return;
    if (event.type === "change") this.revealed.add(/** @type {HTMLInputElement} */ (target).name);
    this.saved();
  }

  /** @param {FocusEvent} event */
  left(event) {
    const target = /** @type {HTMLElement} */ (event.target);
    if (!target.matches?.(CONTROLS)) return;
    this.revealed.add(/** @type {HTMLInputElement} */ (target).name);
    this.showFieldErrors();
  }

  /** Save now and re-render soon: called on every change to answers or edits. */
  saved() {
    this.persist();
    this.scheduleRender();
  }

  persist() {
    if (!storage.available) return;
    if (!storage.save({ answers: this.collect(), edits: this.edits }) && !this.saveFailed) {
      this.saveFailed = true;
      this.notice(
        "warning",
        "Your browser refused to save your answers (its storage may be full). Use “Export " +
          "answers” to keep a copy.",
      );
    }
  }

  restore() {
    if (!storage.probe()) {
      this.notice(
        "warning",
        "This browser is not letting the page store anything, so your answers will be lost " +
          "when you leave. Use “Export answers” to keep a copy.",
        { sticky: true, id: "storage" },
      );
      return;
    }
    const loaded = storage.load();
    if (!loaded.ok) {
      const raw = loaded.corrupt;
      storage.clear();
      this.notice(
        "error",
        "Your saved answers could not be read, so the worksheet has started afresh. You can " +
          "download what was stored to recover it by hand.",
        {
          actions: [
            ["Download the unreadable data", () =>
              download("follow-up-unreadable-data.txt", raw, "text/plain;charset=utf-8")],
          ],
          sticky: true,
        },
      );
      return;
    }
    if (!loaded.saved) return;
    this.edits = loaded.saved.edits;
    this.fill(loaded.saved.answers);
    this.revealFilled();
  }

  /** After loading answers, show the problems of every field that has something in it. */
  revealFilled() {
    for (const control of this.controls()) if (control.value) this.revealed.add(control.name);
  }

  // --- rendering -----------------------------------------------------------------------------

  /** @param {number} [delay] */
  scheduleRender(delay = RENDER_DELAY_MS) {
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

  /** One render request at a time; changes made meanwhile are sent when it returns. */
  async render() {
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    this.inFlight = true;
    this.dirty = false;
    const payload = { answers: this.collect(), edits: { ...this.edits } };
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
    else if (!this.timer) this.setBusy(false);
  }

  /**
   * Paint one engine result.
   * @param {RenderResult} result
   * @param {Edits} sent the edits the request carried
   */
  apply(result, sent) {
    this.errors = result.ok ? [] : result.errors ?? [];
    this.showFieldErrors();
    this.paintSummary(Boolean(result.ok));
    if (!result.ok) {
      if (this.drafts.length) this.draftsBox.dataset.state = "stale";
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
    this.paintPlan(result.plan ?? [], result.answers?.interview?.date ?? "");
    this.paintDrafts(drafts, result.plan ?? []);
    this.setExports(drafts.length > 0);
    // Said when the drafts change in number or in review notes, not on every keystroke.
    const notes = drafts.filter((draft) => draft.findings.length).length;
    const summary = `${drafts.length} draft${drafts.length === 1 ? "" : "s"} ready` +
      (notes ? `, ${notes} with review notes.` : ".");
    if (summary !== this.lastDraftSummary) {
      this.lastDraftSummary = summary;
      this.announce(summary);
    }
  }

  /** @param {boolean} enabled */
  setExports(enabled) {
    for (const selector of ["[data-fw-ics]", "[data-fw-print]"]) {
      const button = /** @type {HTMLButtonElement} */ (this.root.querySelector(selector));
      button.disabled = !enabled;
    }
  }

  /** Each error next to its field, once the person has had a chance to fill it in. */
  showFieldErrors() {
    /** @type {Map<string, string[]>} */
    const byPath = new Map();
    for (const { path, message } of this.errors) {
      byPath.set(path, [...(byPath.get(path) ?? []), fieldMessage(message)]);
    }
    for (const slot of this.root.querySelectorAll("[data-fw-error]")) {
      const path = /** @type {HTMLElement} */ (slot).dataset.fwError ?? "";
      const control = this.control(path);
      const messages = byPath.get(path);
      const visible = Boolean(messages) && (!control || this.revealed.has(path));
      const text = visible ? (messages ?? []).join(" ") : "";
      if (slot.textContent !== text) slot.textContent = text;
      if (control) {
        if (visible) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
      slot.closest(".fw-field")?.classList.toggle("fw-field--invalid", visible);
    }
  }

  /**
   * What a path is called on screen: `Interviewer 2 › Email`.
   * @param {string} path
   * @returns {string}
   */
  describePath(path) {
    const control = this.control(path);
    if (control) {
      const label = control.labels?.[0]?.textContent?.replace(/\s*\*\s*$/, "").trim() ?? path;
      const legend = control.closest(".fw-item")?.querySelector("legend")?.textContent?.trim();
      return legend ? `${legend} › ${label}` : label;
    }
    const group = this.form.querySelector(`[data-fw-repeat="${CSS.escape(path)}"] > legend`);
    return group?.textContent?.trim() || path || "The answers";
  }

  /**
   * The list of problems above the drafts, each a button that takes you to its field.
   * @param {boolean} ok
   */
  paintSummary(ok) {
    this.summary.replaceChildren();
    if (ok) {
      this.summary.dataset.state = "ok";
      this.summary.hidden = true;
      return;
    }
    this.summary.hidden = false;
    const onlyMissing = this.errors.every(
      (error) => error.message === "is required" && !this.revealed.has(error.path),
    );
    const hasDrafts = this.drafts.length > 0;
    this.summary.dataset.state = hasDrafts ? "stale" : "empty";
    const intro = hasDrafts
      ? "Your drafts below are from your earlier answers. To update them, fix:"
      : onlyMissing
        ? "Your drafts appear here as soon as you fill in:"
        : "To see your drafts, fix:";
    const list = h("ul", { class: "fw-summary__list" });
    for (const error of this.errors) {
      const label = this.describePath(error.path);
      const text = onlyMissing ? label : `${label}: ${error.message}`;
      const control = this.control(error.path);
      list.append(
        h("li", {},
          control
            ? h("button", { type: "button", class: "fw-linklike", "data-fw-goto": error.path }, text)
            : text),
      );
    }
    this.summary.append(h("p", {}, intro), list);
    for (const button of this.summary.querySelectorAll("[data-fw-goto]")) {
      button.addEventListener("click", () => {
        const control = this.control(/** @type {HTMLElement} */ (button).dataset.fwGoto ?? "");
        control?.focus();
        control?.scrollIntoView({ block: "center" });
      });
    }
  }

  /**
   * The plan as a timeline: the interview, then each send date with its steps, spaced by the
   * days between them; then the drafts kept for when something happens.
   * @param {PlanRow[]} plan
   * @param {string} interviewDate
   */
  paintPlan(plan, interviewDate) {
    const body = /** @type {HTMLElement} */ (this.planBox.querySelector("[data-fw-plan-body]"));
    this.planBox.hidden = plan.length === 0;
    /** @type {Map<string, PlanRow[]>} */
    const byDate = new Map();
    const undated = [];
    for (const row of plan) {
      if (row.send_on) byDate.set(row.send_on, [...(byDate.get(row.send_on) ?? []), row]);
      else undated.push(row);
    }
    const timeline = h("ol", { class: "fw-timeline", "aria-label": "Follow-up timeline" });
    if (interviewDate) {
      // Steps due on the day itself (a same-day thank-you) hang off the interview.
      const sameDay = byDate.get(interviewDate);
      byDate.delete(interviewDate);
      timeline.append(
        h("li", { class: "fw-timeline__item fw-timeline__item--start" },
          h("time", { class: "fw-timeline__date", datetime: interviewDate }, longDate(interviewDate)),
          h("span", { class: "fw-timeline__when" },
            sameDay ? "The interview; send the same day:" : "The interview"),
          sameDay ? this.planSteps(sameDay) : null),
      );
    }
    let previous = interviewDate;
    for (const [date, rows] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
      const after = interviewDate ? daysBetween(interviewDate, date) : 0;
      const gap = previous ? daysBetween(previous, date) : 0;
      previous = date;
      const item = h("li", { class: "fw-timeline__item" },
        h("time", { class: "fw-timeline__date", datetime: date },
          rows[0].weekday && rows[0].date_text ? `${rows[0].weekday} ${rows[0].date_text}` : date),
        h("span", { class: "fw-timeline__when" },
          after === 0 ? "Interview day"
            : `${after} day${after === 1 ? "" : "s"} after the interview`),
        this.planSteps(rows));
      // The line before a step grows with the wait before it, within bounds.
      item.style.setProperty("--fw-gap", String(Math.min(Math.max(gap, 0), 30)));
      timeline.append(item);
    }
    const parts = [timeline];
    if (undated.length) {
      parts.push(
        h("h4", { class: "fw-subheading fw-plan__undated-title" }, "Keep ready for when it happens"),
        this.planSteps(undated),
      );
    }
    body.replaceChildren(...parts);
  }

  /**
   * @param {PlanRow[]} rows
   * @returns {HTMLElement}
   */
  planSteps(rows) {
    return h("ul", { class: "fw-steps" },
      ...rows.map((row) =>
        h("li", { "data-plan-kind": row.kind },
          h("a", { href: `#${cardId(row.id)}`, "data-fw-jump": row.id }, row.label))));
  }

  /**
   * One card per draft, kept by id so open editors and focus survive a re-render.
   * @param {Draft[]} drafts
   * @param {PlanRow[]} plan
   */
  paintDrafts(drafts, plan) {
    const dates = new Map(plan.map((row) => [row.id, row]));
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
      this.updateCard(card, draft, dates.get(draft.id));
      if (this.draftsBox.children[index] !== card) {
        this.draftsBox.insertBefore(card, this.draftsBox.children[index] ?? null);
      }
    });
    this.draftsBox.dataset.state = drafts.length ? "ready" : "empty";
    /** @type {HTMLElement} */ (this.root.querySelector("[data-fw-drafts-title]")).hidden =
      !drafts.length;
  }

  /**
   * The fixed parts of a card; updateCard fills in the text.
   * @param {string} id
   * @returns {HTMLElement}
   */
  newCard(id) {
    const dom = cardId(id);
    const card = h("article", { class: "fw-draft", id: dom, "aria-labelledby": `${dom}-title` },
      h("header", { class: "fw-draft__head" },
        h("h4", { class: "fw-draft__title", id: `${dom}-title` }),
        h("span", { class: "fw-badge", "data-fw-edited": true, hidden: true }, "Edited")),
      h("dl", { class: "fw-draft__meta" },
        h("dt", {}, "To"), h("dd", { "data-fw-to": true }),
        h("dt", {}, "Send"), h("dd", { "data-fw-when": true })),
      h("div", { class: "fw-draft__view", "data-fw-view": true },
        h("p", { class: "fw-draft__subject", "data-fw-subject-line": true },
          h("span", { class: "fw-draft__subject-label" }, "Subject: "),
          h("span", { "data-draft-part": "subject" })),
        h("pre", { class: "fw-draft__body", "data-draft-part": "body" })),
      h("div", { class: "fw-draft__editor", "data-fw-editor": true, hidden: true },
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
    /** @type {HTMLElement} */ (card.querySelector("[data-fw-editor]")).id = `${dom}-editor`;
    card.addEventListener("click", (event) => this.cardClick(event, id));
    card.addEventListener("input", (event) => this.editInput(event, id));
    return card;
  }

  /**
   * @param {HTMLElement} card
   * @param {Draft} draft
   * @param {PlanRow | undefined} row
   */
  updateCard(card, draft, row) {
    /** @param {string} selector */
    const part = (selector) => /** @type {HTMLElement} */ (card.querySelector(selector));
    card.dataset.draftKind = draft.kind;
    card.dataset.draftId = draft.id;
    card.dataset.channel = draft.channel;
    setText(part(".fw-draft__title"), draft.label);
    part("[data-fw-edited]").hidden = !draft.edited;
    const to = draft.to.name || "The hiring team";
    setText(part("[data-fw-to]"), draft.to.email ? `${to} <${draft.to.email}>` : to);
    setText(part("[data-fw-when]"),
      draft.send_on
        ? row?.weekday && row.date_text ? `${row.weekday} ${row.date_text}` : longDate(draft.send_on)
        : "When it happens (kept ready)");
    setText(part('[data-draft-part="subject"]'), draft.subject);
    part("[data-fw-subject-line]").hidden = !draft.subject;
    setText(part('[data-draft-part="body"]'), draft.body);
    const editor = part("[data-fw-editor]");
    // A subject field only where the channel has subjects (not for a letter or LinkedIn).
    part("[data-fw-edit-subject-field]").hidden = !draft.subject && !draft.generated.subject;
    if (editor.hidden) {
      /** @type {HTMLInputElement} */ (part('[data-fw-edit="subject"]')).value = draft.subject;
      /** @type {HTMLTextAreaElement} */ (part('[data-fw-edit="body"]')).value = draft.body;
    }
    part('[data-fw-action="reset"]').hidden = !draft.edited;
    part('[data-fw-action="copy-subject"]').hidden = !draft.subject;
    part('[data-fw-action="eml"]').hidden = draft.channel !== "email";
    const mailto = /** @type {HTMLAnchorElement} */ (part('[data-fw-action="mailto"]'));
    const href = mailtoHref(draft);
    mailto.hidden = draft.channel !== "email" || href.length > MAILTO_LIMIT;
    if (mailto.hidden) mailto.removeAttribute("href");
    else mailto.href = href;
    this.paintFindings(part("[data-fw-findings]"), draft.findings);
  }

  /**
   * @param {HTMLElement} list
   * @param {Finding[]} findings
   */
  paintFindings(list, findings) {
    list.hidden = findings.length === 0;
    list.replaceChildren(
      ...findings.map((finding) => {
        const severity = SEVERITY_LABELS[/** @type {keyof SEVERITY_LABELS} */ (finding.severity)]
          ? finding.severity : "info";
        const item = h("li", { class: `fw-finding fw-finding--${severity}`, "data-finding": finding.code },
          h("span", { class: "fw-finding__severity" },
            SEVERITY_LABELS[/** @type {keyof SEVERITY_LABELS} */ (severity)]),
          " ", finding.message);
        if (GUIDE_PATH.test(finding.guide)) {
          // The worksheet page is one level down (worksheet/), findings link from the site root.
          item.append(" ", h("a", { href: `../${finding.guide}` }, "What the guide says"));
        }
        return item;
      }),
    );
  }

  /**
   * @param {MouseEvent} event
   * @param {string} id
   */
  async cardClick(event, id) {
    const button = /** @type {HTMLElement} */ (event.target)?.closest?.("[data-fw-action]");
    if (!button || button.tagName === "A") return;
    const draft = this.drafts.find((candidate) => candidate.id === id);
    const card = this.cards.get(id);
    if (!draft || !card) return;
    switch (button.dataset.fwAction) {
      case "copy":
        this.announce((await copyText(draft.body))
          ? "Copied the message." : "Could not copy; select the text and copy it yourself.");
        break;
      case "copy-subject":
        this.announce((await copyText(draft.subject))
          ? "Copied the subject." : "Could not copy; select the text and copy it yourself.");
        break;
      case "edit":
        this.toggleEditor(card, draft);
        break;
      case "reset":
        delete this.edits[id];
        this.setEditor(card, draft.generated.subject, draft.generated.body);
        this.announce("The draft is back to the generated text.");
        this.saved();
        break;
      case "eml":
        await this.downloadFromEngine("eml", { id }, "message/rfc822");
        break;
      case "txt": {
        const text = draft.subject ? `Subject: ${draft.subject}\n\n${draft.body}\n` : `${draft.body}\n`;
        const who = draft.to.name || this.control("company.name")?.value || "";
        download(`${id.replace(".", "-")}-${slug(who)}.txt`, text, "text/plain;charset=utf-8");
        break;
      }
      default:
        break;
    }
  }

  /**
   * Open or close a draft's editor; closing it returns focus to the Edit button.
   * @param {HTMLElement} card
   * @param {Draft} draft
   */
  toggleEditor(card, draft) {
    const editor = /** @type {HTMLElement} */ (card.querySelector("[data-fw-editor]"));
    const view = /** @type {HTMLElement} */ (card.querySelector("[data-fw-view]"));
    const button = /** @type {HTMLElement} */ (card.querySelector('[data-fw-action="edit"]'));
    const opening = editor.hidden;
    if (opening) this.setEditor(card, draft.subject, draft.body);
    editor.hidden = !opening;
    view.hidden = opening;
    button.textContent = opening ? "Done editing" : "Edit";
    button.setAttribute("aria-expanded", String(opening));
    if (opening) /** @type {HTMLElement} */ (card.querySelector('[data-fw-edit="body"]')).focus();
  }

  /** Close every open draft editor (its text belongs to answers that are being replaced). */
  closeEditors() {
    for (const card of this.cards.values()) {
      const editor = /** @type {HTMLElement} */ (card.querySelector("[data-fw-editor]"));
      if (editor.hidden) continue;
      editor.hidden = true;
      /** @type {HTMLElement} */ (card.querySelector("[data-fw-view]")).hidden = false;
      const button = /** @type {HTMLElement} */ (card.querySelector('[data-fw-action="edit"]'));
      button.textContent = "Edit";
      button.setAttribute("aria-expanded", "false");
    }
  }

  /**
   * @param {HTMLElement} card
   * @param {string} subject
   * @param {string} body
   */
  setEditor(card, subject, body) {
    /** @type {HTMLInputElement} */ (card.querySelector('[data-fw-edit="subject"]')).value = subject;
    /** @type {HTMLTextAreaElement} */ (card.querySelector('[data-fw-edit="body"]')).value = body;
  }

  /**
   * Typing in a draft's editor: the edit is kept, saved and reviewed by the engine.
   * @param {Event} event
   * @param {string} id
   */
  editInput(event, id) {
    const target = /** @type {HTMLElement} */ (event.target);
    if (!target.matches("[data-fw-edit]")) return;
    const card = this.cards.get(id);
    if (!card) return;
    this.edits[id] = {
      subject: /** @type {HTMLInputElement} */ (card.querySelector('[data-fw-edit="subject"]')).value,
      body: /** @type {HTMLTextAreaElement} */ (card.querySelector('[data-fw-edit="body"]')).value,
    };
    this.saved();
  }

  // --- toolbar -------------------------------------------------------------------------------

  bindToolbar() {
    /** @param {string} selector @param {() => unknown} action */
    const on = (selector, action) =>
      this.root.querySelector(selector)?.addEventListener("click", () => action());
    on("[data-fw-export]", () => this.exportAnswers());
    on("[data-fw-example]", () => this.loadExample());
    on("[data-fw-ics]", () => this.downloadFromEngine("ics", {}, "text/calendar;charset=utf-8"));
    on("[data-fw-print]", () => window.print());
    on("[data-fw-clear]", () => this.clearAll());
    const input = /** @type {HTMLInputElement} */ (this.root.querySelector("[data-fw-import]"));
    input.addEventListener("change", async () => {
      const file = input.files?.[0];
      input.value = ""; // the same file can be chosen again
      if (file) await this.importFile(file);
    });
  }

  exportAnswers() {
    const answers = this.exportable();
    const company = typeof answers.company?.name === "string" ? answers.company.name : "";
    download(
      `follow-up-answers-${slug(company || "worksheet")}.json`,
      `${JSON.stringify(answers, null, 2)}\n`,
      "application/json",
    );
    this.announce("Exported your answers.");
  }

  /**
   * Ask the engine for a file (`ics`, `eml`) for the current answers and edits.
   * @param {"ics" | "eml"} type
   * @param {object} extra
   * @param {string} mime
   */
  async downloadFromEngine(type, extra, mime) {
    try {
      const result = await (await engine()).request(type, {
        answers: this.collect(), edits: this.edits, ...extra,
      });
      if (!result.ok) {
        this.notice("error", "The file could not be made: fix the problems listed above first.");
        return;
      }
      download(result.filename, result.text, mime);
      this.announce(`Downloaded ${result.filename}.`);
    } catch (error) {
      this.notice("error", `The file could not be made: ${/** @type {Error} */ (error).message}`);
    }
  }

  /**
   * Read, check and load an answers file; on any problem the current answers stay as they are.
   * @param {File} file
   */
  async importFile(file) {
    const refuse = (/** @type {string} */ why, /** @type {string[]} */ details = []) =>
      this.notice("error", `“${file.name}” was not imported: ${why} Your answers are unchanged.`,
        { details, id: "import" });
    if (file.size > IMPORT_LIMIT_BYTES) {
      refuse(`it is ${(file.size / 1e6).toFixed(1)} MB, and an answers file is a few kilobytes.`);
      return;
    }
    this.setBusy(true);
    try {
      let text;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
      } catch {
        refuse("it is not UTF-8 text (answers files are saved as UTF-8).");
        return;
      }
      text = text.replace(/^\uFEFF/, "");
      if (!text.trim()) {
        refuse("the file is empty.");
        return;
      }
      let data;
      try {
        data = JSON.parse(text);
      } catch (error) {
        refuse(`it is not a JSON file (${/** @type {Error} */ (error).message}).`);
        return;
      }
      /** @type {{ok: boolean, errors: FieldError[], answers?: Record<string, any>}} */
      let result;
      try {
        result = await (await engine()).request("validate", { answers: data });
      } catch (error) {
        refuse(`it could not be checked (${/** @type {Error} */ (error).message}).`);
        return;
      }
      if (!result.ok || !result.answers) {
        const details = result.errors.slice(0, 12).map((error) =>
          error.path ? `${error.path}: ${error.message}` : error.message);
        if (result.errors.length > 12) details.push(`and ${result.errors.length - 12} more`);
        refuse("the file has problems.", details);
        return;
      }
      this.replaceAnswers(result.answers, `Imported “${file.name}”.`);
    } finally {
      if (!this.timer && !this.inFlight) this.setBusy(false);
    }
  }

  async loadExample() {
    if (this.controls().some((control) => control.value.trim()) &&
        !window.confirm("Replace your answers with the example? You can undo this.")) return;
    this.setBusy(true);
    try {
      const result = await (await engine()).request("example");
      this.replaceAnswers(result.answers, "Loaded the example answers.");
    } catch (error) {
      this.notice("error", `The example could not be loaded: ${/** @type {Error} */ (error).message}`);
      if (!this.timer && !this.inFlight) this.setBusy(false);
    }
  }

  /**
   * Load new answers in place of the current ones (edits belong to the old answers), with undo.
   * @param {Record<string, any>} answers
   * @param {string} message
   */
  replaceAnswers(answers, message) {
    const before = { answers: this.collect(), edits: this.edits };
    this.dismiss("import");
    this.closeEditors();
    this.edits = {};
    this.revealed.clear();
    this.fill(answers);
    this.revealFilled();
    this.saved();
    this.notice("info", message, {
      actions: [["Undo", () => {
        this.edits = before.edits;
        this.revealed.clear();
        this.fill(before.answers);
        this.revealFilled();
        this.saved();
        this.announce("Your earlier answers are back.");
      }]],
      id: "import",
    });
  }

  clearAll() {
    if (!window.confirm("Clear all your answers and edited drafts from this browser? " +
        "This cannot be undone.")) return;
    storage.clear();
    this.edits = {};
    this.revealed.clear();
    this.fill({});
    this.drafts = [];
    // The next drafts are news even if there are as many as before: say so again.
    this.lastDraftSummary = "";
    this.cards.clear();
    this.draftsBox.replaceChildren();
    this.draftsBox.dataset.state = "empty";
    /** @type {HTMLElement} */ (this.root.querySelector("[data-fw-drafts-title]")).hidden = true;
    this.planBox.hidden = true;
    this.notices.replaceChildren();
    this.notice("info", "Your answers and edits were cleared from this browser.");
    this.scheduleRender(0);
  }

  // --- status, notices, announcements --------------------------------------------------------

  /** @param {Status | null} status */
  showStatus(status) {
    if (!status) return;
    const box = /** @type {HTMLElement} */ (this.root.querySelector("[data-fw-status]"));
    const text = /** @type {HTMLElement} */ (box.querySelector("[data-fw-status-text]"));
    const retry = /** @type {HTMLButtonElement} */ (box.querySelector("[data-fw-retry]"));
    box.dataset.stage = status.stage;
    const messages = {
      "loading-runtime": "Loading the drafting engine (step 1 of 2). You can fill in the form meanwhile.",
      "loading-packages": "Loading the drafting engine (step 2 of 2). You can fill in the form meanwhile.",
      ready: "Ready: your drafts update as you type.",
    };
    const kept = storage.available ? " Your answers are still saved in this browser." : "";
    setText(text, /** @type {Record<string, string>} */ (messages)[status.stage] ??
      `${status.message}${kept}`);
    retry.hidden = status.stage !== "error";
    if (status.stage === "ready" && this.failed) this.scheduleRender(0);
    // A runtime that never finishes loading (a download cut short) gets a way out too.
    clearTimeout(this.stallTimer);
    if (status.stage.startsWith("loading")) {
      this.stallTimer = window.setTimeout(() => {
        if (!this.root.isConnected || box.dataset.stage !== status.stage) return;
        setText(text, "The drafting engine is taking unusually long to load. You can keep " +
          "filling in the form, or try loading it again.");
        retry.hidden = false;
      }, STALL_MS);
    }
  }

  async retry() {
    const button = /** @type {HTMLButtonElement} */ (this.root.querySelector("[data-fw-retry]"));
    button.hidden = true;
    this.failed = true;
    try {
      (await engine()).restart();
    } catch {
      clientPromise = null; // the client module itself failed: load it afresh
      engine();
    }
  }

  /**
   * Show a message above the form; `sticky` ones have no Dismiss button.
   * @param {"info" | "warning" | "error"} kind
   * @param {string} text
   * @param {{actions?: [string, () => void][], details?: string[], sticky?: boolean, id?: string}} [options]
   */
  notice(kind, text, { actions = [], details = [], sticky = false, id } = {}) {
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
    this.notices.append(box);
  }

  /** @param {string} id */
  dismiss(id) {
    for (const box of this.notices.querySelectorAll(`[data-fw-notice="${CSS.escape(id)}"]`)) {
      box.remove();
    }
  }

  /**
   * Say something to screen readers through the polite live region.
   * @param {string} message
   */
  announce(message) {
    const region = /** @type {HTMLElement} */ (this.root.querySelector("[data-fw-announce]"));
    region.textContent = message;
  }
}

/**
 * The DOM id of a draft's card: `thank_you.1` → `fw-draft-thank_you-1`.
 * @param {string} id
 * @returns {string}
 */
function cardId(id) {
  return `fw-draft-${id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/**
 * Set text only when it changed (keeps selections and screen-reader positions steady).
 * @param {HTMLElement} element
 * @param {string} text
 */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * A mailto: link that opens the draft in the mail app (RFC 6068: CRLF line breaks).
 * @param {Draft} draft
 * @returns {string}
 */
function mailtoHref(draft) {
  const to = draft.to.email.split("@").map(encodeURIComponent).join("@");
  const query = [];
  if (draft.subject) query.push(`subject=${encodeURIComponent(draft.subject)}`);
  query.push(`body=${encodeURIComponent(draft.body.replace(/\r?\n/g, "\r\n"))}`);
  return `mailto:${to}?${query.join("&")}`;
}

// ---------------------------------------------------------------------------------------------
// Start: on the first page and after every instant navigation

/** @type {WeakSet<Element>} */
const started = new WeakSet();

function boot() {
  const root = document.querySelector("[data-fw-root]");
  if (!(root instanceof HTMLElement)) {
    current = null;
    return;
  }
  if (started.has(root)) return;
  started.add(root);
  current = new Worksheet(root);
  current.start();
}

/** @type {{subscribe?: (next: () => void) => unknown} | undefined} */
const documentObservable = /** @type {any} */ (window).document$;
if (documentObservable?.subscribe) documentObservable.subscribe(() => boot());
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();
