// The worksheet's toolbar: answers files and backups in and out (import, export, the example)
// and the files the engine writes (a plan's calendar or all of them, a draft's email). Every
// export imports again, unfinished answers too; an import refuses only what is not an answers
// file or a backup, and then changes nothing. Exports work without the engine.

import { download, find } from "./dom.mjs";
import { ask, engineReady } from "./engine.mjs";
import { BACKUP_FORMAT, BACKUP_VERSION, cleanText } from "./protocol.mjs";

/**
 * @typedef {import("./controller.mjs").Worksheet} Worksheet
 * @typedef {import("./protocol.mjs").FileResult} FileResult
 */

/** An answers file is a few kilobytes, a backup a few hundred: anything larger is not read. */
const IMPORT_LIMIT_BYTES = 5_000_000;
const JSON_TYPE = "application/json";

/**
 * Wire the toolbar's buttons and file input to the worksheet.
 * @param {Worksheet} sheet
 */
export function bindToolbar(sheet) {
  /** @param {string} selector @param {() => unknown} action */
  const on = (selector, action) =>
    sheet.root.querySelector(selector)?.addEventListener("click", () => action());
  on("[data-fw-export]", () => exportAnswers(sheet));
  on("[data-fw-backup]", () => exportBackup(sheet));
  on("[data-fw-example]", () => loadExample(sheet));
  on("[data-fw-ics]", () => downloadFromEngine(sheet, "ics", {}, "text/calendar;charset=utf-8"));
  on("[data-fw-ics-all]", () => downloadAllPlans(sheet));
  on("[data-fw-print]", () => window.print());
  on("[data-fw-clear]", () => sheet.shelf.clear());
  const input = find(sheet.root, "[data-fw-import]", HTMLInputElement);
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    input.value = ""; // the same file can be chosen again
    if (file) await importFile(sheet, file);
  });
}

/**
 * A file the engine writes when it is running (clean text, named after the company); else the
 * same data written here, as plainly.
 * @param {"export" | "backup"} type
 * @param {Record<string, unknown>} payload
 * @param {() => {filename: string, data: unknown}} fallback
 * @returns {Promise<{filename: string, text: string}>}
 */
async function engineFile(type, payload, fallback) {
  if (engineReady()) {
    try {
      const result = await ask(type, payload);
      if (result.ok && result.filename && result.text !== undefined) {
        return { filename: result.filename, text: result.text };
      }
    } catch {
      // Written here instead.
    }
  }
  const { filename, data } = fallback();
  return { filename, text: `${JSON.stringify(cleanData(data), null, 2)}\n` };
}

/**
 * @param {unknown} value
 * @returns {unknown}
 */
function cleanData(value) {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanData);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanData(v)]));
  }
  return value;
}

/**
 * The current interview's answers as typed, unfinished or not, rows nobody filled left out.
 * @param {Worksheet} sheet
 */
async function exportAnswers(sheet) {
  const file = await engineFile("export", { answers: sheet.form.collect() },
    () => ({ filename: sheet.answersFilename, data: sheet.form.exportable() }));
  download(file.filename, file.text, JSON_TYPE);
  sheet.notices.announce("Exported your answers.");
}

/**
 * Every interview (archived ones too) with its edits, as one backup file.
 * @param {Worksheet} sheet
 */
async function exportBackup(sheet) {
  sheet.persist();
  const records = sheet.book.list();
  if (!sheet.book.stored()) records.push(sheet.book.current);
  const interviews = records.map((record) => ({
    answers: record.id === sheet.book.current.id ? sheet.form.collect() : record.answers,
    edits: record.id === sheet.book.current.id ? sheet.edits : record.edits,
    archived: record.archived,
  }));
  const file = await engineFile("backup", { interviews }, () => ({
    filename: "follow-up-backup.json",
    data: { format: BACKUP_FORMAT, version: BACKUP_VERSION, interviews },
  }));
  download(file.filename, file.text, JSON_TYPE);
  sheet.notices.announce(`Backed up ${interviews.length} interview${interviews.length === 1 ? "" : "s"}.`);
}

/**
 * Ask the engine for a file (`ics`, `eml`) for the current answers and edits, and offer it.
 * @param {Worksheet} sheet
 * @param {"ics" | "eml"} type
 * @param {Record<string, unknown>} extra
 * @param {string} mime
 */
export async function downloadFromEngine(sheet, type, extra, mime) {
  await offer(sheet, () => ask(type, { answers: sheet.form.collect(), edits: sheet.edits, ...extra }),
    mime, "fix the problems listed above first");
}

/**
 * Every interview's plan (the archived aside) in one calendar.
 * @param {Worksheet} sheet
 */
async function downloadAllPlans(sheet) {
  const interviews = sheet.book.list()
    .filter((record) => !record.archived)
    .map((record) => record.id === sheet.book.current.id
      ? { id: record.id, answers: sheet.form.collect(), edits: sheet.edits }
      : { id: record.id, answers: record.answers, edits: record.edits });
  await offer(sheet, () => ask("ics", { interviews }), "text/calendar;charset=utf-8",
    "no interview has a plan yet (each needs a company, a role and a date)");
}

/**
 * @param {Worksheet} sheet
 * @param {() => Promise<FileResult>} request
 * @param {string} mime
 * @param {string} otherwise what to do when there is nothing to put into the file
 */
async function offer(sheet, request, mime, otherwise) {
  try {
    const result = await request();
    if (!result.ok || result.filename === undefined || result.text === undefined ||
        result.events === 0) {
      sheet.notices.show("error", `The file could not be made: ${otherwise}.`);
      return;
    }
    download(result.filename, result.text, mime);
    sheet.notices.announce(`Downloaded ${result.filename}.`);
  } catch (error) {
    sheet.notices.show("error", `The file could not be made: ${/** @type {Error} */ (error).message}`);
  }
}

/**
 * Read an answers file or a backup and load it; a file that is neither changes nothing.
 * @param {Worksheet} sheet
 * @param {File} file
 */
async function importFile(sheet, file) {
  const refuse = (/** @type {string} */ why) =>
    sheet.notices.show("error", `“${file.name}” was not imported: ${why} Your answers are unchanged.`,
      { id: "import" });
  sheet.setBusy(true);
  try {
    const read = await readJson(file);
    if ("why" in read) {
      refuse(read.why);
      return;
    }
    let result;
    try {
      result = await ask("read_file", { data: read.data });
    } catch (error) {
      refuse(`it could not be checked (${/** @type {Error} */ (error).message}).`);
      return;
    }
    if (!result.ok || !result.interviews?.length) {
      refuse(`${result.errors[0]?.message ?? "it is not an answers file"}.`);
      return;
    }
    sheet.shelf.add(result.interviews, `Imported “${file.name}”.`);
  } finally {
    sheet.idle();
  }
}

/**
 * The file's parsed JSON, or why it is not an answers file (a sentence ending in a full stop).
 * @param {File} file
 * @returns {Promise<{data: unknown} | {why: string}>}
 */
async function readJson(file) {
  if (file.size > IMPORT_LIMIT_BYTES) {
    return { why: `it is ${(file.size / 1e6).toFixed(1)} MB, and an answers file is a few kilobytes.` };
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { why: "it is not UTF-8 text (answers files are saved as UTF-8)." };
  }
  text = text.replace(/^\uFEFF/, "");
  if (!text.trim()) return { why: "the file is empty." };
  try {
    return { data: JSON.parse(text) };
  } catch (error) {
    return { why: `it is not a JSON file (${/** @type {Error} */ (error).message}).` };
  }
}

/**
 * The engine's example: into the current interview when it is blank, else as a new one.
 * @param {Worksheet} sheet
 */
async function loadExample(sheet) {
  sheet.setBusy(true);
  try {
    const result = await ask("example");
    if (result.answers) {
      sheet.shelf.add([{ answers: result.answers, edits: {}, archived: false, problems: [],
        dropped: [] }], "Loaded the example answers.");
    }
  } catch (error) {
    sheet.notices.show("error",
      `The example could not be loaded: ${/** @type {Error} */ (error).message}`);
  } finally {
    sheet.idle();
  }
}
