// Request/response client for worker.mjs: ids, promises, loading status and restarts. The
// messages are declared in protocol.mjs.

import { describeError } from "./protocol.mjs";

/**
 * @typedef {import("./protocol.mjs").Status} Status
 * @typedef {import("./protocol.mjs").Reply} Reply
 * @typedef {import("./protocol.mjs").Request} Request
 * @typedef {import("./protocol.mjs").RequestType} RequestType
 * @typedef {import("./protocol.mjs").Results} Results
 * @typedef {{resolve: (result: any) => void, reject: (error: Error) => void}} Pending
 *
 * What createClient returns: `request` resolves to the engine's result for its type.
 * @typedef {{
 *   request: <T extends RequestType>(type: T, payload?: Record<string, unknown>) => Promise<Results[T]>,
 *   onStatus: (callback: (status: Status) => void) => void,
 *   restart: () => void,
 * }} Client
 */

/** Restarts in a row without reaching "ready" before the client gives up (a broken deploy). */
const MAX_RESTARTS = 3;

/**
 * Start the engine worker and return a client for it.
 *
 * `request` resolves to the engine's result, or rejects with an Error carrying the worker's
 * message (unknown type, engine not loaded, a crash). Validation problems are not rejections:
 * they are part of the result. `onStatus` calls back with every loading stage, at once with the
 * latest one. `restart` starts a fresh worker and rejects what was in flight.
 *
 * @param {string | URL} workerUrl URL of worker.mjs
 * @returns {Client}
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
      const message = /** @type {Status | Reply | null} */ (event.data);
      if (!message) return;
      if ("type" in message) {
        publish(message);
        return;
      }
      const reply = message;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(new Error(reply.error));
    });
    created.addEventListener("error", (event) => {
      event.preventDefault();
      if (created === worker) crashed(describeError(event.message || "the worker could not start"));
    });
    return created;
  }

  /** @param {string} reason */
  function crashed(reason) {
    const message = "The drafting engine stopped.";
    worker?.terminate();
    rejectAll(`${message} (${reason})`);
    if (restarts >= MAX_RESTARTS) {
      worker = null;
      publish({ type: "status", stage: "error", message, detail: reason });
      return;
    }
    restarts += 1;
    worker = spawn();
  }

  return {
    request(type, payload = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        if (!worker) {
          throw new Error(latest?.detail ? `${latest.message} (${latest.detail})` :
            latest?.message ?? "The drafting engine stopped.");
        }
        pending.set(id, { resolve, reject });
        try {
          worker.postMessage(/** @type {Request} */ ({ id, type, payload }));
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
