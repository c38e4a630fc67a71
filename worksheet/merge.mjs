// One interview as every tab keeps it, and how two copies of it merge: field by field, the later
// change wins. Each field of the answers (by its path), each edited draft (by its id), whether
// the interview is archived and whether it is deleted carry the time they last changed, so a tab
// that has seen less never writes its older values over newer ones, and two tabs that edit the
// same interview end up with the same answers. Pure functions: store.mjs keeps the records.

import { getPath, setPath } from "./form.mjs";

/**
 * @typedef {import("./protocol.mjs").Edits} Edits
 * @typedef {{version: number, id: string, epoch: string, created: number,
 *            answers: Record<string, any>, edits: Edits, archived: boolean, deleted: boolean,
 *            stamps: Record<string, number>}} InterviewRecord
 * A deleted interview is a tombstone: `deleted` true, empty answers and edits.
 */

/** The key of a list's length among the flattened answers: `interview.interviewers.#`. */
const LENGTH = "#";

/** Times of changes: milliseconds, never twice the same in one tab, never behind one seen. */
let last = 0;

/** @returns {number} */
export function tick() {
  last = Math.max(Date.now(), last + 1);
  return last;
}

/** @param {Record<string, number>} stamps */
function observe(stamps) {
  for (const value of Object.values(stamps)) if (value > last) last = value;
}

/**
 * A new interview's record.
 * @param {string} id
 * @param {string} epoch
 * @param {Record<string, any>} answers
 * @param {Edits} [edits]
 * @param {number} [stamp] when its fields were set (0: older than any change)
 * @returns {InterviewRecord}
 */
export function newRecord(id, epoch, answers, edits = {}, stamp = tick()) {
  const record = { version: 2, id, epoch, created: tick(), answers: {}, edits: {},
    archived: false, deleted: false, stamps: {} };
  return change(record, answers, edits, stamp);
}

/**
 * The answers as path → value, with each list's length under `path.#`.
 * @param {unknown} value
 * @param {string} [path]
 * @param {Map<string, unknown>} [out]
 * @returns {Map<string, unknown>}
 */
export function flatten(value, path = "", out = new Map()) {
  if (Array.isArray(value)) {
    out.set(`${path}.${LENGTH}`, value.length);
    value.forEach((item, index) => flatten(item, `${path}.${index}`, out));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) flatten(item, path ? `${path}.${key}` : key, out);
  } else if (path) {
    out.set(path, value ?? null);
  }
  return out;
}

/**
 * The answers from their flattened form; list entries past a list's length are left out.
 * @param {Map<string, unknown>} flat
 * @returns {Record<string, any>}
 */
export function unflatten(flat) {
  /** @type {[string, number][]} */
  const lengths = [];
  for (const [path, value] of flat) {
    if (path.endsWith(`.${LENGTH}`) && typeof value === "number") {
      lengths.push([path.slice(0, -LENGTH.length - 1), value]);
    }
  }
  lengths.sort(([a], [b]) => a.length - b.length); // outer lists first
  /** @type {Record<string, any>} */
  const out = {};
  for (const [path, length] of lengths) {
    if (inside(path, lengths)) setPath(out, path, Array.from({ length }, () => null));
  }
  for (const [path, value] of flat) {
    if (path.endsWith(`.${LENGTH}`) || !inside(path, lengths)) continue;
    setPath(out, path, value);
  }
  return out;
}

/**
 * Whether a path is within the lists' lengths (not an entry removed since).
 * @param {string} path
 * @param {[string, number][]} lengths
 */
function inside(path, lengths) {
  for (const [list, length] of lengths) {
    if (!path.startsWith(`${list}.`)) continue;
    const index = path.slice(list.length + 1).split(".")[0];
    if (/^\d+$/.test(index) && Number(index) >= length) return false;
  }
  return true;
}

/**
 * The record with new answers and edits, each field that differs stamped with `stamp`.
 * @param {InterviewRecord} record
 * @param {Record<string, any>} answers
 * @param {Edits} edits
 * @param {number} [stamp]
 * @returns {InterviewRecord}
 */
export function change(record, answers, edits, stamp = tick()) {
  const stamps = { ...record.stamps };
  const before = flatten(record.answers);
  const after = flatten(answers);
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    if (!same(before.get(path), after.get(path))) stamps[`a:${path}`] = stamp;
  }
  for (const id of new Set([...Object.keys(record.edits), ...Object.keys(edits)])) {
    if (!same(record.edits[id], edits[id])) stamps[`e:${id}`] = stamp;
  }
  return { ...record, answers: structuredClone(answers), edits: structuredClone(edits), stamps };
}

/**
 * The record with one flag (`archived` or `deleted`) set now; a deleted one keeps nothing.
 * @param {InterviewRecord} record
 * @param {"archived" | "deleted"} flag
 * @param {boolean} value
 * @returns {InterviewRecord}
 */
export function flag(record, flag, value) {
  const stamps = { ...record.stamps, [flag]: tick() };
  if (flag === "deleted" && value) {
    return { ...record, answers: {}, edits: {}, deleted: true, stamps: { deleted: stamps.deleted } };
  }
  return { ...record, [flag]: value, stamps };
}

/**
 * Two copies of one interview as one: each field from the copy that changed it last (on a tie,
 * the same choice in every tab). A deletion later than every change wins over all of them.
 * @param {InterviewRecord} a
 * @param {InterviewRecord} b
 * @returns {InterviewRecord}
 */
export function merge(a, b) {
  observe(a.stamps);
  observe(b.stamps);
  const newer = (/** @type {string} */ key, /** @type {unknown} */ x, /** @type {unknown} */ y) => {
    const sx = a.stamps[key] ?? 0;
    const sy = b.stamps[key] ?? 0;
    if (sx !== sy) return sx > sy ? "a" : "b";
    return canonical(x) >= canonical(y) ? "a" : "b";
  };
  /** @type {Record<string, number>} */
  const stamps = {};
  const take = (/** @type {string} */ key, /** @type {"a" | "b"} */ side) => {
    const stamp = (side === "a" ? a : b).stamps[key];
    if (stamp !== undefined) stamps[key] = stamp;
  };
  const deleted = newer("deleted", a.deleted, b.deleted);
  take("deleted", deleted);
  const created = Math.min(a.created || b.created, b.created || a.created);
  if ((deleted === "a" ? a : b).deleted) {
    return { ...a, created, answers: {}, edits: {}, archived: false, deleted: true, stamps };
  }
  const fa = flatten(a.answers);
  const fb = flatten(b.answers);
  /** @type {Map<string, unknown>} */
  const flat = new Map();
  for (const path of new Set([...fa.keys(), ...fb.keys()])) {
    const side = newer(`a:${path}`, fa.get(path), fb.get(path));
    take(`a:${path}`, side);
    const value = (side === "a" ? fa : fb).get(path);
    if (value !== undefined) flat.set(path, value);
  }
  /** @type {Edits} */
  const edits = {};
  for (const id of new Set([...Object.keys(a.edits), ...Object.keys(b.edits)])) {
    const side = newer(`e:${id}`, a.edits[id], b.edits[id]);
    take(`e:${id}`, side);
    const edit = (side === "a" ? a : b).edits[id];
    if (edit) edits[id] = edit;
  }
  // Stamps of fields neither copy holds any more (a removed edit, a removed row's field).
  for (const key of new Set([...Object.keys(a.stamps), ...Object.keys(b.stamps)])) {
    if (!(key in stamps)) stamps[key] = Math.max(a.stamps[key] ?? 0, b.stamps[key] ?? 0);
  }
  const archived = newer("archived", a.archived, b.archived);
  take("archived", archived);
  return { version: a.version, id: a.id, epoch: a.epoch, created, answers: unflatten(flat), edits,
    archived: (archived === "a" ? a : b).archived, deleted: false, stamps };
}

/**
 * Whether two records hold the same interview (answers, edits, flags).
 * @param {InterviewRecord} a
 * @param {InterviewRecord} b
 */
export function sameContent(a, b) {
  return a.deleted === b.deleted && a.archived === b.archived && same(a.answers, b.answers) &&
    same(a.edits, b.edits);
}

/**
 * Whether two values are equal as data (the order of an object's keys aside).
 * @param {unknown} x
 * @param {unknown} y
 */
export function same(x, y) {
  return canonical(x) === canonical(y);
}

/**
 * JSON with every object's keys in order.
 * @param {unknown} value
 * @returns {string}
 */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What the interview is called in lists: its company and role as typed.
 * @param {Record<string, any>} answers
 * @returns {{company: string, role: string}}
 */
export function nameOf(answers) {
  const text = (/** @type {unknown} */ value) => (typeof value === "string" ? value.trim() : "");
  return { company: text(getPath(answers, "company.name")), role: text(getPath(answers, "role")) };
}
