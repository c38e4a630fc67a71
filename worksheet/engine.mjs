// The drafting engine as the page sees it: one worker per page load (kept across Material's
// instant navigation), started only where there is a worksheet, with its latest status.

import { describeError } from "./protocol.mjs";

/**
 * @typedef {import("./protocol.mjs").Status} Status
 * @typedef {import("./protocol.mjs").EngineRequest} EngineRequest
 * @typedef {import("./protocol.mjs").Results} Results
 * @typedef {import("./client.mjs").Client} Client
 */

/** @type {Promise<Client> | null} */
let clientPromise = null;
/** @type {Status | null} */
let lastStatus = null;
/** @type {((status: Status) => void) | null} the worksheet on the current page, if any */
let listener = null;

/**
 * The client of the engine's worker, started on first use.
 * @returns {Promise<Client>}
 */
export function engine() {
  if (!clientPromise) {
    // Imported here, not at the top, so that the form never waits for them.
    const modules = Promise.all([import("./client.mjs"), import("./offline.mjs")]);
    clientPromise = modules.then(([{ createClient }, offline]) => {
      const url = new URL("./worker.mjs", import.meta.url);
      // No offline copy wanted: then no memory snapshot of the engine either (worker.mjs).
      if (!offline.keepsOfflineCopy()) url.searchParams.set("snapshot", "off");
      const client = createClient(url);
      client.onStatus((status) => {
        publish(status);
        // Only now does the offline copy take the runtime: it is in the HTTP cache by then.
        if (status.stage === "ready") offline.keepRuntime().catch(() => {});
      });
      return client;
    });
    clientPromise.catch((error) => {
      const message = "The drafting engine could not start.";
      publish({ type: "status", stage: "error", message, detail: describeError(error) });
    });
  }
  return clientPromise;
}

/**
 * The browser's date where the person is (not UTC's), YYYY-MM-DD: plans are made from it.
 * @returns {string}
 */
export function localToday() {
  const now = new Date();
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Ask the engine, with today's local date: the one way the page sends engine requests.
 * @template {EngineRequest} T
 * @param {T} type
 * @param {Record<string, unknown>} [payload]
 * @returns {Promise<Results[T]>}
 */
export async function ask(type, payload = {}) {
  return (await engine()).request(type, { ...payload, today: localToday() });
}

/** Whether the engine has loaded (and not failed since). */
export function engineReady() {
  return lastStatus?.stage === "ready";
}

/** @param {Status} status */
function publish(status) {
  lastStatus = status;
  listener?.(status);
}

/**
 * Have `callback` called with every status from now on (and at once with the latest), in
 * place of the previous page's worksheet; null when the page has none.
 * @param {((status: Status) => void) | null} callback
 */
export function watchStatus(callback) {
  listener = callback;
  if (callback && lastStatus) callback(lastStatus);
}

/** Start a fresh worker; if the client module itself failed, load it afresh. */
export async function restartEngine() {
  try {
    (await engine()).restart();
  } catch {
    clientPromise = null;
    engine();
  }
}
