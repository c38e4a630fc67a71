// The worksheet's interviews in localStorage, one key each, under keys scoped by the site's path
// (so two project sites on one github.io account keep apart). Storage may be missing, full,
// corrupt, or written by a newer version of the worksheet: nothing that cannot be read is ever
// overwritten or deleted here unless the person chooses to (see `problems`).
//
//   followup:<site path>:meta              {version: 2, epoch}
//   followup:<site path>:interview:<id>    an InterviewRecord (merge.mjs), or its tombstone
//   followup:<site path>:last              the interview last opened (a new tab opens it)
//   followup-worksheet                     the one-interview worksheet's {version: 1, answers,
//                                          edits}: becomes the first interview, then goes
//
// "Clear my data" gives the store a new `epoch`; a record of another epoch is from before a clear
// (a tab that had not heard of it yet) and is dropped on sight.

/**
 * @typedef {import("./merge.mjs").InterviewRecord} InterviewRecord
 * @typedef {{key: string, raw: string, why: "unreadable" | "newer"}} Problem
 * @typedef {{records: InterviewRecord[], problems: Problem[], held: Problem | null}} Contents
 */

export const STORE_VERSION = 2;
const LEGACY_KEY = "followup-worksheet";
const LEGACY_VERSION = 1;
/** The id of the interview the one-interview worksheet's answers become (the same in every tab). */
export const FIRST_ID = "first";

/** The site's own path ("/interview-follow-up/"): this module is in the site's app/. */
const SITE = new URL("../", import.meta.url).pathname;
const PREFIX = `followup:${SITE}:`;
const META_KEY = `${PREFIX}meta`;
const LAST_KEY = `${PREFIX}last`;
const RECORD_PREFIX = `${PREFIX}interview:`;
/** This tab's interview (survives a reload of this tab only). */
const TAB_KEY = `${PREFIX}tab`;
/** A deleted interview's tombstone keeps tabs open since from writing it back; after this
 * long no tab is: it goes. */
const TOMBSTONE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Run `read` against localStorage; null when the browser refuses.
 * @template T
 * @param {() => T} read
 * @returns {T | null}
 */
function attempt(read) {
  try {
    return read();
  } catch {
    return null;
  }
}

/**
 * @param {string} raw
 * @returns {any}
 */
function parse(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** @param {unknown} value */
function isObject(value) {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
}

export const store = {
  /** @type {boolean | null} null until probed */
  available: /** @type {boolean | null} */ (null),

  /** @returns {boolean} whether anything can be kept in this browser */
  probe() {
    if (this.available === null) {
      this.available = attempt(() => {
        const key = `${PREFIX}probe`;
        localStorage.setItem(key, "1");
        localStorage.removeItem(key);
        return true;
      }) ?? false;
    }
    return this.available;
  },

  /** @param {string} key */
  isOurs(key) {
    return key.startsWith(PREFIX) || key === LEGACY_KEY;
  },

  /** @param {string} key @returns {string | null} the interview a key holds */
  idOf(key) {
    return key.startsWith(RECORD_PREFIX) ? key.slice(RECORD_PREFIX.length) : null;
  },

  /** @param {string} key */
  isMeta(key) {
    return key === META_KEY;
  },

  /** The store's epoch: null while there is no (readable) meta. */
  epoch() {
    const raw = attempt(() => localStorage.getItem(META_KEY));
    const meta = raw === null ? null : parse(raw);
    return isObject(meta) && typeof meta.epoch === "string" ? meta.epoch : null;
  },

  /** @param {string} epoch */
  setEpoch(epoch) {
    if (!this.available) return;
    attempt(() => localStorage.setItem(META_KEY, JSON.stringify({ version: STORE_VERSION, epoch })));
  },

  /**
   * Every interview stored, and what cannot be read. Records of another epoch go; nothing else
   * is changed. `held`: the whole store was written by a newer worksheet (nothing may be written).
   * @returns {Contents & {epoch: string}}
   */
  contents() {
    /** @type {Contents & {epoch: string}} */
    const out = { records: [], problems: [], held: null, epoch: "0" };
    const meta = parse(attempt(() => localStorage.getItem(META_KEY)) ?? "null");
    if (isObject(meta) && typeof meta.version === "number" && meta.version > STORE_VERSION) {
      out.held = { key: META_KEY, raw: this.dump(), why: "newer" };
      return out;
    }
    /** @type {InterviewRecord[]} */
    const records = [];
    for (const key of this.keys()) {
      if (!key.startsWith(RECORD_PREFIX)) continue;
      const raw = attempt(() => localStorage.getItem(key));
      if (raw === null) continue;
      const read = this.readRecord(key, raw);
      if ("why" in read) out.problems.push(read);
      else records.push(read.record);
    }
    let epoch = this.epoch();
    if (epoch === null) {
      // No meta (never written, or removed by hand): the records' own epoch is the store's.
      epoch = records[0]?.epoch ?? "0";
      if (records.length) this.setEpoch(epoch);
    }
    out.epoch = epoch;
    const old = Date.now() - TOMBSTONE_MS;
    for (const record of records) {
      // Written by a tab that missed a clear, or deleted long ago: gone.
      if (record.epoch !== epoch || (record.deleted && (record.stamps.deleted ?? 0) < old)) {
        this.remove(RECORD_PREFIX + record.id);
      } else {
        out.records.push(record);
      }
    }
    return out;
  },

  /**
   * @param {string} key
   * @param {string} raw
   * @returns {{record: InterviewRecord} | Problem}
   */
  readRecord(key, raw) {
    const data = parse(raw);
    if (isObject(data) && typeof data.version === "number" && data.version > STORE_VERSION) {
      return { key, raw, why: "newer" };
    }
    const id = this.idOf(key);
    if (!isObject(data) || data.version !== STORE_VERSION || data.id !== id ||
        !isObject(data.stamps) || (!data.deleted && !isObject(data.answers))) {
      return { key, raw, why: "unreadable" };
    }
    return { record: normalise(data) };
  },

  /**
   * The stored record of an interview: null when there is none, a Problem when it can't be read.
   * @param {string} id
   * @returns {InterviewRecord | null | Problem}
   */
  read(id) {
    const key = RECORD_PREFIX + id;
    const raw = attempt(() => localStorage.getItem(key));
    if (raw === null) return null;
    const read = this.readRecord(key, raw);
    return "record" in read ? read.record : read;
  },

  /**
   * @param {InterviewRecord} record
   * @returns {boolean} false when the browser refused it
   */
  write(record) {
    if (!this.available) return false;
    return attempt(() => {
      if (localStorage.getItem(META_KEY) === null) this.setEpoch(record.epoch);
      localStorage.setItem(RECORD_PREFIX + record.id, JSON.stringify(record));
      return true;
    }) ?? false;
  },

  /**
   * Put one raw value back (Undo of a discard).
   * @param {string} key
   * @param {string} raw
   */
  put(key, raw) {
    attempt(() => localStorage.setItem(key, raw));
  },

  /** @param {string} key */
  remove(key) {
    attempt(() => localStorage.removeItem(key));
  },

  /** @returns {string[]} every key of ours (scoped, and the old worksheet's) */
  keys() {
    return attempt(() => {
      const keys = [];
      for (let i = 0; i < localStorage.length; i += 1) {
        const key = localStorage.key(i);
        if (key !== null && this.isOurs(key)) keys.push(key);
      }
      return keys;
    }) ?? [];
  },

  /** Everything of ours as one JSON text {key: raw}, to download before anything is discarded. */
  dump() {
    /** @type {Record<string, string | null>} */
    const all = {};
    for (const key of this.keys()) all[key] = attempt(() => localStorage.getItem(key));
    return JSON.stringify(all, null, 2);
  },

  /**
   * Remove everything of ours, and start a new epoch; returns what was there, for Undo.
   * @returns {Record<string, string>}
   */
  clear() {
    /** @type {Record<string, string>} */
    const before = {};
    for (const key of this.keys()) {
      const raw = attempt(() => localStorage.getItem(key));
      if (raw !== null) before[key] = raw;
      this.remove(key);
    }
    this.setEpoch(Math.random().toString(36).slice(2, 10));
    return before;
  },

  /**
   * Put back what `clear` removed (its epoch included), replacing whatever came since.
   * @param {Record<string, string>} before
   */
  restore(before) {
    for (const key of this.keys()) if (!(key in before)) this.remove(key);
    for (const [key, raw] of Object.entries(before)) {
      attempt(() => localStorage.setItem(key, raw));
    }
  },

  /**
   * The one-interview worksheet's saved answers: null when there are none.
   * @returns {{answers: Record<string, any>, edits: import("./protocol.mjs").Edits} | Problem | null}
   */
  legacy() {
    const raw = attempt(() => localStorage.getItem(LEGACY_KEY));
    if (raw === null) return null;
    const data = parse(raw);
    if (!isObject(data) || data.version !== LEGACY_VERSION || !isObject(data.answers)) {
      const newer = isObject(data) && typeof data.version === "number" &&
        data.version > LEGACY_VERSION;
      return { key: LEGACY_KEY, raw, why: newer ? "newer" : "unreadable" };
    }
    return { answers: data.answers, edits: cleanEdits(data.edits) };
  },

  /** The old worksheet's answers are now the first interview. */
  dropLegacy() {
    this.remove(LEGACY_KEY);
  },

  /** The interview to open: this tab's, else the one last opened in any tab. */
  lastOpened() {
    return attempt(() => sessionStorage.getItem(TAB_KEY)) ??
      attempt(() => localStorage.getItem(LAST_KEY));
  },

  /** @param {string} id */
  opened(id) {
    attempt(() => sessionStorage.setItem(TAB_KEY, id));
    if (this.available) attempt(() => localStorage.setItem(LAST_KEY, id));
  },
};

/**
 * A record as stored, with every part of the right type.
 * @param {any} data
 * @returns {InterviewRecord}
 */
function normalise(data) {
  /** @type {Record<string, number>} */
  const stamps = {};
  for (const [key, value] of Object.entries(data.stamps)) {
    if (typeof value === "number" && Number.isFinite(value)) stamps[key] = value;
  }
  return {
    version: STORE_VERSION,
    id: data.id,
    epoch: typeof data.epoch === "string" ? data.epoch : "0",
    created: typeof data.created === "number" ? data.created : 0,
    answers: isObject(data.answers) ? data.answers : {},
    edits: cleanEdits(data.edits),
    archived: data.archived === true,
    deleted: data.deleted === true,
    stamps,
  };
}

/**
 * Keep only well-formed edits: {draft id: {subject, body}} with text values.
 * @param {unknown} edits
 * @returns {import("./protocol.mjs").Edits}
 */
export function cleanEdits(edits) {
  /** @type {import("./protocol.mjs").Edits} */
  const out = {};
  if (!isObject(edits)) return out;
  for (const [id, edit] of Object.entries(/** @type {Record<string, any>} */ (edits))) {
    if (edit && typeof edit.subject === "string" && typeof edit.body === "string") {
      out[id] = { subject: edit.subject, body: edit.body };
    }
  }
  return out;
}
