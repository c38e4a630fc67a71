// The worksheet's toolbar: answers files in and out (import, export, the example) and the
// files the engine writes (the plan's calendar, a draft's email). An import changes nothing
// unless the whole file is good; export works without the engine.

import { download, find } from "./dom.mjs";
import { engine } from "./engine.mjs";

/** @typedef {import("./controller.mjs").Worksheet} Worksheet */

/** An answers file is a few kilobytes; anything this large is not one, and is not read. */
const IMPORT_LIMIT_BYTES = 1_000_000;
/** Problems listed when an import is refused; the rest are counted. */
const DETAILS_SHOWN = 12;

/**
 * Wire the toolbar's buttons and file input to the worksheet.
 * @param {Worksheet} sheet
 */
export function bindToolbar(sheet) {
  /** @param {string} selector @param {() => unknown} action */
  const on = (selector, action) =>
    sheet.root.querySelector(selector)?.addEventListener("click", () => action());
  on("[data-fw-export]", () => exportAnswers(sheet));
  on("[data-fw-example]", () => loadExample(sheet));
  on("[data-fw-ics]", () => downloadFromEngine(sheet, "ics", {}, "text/calendar;charset=utf-8"));
  on("[data-fw-print]", () => window.print());
  on("[data-fw-clear]", () => sheet.clearAll());
  const input = find(sheet.root, "[data-fw-import]", HTMLInputElement);
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    input.value = ""; // the same file can be chosen again
    if (file) await importFile(sheet, file);
  });
}

/**
 * The answers as typed, rows nobody filled left out, named after the company once the engine
 * has seen complete answers.
 * @param {Worksheet} sheet
 */
function exportAnswers(sheet) {
  const text = `${JSON.stringify(sheet.form.exportable(), null, 2)}\n`;
  download(sheet.answersFilename, text, "application/json");
  sheet.notices.announce("Exported your answers.");
}

/**
 * Ask the engine for a file (`ics`, `eml`) for the current answers and edits, and offer it.
 * @param {Worksheet} sheet
 * @param {"ics" | "eml"} type
 * @param {Record<string, unknown>} extra
 * @param {string} mime
 */
export async function downloadFromEngine(sheet, type, extra, mime) {
  try {
    const result = await (await engine()).request(type, {
      answers: sheet.form.collect(), edits: sheet.edits, ...extra,
    });
    if (!result.ok || result.filename === undefined || result.text === undefined) {
      sheet.notices.show("error", "The file could not be made: fix the problems listed above first.");
      return;
    }
    download(result.filename, result.text, mime);
    sheet.notices.announce(`Downloaded ${result.filename}.`);
  } catch (error) {
    sheet.notices.show("error", `The file could not be made: ${/** @type {Error} */ (error).message}`);
  }
}

/**
 * Read, check and load an answers file; on any problem the current answers stay as they are.
 * @param {Worksheet} sheet
 * @param {File} file
 */
async function importFile(sheet, file) {
  const refuse = (/** @type {string} */ why, /** @type {string[]} */ details = []) =>
    sheet.notices.show("error", `“${file.name}” was not imported: ${why} Your answers are unchanged.`,
      { details, id: "import" });
  sheet.setBusy(true);
  try {
    const read = await readAnswersFile(file);
    if ("why" in read) {
      refuse(read.why);
      return;
    }
    let result;
    try {
      result = await (await engine()).request("validate", { answers: read.data });
    } catch (error) {
      refuse(`it could not be checked (${/** @type {Error} */ (error).message}).`);
      return;
    }
    if (!result.ok || !result.answers) {
      const details = result.errors.slice(0, DETAILS_SHOWN).map((error) =>
        error.path ? `${error.path}: ${error.message}` : error.message);
      const more = result.errors.length - DETAILS_SHOWN;
      if (more > 0) details.push(`and ${more} more`);
      refuse("the file has problems.", details);
      return;
    }
    sheet.replaceAnswers(result.answers, `Imported “${file.name}”.`);
  } finally {
    sheet.idle();
  }
}

/**
 * The file's parsed JSON, or why it is not an answers file (a sentence ending in a full stop).
 * @param {File} file
 * @returns {Promise<{data: unknown} | {why: string}>}
 */
async function readAnswersFile(file) {
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
 * Replace the answers with the engine's example, after asking if there are answers already.
 * @param {Worksheet} sheet
 */
async function loadExample(sheet) {
  if (sheet.form.filled() &&
      !window.confirm("Replace your answers with the example? You can undo this.")) return;
  sheet.setBusy(true);
  try {
    const result = await (await engine()).request("example");
    if (result.answers) sheet.replaceAnswers(result.answers, "Loaded the example answers.");
  } catch (error) {
    sheet.notices.show("error",
      `The example could not be loaded: ${/** @type {Error} */ (error).message}`);
    sheet.idle();
  }
}
