// The drafting engine as the page sees it: one worker per page load (kept across Material's
// instant navigation), started only where there is a worksheet, with its latest status.

/**
 * @typedef {import("./protocol.mjs").Status} Status
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
      const message = `The drafting engine could not start: ${error?.message ?? error}`;
      publish({ type: "status", stage: "error", message });
    });
  }
  return clientPromise;
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
