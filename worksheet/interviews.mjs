// The worksheet's interviews, as this tab knows them, kept in step with the store and with every
// other open tab: a change here is merged with what is stored before it is written (merge.mjs),
// and what another tab writes is merged in here as it happens (the `storage` event). One of
// them is this tab's current interview; the rest is for the list, the Due view and backups.

import { change, flag, merge, newRecord, same, sameContent, tick } from "./merge.mjs";
import { FIRST_ID, store } from "./store.mjs";

/**
 * @typedef {import("./merge.mjs").InterviewRecord} InterviewRecord
 * @typedef {import("./store.mjs").Problem} Problem
 * @typedef {import("./protocol.mjs").Edits} Edits
 * @typedef {{saved: boolean, record: InterviewRecord}} Commit
 * What another tab did, for the controller to show:
 * @typedef {{changed: (record: InterviewRecord) => void, lost: () => void,
 *            reloaded: (problems: Problem[]) => void, listed: () => void}} Events
 */

/** @returns {string} a new interview's id */
function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((byte) => (byte % 36).toString(36)).join("");
}

export class Interviews {
  /** @param {Events} events */
  constructor(events) {
    this.events = events;
    /** @type {Map<string, InterviewRecord>} every interview this tab knows, tombstones included */
    this.records = new Map();
    this.epoch = "0";
    /** @type {Problem | null} the store is a newer worksheet's: nothing is written to it */
    this.held = null;
    /** @type {InterviewRecord} */
    this.current = newRecord(newId(), this.epoch, {}, {}, 0);
  }

  /**
   * Read the store: the interviews, the one-interview worksheet's answers as the first of them,
   * and what cannot be read (left where it is, for the person to download or discard).
   * @returns {Problem[]}
   */
  open() {
    const contents = store.contents();
    this.held = contents.held;
    this.epoch = contents.epoch;
    this.records = new Map(contents.records.map((record) => [record.id, record]));
    const problems = [...contents.problems];
    const legacy = this.held ? null : store.legacy();
    let migrated = null;
    if (legacy && "why" in legacy) problems.push(legacy);
    else if (legacy) migrated = this.migrate(legacy.answers, legacy.edits);
    this.pick(migrated ?? store.lastOpened());
    return this.held ? [this.held] : problems;
  }

  /**
   * The one-interview worksheet's answers and edits become the first interview, as they are
   * (or, written since by a tab of that worksheet still open, another interview); the old key
   * goes once they are saved. Returns the interview to show, if it is a new one.
   * @param {Record<string, any>} answers
   * @param {Edits} edits
   * @returns {string | null}
   */
  migrate(answers, edits) {
    const known = [...this.records.values()].some((record) =>
      !record.deleted && same(record.answers, answers) && same(record.edits, edits));
    if (known) {
      store.dropLegacy();
      return null;
    }
    const id = this.records.has(FIRST_ID) ? newId() : FIRST_ID;
    const record = { ...newRecord(id, this.epoch, answers, edits, 0),
      created: id === FIRST_ID ? 0 : tick() };
    this.records.set(id, record); // shown, and saved once storage works
    if (this.commit(record).saved) store.dropLegacy();
    return id;
  }

  /**
   * Make `id` current when it is an interview; else the first one in the list; else a new,
   * blank one (stored once something is typed into it).
   * @param {string | null} id
   */
  pick(id) {
    const listed = this.list();
    const chosen = (id && listed.find((record) => record.id === id)) ||
      listed.find((record) => !record.archived) || listed[0];
    this.current = chosen ?? newRecord(newId(), this.epoch, {}, {}, 0);
    if (chosen) store.opened(chosen.id);
  }

  /** @returns {InterviewRecord[]} the interviews (not the deleted), oldest first */
  list() {
    const listed = [...this.records.values()].filter((record) => !record.deleted);
    return listed.sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));
  }

  /** Whether the current interview is stored (a new, blank one is not until it is changed). */
  stored() {
    return this.records.has(this.current.id);
  }

  /**
   * Merge a record with the stored one and write the result; the merged record becomes ours.
   * @param {InterviewRecord} record
   * @returns {Commit}
   */
  commit(record) {
    if (this.held || !store.available) return { saved: false, record };
    const stored = store.read(record.id);
    if (stored && "why" in stored) return { saved: false, record }; // never over unreadable data
    const merged = stored ? merge(record, stored) : record;
    const saved = store.write(merged);
    this.records.set(merged.id, merged);
    if (merged.id === this.current.id) this.current = merged;
    return { saved, record: merged };
  }

  /**
   * Whether a clear (in another tab) has happened that this tab has not heard of yet.
   */
  stale() {
    const epoch = store.epoch();
    return epoch !== null ? epoch !== this.epoch : this.epoch !== "0";
  }

  /**
   * The current interview's answers and edits changed here: save them.
   * @param {Record<string, any>} answers
   * @param {Edits} edits
   * @returns {{saved: boolean, newer: InterviewRecord | null}} `newer`: what the store held
   *   that is newer than this tab's copy (to show), when there was any
   */
  save(answers, edits) {
    if (this.stale()) {
      this.reload();
      return { saved: false, newer: null };
    }
    const local = change(this.current, answers, edits);
    const first = !this.records.has(local.id);
    const { saved, record } = this.commit(local);
    if (first && saved) store.opened(record.id); // a reload comes back to it
    this.current = record;
    if (record.deleted) {
      this.events.lost();
      return { saved, newer: null };
    }
    if (!this.records.has(record.id)) this.records.set(record.id, record);
    return { saved, newer: sameContent(record, local) ? null : record };
  }

  /**
   * Start a new interview, stored at once, and make it current.
   * @param {Record<string, any>} answers
   * @param {Edits} [edits]
   * @returns {Commit}
   */
  create(answers, edits = {}) {
    const result = this.commit(newRecord(newId(), this.epoch, answers, edits));
    this.records.set(result.record.id, result.record);
    this.switchTo(result.record.id);
    return result;
  }

  /** @param {string} id */
  switchTo(id) {
    const record = this.records.get(id);
    if (!record || record.deleted) return false;
    this.current = record;
    store.opened(id);
    return true;
  }

  /**
   * @param {string} id
   * @param {boolean} archived
   */
  archive(id, archived) {
    const record = this.records.get(id) ?? this.current;
    return this.commit(flag(record, "archived", archived));
  }

  /**
   * Delete an interview (a tombstone, so that no tab writes it back); the copy returned is
   * what Undo restores.
   * @param {string} id
   * @returns {InterviewRecord | null}
   */
  remove(id) {
    const record = this.records.get(id) ?? (this.current.id === id ? this.current : null);
    if (!record) return null;
    if (this.records.has(id)) this.commit(flag(record, "deleted", true));
    if (this.current.id === id) this.pick(null);
    return record;
  }

  /**
   * Undo a deletion: the interview comes back as it was.
   * @param {InterviewRecord} record
   */
  restore(record) {
    const result = this.commit(flag(record, "deleted", false));
    this.switchTo(record.id);
    return result;
  }

  /**
   * Everything gone from this browser (every tab hears of it); returns what Undo puts back.
   * @returns {Record<string, string>}
   */
  clear() {
    const before = store.clear();
    this.epoch = store.epoch() ?? "0";
    this.records.clear();
    this.current = newRecord(newId(), this.epoch, {}, {}, 0);
    return before;
  }

  /**
   * @param {Record<string, string>} before what `clear` returned
   * @returns {Problem[]} what cannot be read, as `open` says
   */
  unclear(before) {
    store.restore(before);
    return this.open();
  }

  /** Read everything again (another tab cleared the data, or put it back). */
  reload() {
    const id = this.current.id;
    const problems = this.open();
    if (this.records.has(id)) this.switchTo(id);
    this.events.reloaded(problems);
  }

  /**
   * Another tab wrote to the store.
   * @param {StorageEvent} event
   */
  heard(event) {
    if (event.storageArea !== localStorage) return;
    if (event.key === null) {
      this.reload();
      return;
    }
    if (!store.isOurs(event.key)) return;
    if (store.isMeta(event.key)) {
      if (this.stale() || (this.held === null && event.newValue !== null &&
          store.contents().held)) this.reload();
      return;
    }
    const id = store.idOf(event.key);
    if (!id || event.newValue === null || this.held) return;
    const read = store.readRecord(event.key, event.newValue);
    if ("why" in read || read.record.epoch !== this.epoch) return;
    const local = this.records.get(id) ?? (this.current.id === id ? this.current : null);
    const merged = local ? merge(local, read.record) : read.record;
    this.records.set(id, merged);
    // This tab knew of newer changes than the ones written: write them back.
    if (!sameContent(merged, read.record)) store.write(merged);
    if (id === this.current.id) {
      const before = this.current;
      this.current = merged;
      if (merged.deleted) this.events.lost();
      else if (!sameContent(merged, before)) this.events.changed(merged);
    }
    this.events.listed();
  }
}
