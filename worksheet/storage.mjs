// The saved worksheet in localStorage, which may be missing, full or corrupt.

/** @typedef {import("./protocol.mjs").Edits} Edits */
/**
 * @typedef {{answers: Record<string, any>, edits: Edits}} Saved
 * @typedef {{ok: true, saved: Saved | null} | {ok: false, corrupt: string}} Loaded
 */

/** localStorage key of the saved worksheet: {version, answers, edits}. */
const STORAGE_KEY = "followup-worksheet";
const SAVE_VERSION = 1;

export const storage = {
  /** @type {boolean | null} null until probed */
  available: /** @type {boolean | null} */ (null),

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
