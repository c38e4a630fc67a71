// The engine's status line above the form: loading (step 1 or 2 of 2), ready, or an error with
// a Retry button, which also appears when loading stalls.

import { find, setText } from "./dom.mjs";

/** @typedef {import("./protocol.mjs").Status} Status */

/** Loading that has not moved on for this long gets a Retry button (a download that hangs). */
const STALL_MS = 45_000;
/** @type {Partial<Record<Status["stage"], string>>} the other stages show the worker's message */
const MESSAGES = {
  "loading-runtime": "Loading the drafting engine (step 1 of 2). You can fill in the form meanwhile.",
  "loading-packages": "Loading the drafting engine (step 2 of 2). You can fill in the form meanwhile.",
  ready: "Ready: your drafts update as you type.",
};

export class StatusLine {
  /**
   * @param {HTMLElement} box `[data-fw-status]`
   * @param {() => void} retry what the Retry button does (after hiding itself)
   */
  constructor(box, retry) {
    this.box = box;
    this.text = find(box, "[data-fw-status-text]");
    this.detail = find(box, "[data-fw-status-detail]");
    this.retry = find(box, "[data-fw-retry]");
    this.stallTimer = 0;
    this.retry.addEventListener("click", () => {
      this.retry.hidden = true;
      retry();
    });
  }

  /**
   * @param {Status} status
   * @param {boolean | null} kept whether the answers are being saved in this browser, said
   *   after an error (null: storage is off, which a notice says already)
   */
  show(status, kept) {
    const { box, text, retry } = this;
    box.dataset.stage = status.stage;
    const saved = kept === null ? "" : kept ? " Your answers are still saved in this browser."
      : " Your answers are not being saved: use “Export answers” to keep a copy.";
    setText(text, MESSAGES[status.stage] ?? `${status.message}${saved}`);
    const detail = status.stage === "error" && status.detail ? `Details: ${status.detail}` : "";
    setText(this.detail, detail);
    this.detail.hidden = !detail;
    retry.hidden = status.stage !== "error";
    // A runtime that never finishes loading (a download cut short) gets a way out too.
    clearTimeout(this.stallTimer);
    if (status.stage.startsWith("loading")) {
      this.stallTimer = window.setTimeout(() => {
        if (!box.isConnected || box.dataset.stage !== status.stage) return;
        setText(text, "The drafting engine is taking unusually long to load. You can keep " +
          "filling in the form, or try loading it again.");
        retry.hidden = false;
      }, STALL_MS);
    }
  }
}
