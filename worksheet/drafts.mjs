// What a draft card's buttons do (cards.mjs draws them): copy, edit, reset to the generated text
// (with Undo), and the .eml and .txt downloads.

import { copyText, download } from "./dom.mjs";
import { downloadFromEngine } from "./files.mjs";

/** @typedef {import("./controller.mjs").Worksheet} Worksheet */

/**
 * A card's button was pressed.
 * @param {Worksheet} sheet
 * @param {string} id the draft's id
 * @param {string} action the button's `data-fw-action`
 */
export async function cardAction(sheet, id, action) {
  const draft = sheet.drafts.find((candidate) => candidate.id === id);
  if (!draft) return;
  const copied = async (/** @type {string} */ text, /** @type {string} */ what) =>
    sheet.notices.announce((await copyText(text))
      ? `Copied the ${what}.` : "Could not copy; select the text and copy it yourself.");
  switch (action) {
    case "copy":
      await copied(draft.body, "message");
      break;
    case "copy-subject":
      await copied(draft.subject, "subject");
      break;
    case "edit":
      sheet.cards.toggleEditor(draft);
      break;
    case "reset": {
      const previous = sheet.edits[id];
      delete sheet.edits[id];
      sheet.cards.setEditor(id, draft.generated.subject, draft.generated.body);
      sheet.saved();
      sheet.offerUndo("The draft is back to the generated text.", () => {
        if (!previous) return;
        sheet.edits[id] = previous;
        sheet.cards.setEditor(id, previous.subject, previous.body);
        sheet.saved();
        sheet.notices.announce("Your edited draft is back.");
      });
      break;
    }
    case "eml":
      await downloadFromEngine(sheet, "eml", { id }, "message/rfc822");
      break;
    case "txt":
      download(draft.text_filename, draft.text, "text/plain;charset=utf-8");
      break;
    default:
      break;
  }
}
