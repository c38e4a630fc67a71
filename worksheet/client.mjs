// Request/response client for worker.mjs: ids, promises, loading status and restarts.

/** Restarts in a row without reaching "ready" before the client gives up (a broken deploy). */
const MAX_RESTARTS = 3;

/**
 * @typedef {{type: "status", stage: "loading-runtime" | "loading-packages" | "ready" | "error",
 *            message: string}} Status
 * @typedef {{id: number, ok: true, result: unknown} | {id: number, ok: false, error: string}} Reply
 * @typedef {{resolve: (result: any) => void, reject: (error: Error) => void}} Pending
 */

/**
 * Start the engine worker and return a client for it.
 *
 * `request` resolves to the engine's result, or rejects with an Error carrying the worker's
 * message (unknown type, engine not loaded, a crash). Validation problems are not rejections:
 * they are part of the result. `onStatus` calls back with every loading stage, at once with the
 * latest one. `restart` starts a fresh worker and rejects what was in flight.
 *
 * @param {string | URL} workerUrl URL of worker.mjs
 * @returns {{
 *   request: (type: string, payload?: object) => Promise<any>,
 *   onStatus: (callback: (status: Status) => void) => void,
 *   restart: () => void,
 * }}
 */
export function createClient(workerUrl) {
  /** @type {Map<number, Pending>} */
  const pending = new Map();
  /** @type {((status: Status) => void)[]} */
  const listeners = [];
  /** @type {Status | null} */
  let latest = null;
  let nextId = 1;
  let restarts = 0;
  /** @type {Worker | null} null once it crashed MAX_RESTARTS times */
  let worker = spawn();

  /** @param {Status} status */
  function publish(status) {
    latest = status;
    if (status.stage === "ready") restarts = 0;
    for (const callback of listeners) callback(status);
  }

  /** @param {string} reason */
  function rejectAll(reason) {
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
  }

  /** @returns {Worker} */
  function spawn() {
    const created = new Worker(workerUrl, { type: "module" });
    created.addEventListener("message", (/** @type {MessageEvent} */ event) => {
      if (created !== worker) return; // a late message from a terminated worker
      const message = event.data;
      if (message?.type === "status") {
        publish(message);
        return;
      }
      const reply = /** @type {Reply} */ (message);
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(new Error(reply.error));
    });
    created.addEventListener("error", (event) => {
      event.preventDefault();
      if (created === worker) crashed(event.message || "the worker could not start");
    });
    return created;
  }

  /** @param {string} reason */
  function crashed(reason) {
    const message = `The drafting engine stopped: ${reason}`;
    worker?.terminate();
    rejectAll(message);
    if (restarts >= MAX_RESTARTS) {
      worker = null;
      publish({ type: "status", stage: "error", message });
      return;
    }
    restarts += 1;
    worker = spawn();
  }

  return {
    request(type, payload = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        if (!worker) throw new Error(latest?.message ?? "The drafting engine stopped.");
        pending.set(id, { resolve, reject });
        try {
          worker.postMessage({ id, type, payload });
        } catch (error) {
          pending.delete(id);
          throw error;
        }
      });
    },
    onStatus(callback) {
      listeners.push(callback);
      if (latest) callback(latest);
    },
    restart() {
      worker?.terminate();
      rejectAll("The drafting engine was restarted.");
      restarts = 0;
      worker = spawn();
    },
  };
}
