// The worksheet's form (HTML from src/followup_site/form.py): its answers as nested data addressed by
// the dotted paths that name its controls, repeating rows, and each field's error.

/** @typedef {import("./protocol.mjs").FieldError} FieldError */
/** @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} Control */

export const CONTROLS = "input[name], select[name], textarea[name]";
/** The index placeholder in a repeating group's <template> row (form.py's INDEX). */
const INDEX = "__i__";

/**
 * The value at a dotted path, or undefined; only own properties are followed.
 * @param {unknown} data
 * @param {string} path
 * @returns {unknown}
 */
export function getPath(data, path) {
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
export function setPath(data, path, value) {
  const parts = path.split(".");
  /** @type {any} */
  let node = data;
  parts.forEach((part, index) => {
    const key = Array.isArray(node) ? Number(part) : part;
    if (index === parts.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] === undefined || node[key] === null) {
      node[key] = /^\d+$/.test(parts[index + 1]) ? [] : {};
    }
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
  return entry === undefined || entry === null || entry === false;
}

/**
 * A control's value in the answers: true or false for a checkbox (a "flag" field), else its text.
 * @param {Control} control
 * @returns {string | boolean}
 */
function valueOf(control) {
  return control instanceof HTMLInputElement && control.type === "checkbox"
    ? control.checked
    : control.value;
}

/**
 * Show a value from the answers in a control; anything of the wrong type shows as empty.
 * @param {Control} control
 * @param {unknown} value
 */
function show(control, value) {
  if (control instanceof HTMLInputElement && control.type === "checkbox") {
    control.checked = value === true;
    return;
  }
  control.value = typeof value === "string" ? value : "";
  // A choice the list does not offer cannot be shown; it reads as not given.
  if (control instanceof HTMLSelectElement && control.value !== value) control.value = "";
}

export class Form {
  /** @param {HTMLFormElement} element */
  constructor(element) {
    this.element = element;
  }

  /** @returns {Control[]} */
  controls() {
    return /** @type {Control[]} */ ([...this.element.querySelectorAll(CONTROLS)]);
  }

  /**
   * @param {string} path
   * @returns {Control | null}
   */
  control(path) {
    return this.element.querySelector(`[name="${CSS.escape(path)}"]`);
  }

  /**
   * Whether anything has been typed or chosen (in fields other than those under `aside`).
   * @param {string[]} [aside] path prefixes left out, e.g. `["candidate."]`
   */
  filled(aside = []) {
    return this.controls().some((control) => {
      if (aside.some((prefix) => control.name.startsWith(prefix))) return false;
      const value = valueOf(control);
      return typeof value === "string" ? Boolean(value.trim()) : value;
    });
  }

  /**
   * The answers as the form holds them, in the contract's shape, blank list entries included.
   * @returns {Record<string, any>}
   */
  collect() {
    /** @type {Record<string, any>} */
    const answers = { version: 2 };
    for (const node of this.element.querySelectorAll(`[data-fw-repeat], ${CONTROLS}`)) {
      if (node instanceof HTMLFieldSetElement) {
        setPath(answers, node.dataset.fwRepeat ?? "", []);
      } else {
        const control = /** @type {Control} */ (node);
        setPath(answers, control.name, valueOf(control));
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
   * @param {Record<string, unknown>} answers
   */
  fill(answers) {
    for (const repeat of this.repeats()) {
      const list = getPath(answers, repeat.dataset.fwRepeat ?? "");
      const max = Number(repeat.dataset.fwMax);
      this.setRows(repeat, Math.max(1, Math.min(Array.isArray(list) ? list.length : 0, max)));
    }
    for (const control of this.controls()) show(control, getPath(answers, control.name));
  }

  // --- repeating groups: rows made from a <template>, numbered for people ---------------------

  /** @returns {HTMLFieldSetElement[]} */
  repeats() {
    return [...this.element.querySelectorAll("fieldset[data-fw-repeat]")].map(
      (node) => /** @type {HTMLFieldSetElement} */ (node),
    );
  }

  /**
   * The repeating group and row index a Remove or Add button belongs to.
   * @param {Element} button
   * @returns {{repeat: HTMLFieldSetElement, index: number} | null}
   */
  rowOf(button) {
    const repeat = /** @type {HTMLFieldSetElement | null} */ (button.closest("[data-fw-repeat]"));
    if (!repeat) return null;
    const row = button.closest("[data-fw-row]");
    return { repeat, index: row ? [...(row.parentElement?.children ?? [])].indexOf(row) : -1 };
  }

  /**
   * Add a blank row, unless the group is full; returns its first control to focus.
   * @param {HTMLFieldSetElement} repeat
   * @returns {HTMLElement | null}
   */
  addRow(repeat) {
    const rows = this.rows(repeat);
    if (rows.children.length >= Number(repeat.dataset.fwMax)) return null;
    const row = this.newRow(repeat, rows.children.length);
    rows.append(row);
    this.updateRepeat(repeat);
    return row.querySelector(CONTROLS);
  }

  /**
   * Remove one row; the rows are rebuilt from the remaining values, so later ones move up.
   * Returns what to focus next: the next row's first control, or the Add button.
   * @param {HTMLFieldSetElement} repeat
   * @param {number} index
   * @returns {HTMLElement | null}
   */
  removeRow(repeat, index) {
    const answers = this.collect();
    const list = getPath(answers, repeat.dataset.fwRepeat ?? "");
    if (!Array.isArray(list)) return null;
    list.splice(index, 1);
    const rows = this.rows(repeat);
    rows.replaceChildren();
    this.setRows(repeat, list.length);
    for (const node of rows.querySelectorAll(CONTROLS)) {
      const control = /** @type {Control} */ (node);
      show(control, getPath(answers, control.name));
    }
    const next = rows.children[Math.min(index, rows.children.length - 1)];
    return next?.querySelector(CONTROLS) ?? repeat.querySelector("[data-fw-add]");
  }

  /**
   * @param {HTMLFieldSetElement} repeat
   * @returns {HTMLElement}
   */
  rows(repeat) {
    return /** @type {HTMLElement} */ (repeat.querySelector("[data-fw-rows]"));
  }

  /**
   * Make a repeating group hold exactly `count` rows, adding blank ones from its template.
   * @param {HTMLFieldSetElement} repeat
   * @param {number} count
   */
  setRows(repeat, count) {
    const rows = this.rows(repeat);
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
        if (attr.value.includes(INDEX)) attr.value = attr.value.replaceAll(INDEX, String(index));
      }
    }
    return row;
  }

  /**
   * Number the rows for people, and stop adding at the group's limit.
   * @param {HTMLFieldSetElement} repeat
   */
  updateRepeat(repeat) {
    const rows = [...this.rows(repeat).children];
    rows.forEach((row, index) => {
      for (const number of row.querySelectorAll("[data-fw-n]")) number.textContent = String(index + 1);
    });
    const full = rows.length >= Number(repeat.dataset.fwMax);
    /** @type {HTMLButtonElement} */ (repeat.querySelector("[data-fw-add]")).disabled = full;
    /** @type {HTMLElement} */ (repeat.querySelector("[data-fw-limit]")).hidden = !full;
  }

  // --- errors beside their fields ---------------------------------------------------------------

  /**
   * Each error's sentence next to its field, once the person has had a chance to fill it in
   * (`revealed`: the paths they have left, or that a loaded file filled).
   * @param {FieldError[]} errors
   * @param {Set<string>} revealed
   */
  showErrors(errors, revealed) {
    /** @type {Map<string, string[]>} */
    const byPath = new Map();
    for (const { path, text } of errors) byPath.set(path, [...(byPath.get(path) ?? []), text]);
    for (const node of this.element.querySelectorAll("[data-fw-error]")) {
      const slot = /** @type {HTMLElement} */ (node);
      const path = slot.dataset.fwError ?? "";
      const control = this.control(path);
      const messages = byPath.get(path);
      const visible = Boolean(messages) && (!control || revealed.has(path));
      const text = visible ? (messages ?? []).join(" ") : "";
      if (slot.textContent !== text) slot.textContent = text;
      if (control) {
        if (visible) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
      slot.closest(".fw-field")?.classList.toggle("fw-field--invalid", visible);
    }
  }
}
