// Module Web Worker: runs the followup engine in the self-hosted Pyodide next to this file.
//
// Its messages (requests in, loading status and replies out) are declared in protocol.mjs.
// Start it with `new Worker(url, {type: "module"})`: Pyodide 314 refuses classic workers.
// With `?snapshot=off` in its URL (the person removed the offline copy) it neither restores
// nor makes a memory snapshot (python.mjs); otherwise, once ready and idle, it has snapshot.mjs
// make one for the next visit when there is none for this build.

import { ENGINE_REQUESTS, PING, describeError } from "./protocol.mjs";
import {
  LOCK_URL,
  PACKAGES,
  RUNTIME_URL,
  SNAPSHOT_CACHE,
  dropSnapshot,
  hasSnapshot,
  installWheels,
  readLock,
  storedSnapshot,
} from "./python.mjs";

/** Pyodide's stderr lines that mean the runtime itself failed to start. */
const FATAL_STDERR = /wasm instantiation failed|fetching of the wasm failed|^Aborted\(/;
/** Whether this browser may keep a snapshot (see the header). */
const SNAPSHOTS = new URL(import.meta.url).searchParams.get("snapshot") !== "off" && "caches" in self;
/** Quiet time (no requests) before the snapshot's maker starts: it takes a core for seconds,
 * which should not slow down someone who is typing. */
const SNAPSHOT_DELAY_MS = 3000;
/** When the page last asked for something (performance.now()). */
let lastRequestAt = 0;

/**
 * @typedef {import("./protocol.mjs").Status} Status
 * @typedef {import("./protocol.mjs").Reply} Reply
 * @typedef {import("./protocol.mjs").Request} Request
 */

/**
 * Post a loading stage for the page's status line.
 * @param {Status["stage"]} stage
 * @param {string} message
 * @param {string} [detail] an error's short technical reason
 */
function status(stage, message, detail) {
  self.postMessage(/** @type {Status} */ ({ type: "status", stage, message, detail }));
}

/** Pyodide's last stderr line, for error messages. */
let lastError = "";

/**
 * `loadPyodide(options)` with this worker's output streams. When the .wasm cannot be fetched
 * or compiled, Pyodide only says so (on stderr or the console) and its promise never settles:
 * those lines reject.
 * @param {(options: object) => Promise<any>} loadPyodide
 * @param {object} options
 */
async function load(loadPyodide, options) {
  /** @type {(error: Error) => void} */
  let fail = () => {};
  const fatal = new Promise((_, reject) => {
    fail = reject;
  });
  // Pyodide's loader reports a .wasm that cannot be fetched or instantiated with console.warn
  // only (not on `stderr`), and then never settles: listen there too while it loads.
  const warn = console.warn;
  console.warn = (/** @type {unknown[]} */ ...args) => {
    warn.apply(console, args);
    if (typeof args[0] === "string" && FATAL_STDERR.test(args[0])) fail(new Error(args[0]));
  };
  try {
    return await Promise.race([
      loadPyodide({
        indexURL: RUNTIME_URL.href,
        lockFileURL: LOCK_URL.href,
        stdout: (/** @type {string} */ line) => console.debug(line),
        stderr: (/** @type {string} */ line) => {
          console.warn(line);
          lastError = line;
          if (FATAL_STDERR.test(line)) fail(new Error(line));
        },
        ...options,
      }),
      fatal,
    ]);
  } finally {
    console.warn = warn;
  }
}

/**
 * The interpreter restored from this build's snapshot, with the wheels' files in place; null
 * when there is none (or it does not restore: then it is dropped).
 * @param {(options: object) => Promise<any>} loadPyodide
 */
async function restore(loadPyodide) {
  if (!SNAPSHOTS || !(await caches.has(SNAPSHOT_CACHE))) return null; // no lock request then
  const { lock, sha256 } = await readLock();
  const snapshot = await storedSnapshot(sha256);
  if (!snapshot) return null;
  try {
    const pyodide = await load(loadPyodide, { _loadSnapshot: snapshot });
    await installWheels(pyodide, lock);
    console.debug("followup: the engine was restored from its snapshot"); // tests look for this
    return pyodide;
  } catch (error) {
    console.warn("The stored snapshot did not restore; starting afresh:", error);
    await dropSnapshot();
    return null;
  }
}

/**
 * Load Pyodide, the three wheels and `followup.web` (or restore all that from a snapshot);
 * resolve to its `handle` function.
 * @returns {Promise<{handle: (request: string) => string, restored: boolean}>}
 */
async function start() {
  status("loading-runtime", "Loading the Python runtime…");
  const { loadPyodide } = await import(new URL("pyodide.mjs", RUNTIME_URL).href);
  let pyodide = await restore(loadPyodide);
  const restored = pyodide !== null;
  if (!pyodide) {
    // The wheels download while Pyodide boots.
    pyodide = await load(loadPyodide, { packages: PACKAGES });
    // A package that fails to load is only reported on stderr; the import would fail later.
    const missing = PACKAGES.filter((name) => !(name in pyodide.loadedPackages));
    if (missing.length) {
      const reason = lastError ? ` (${lastError})` : "";
      throw new Error(`could not load ${missing.join(", ")}${reason}`);
    }
  }
  status("loading-packages", "Loading the drafting engine…");
  const web = pyodide.pyimport("followup.web");
  if (typeof web.handle !== "function") throw new Error("followup.web has no handle()");
  status("ready", "The drafting engine is ready.");
  return { handle: web.handle, restored };
}

/**
 * Call `callback` once no request has arrived for SNAPSHOT_DELAY_MS.
 * @param {() => void} callback
 */
function whenIdle(callback) {
  const check = () => {
    const quiet = performance.now() - lastRequestAt;
    if (quiet >= SNAPSHOT_DELAY_MS) callback();
    else setTimeout(check, SNAPSHOT_DELAY_MS - quiet);
  };
  setTimeout(check, SNAPSHOT_DELAY_MS);
}

/** Have snapshot.mjs make this build's snapshot, unless there is one. */
async function makeSnapshot() {
  if (await hasSnapshot((await readLock()).sha256)) return;
  const maker = new Worker(new URL("./snapshot.mjs", import.meta.url), { type: "module" });
  maker.addEventListener("message", (/** @type {MessageEvent} */ event) => {
    maker.terminate();
    if (!event.data?.ok) console.warn("No snapshot for the next visit:", event.data?.error);
  });
  maker.addEventListener("error", (event) => {
    event.preventDefault();
    maker.terminate();
    console.warn("No snapshot for the next visit:", event.message);
  });
}

/** Resolves once the engine is usable; requests that arrive earlier wait on it, in order. */
const engine = start();
engine.then(
  ({ restored }) => {
    if (SNAPSHOTS && !restored) whenIdle(() => makeSnapshot().catch((error) => console.warn(error)));
  },
  (error) => status("error", "The drafting engine could not load.", describeError(error)),
);

/**
 * Send one request to Python's `followup.web.handle` (JSON text in, JSON text out).
 * @param {string} type
 * @param {object} payload
 * @returns {Promise<unknown>}
 */
async function callEngine(type, payload) {
  const { handle } = await engine;
  return JSON.parse(handle(JSON.stringify({ ...payload, type })));
}

/**
 * Answer one request by its type (protocol.mjs); an unknown type is an error.
 * @param {unknown} type
 * @param {object} payload
 * @returns {Promise<unknown>}
 */
async function handler(type, payload) {
  if (type === PING) return "pong";
  const engineType = ENGINE_REQUESTS.find((known) => known === type);
  if (engineType) return callEngine(engineType, payload);
  throw new Error(`unknown request type: ${JSON.stringify(type)}`);
}

self.onmessage = async (/** @type {MessageEvent<Partial<Request> | null>} */ event) => {
  lastRequestAt = performance.now();
  const { id, type, payload } = event.data ?? {};
  try {
    const result = await handler(type, payload ?? {});
    self.postMessage(/** @type {Reply} */ ({ id, ok: true, result }));
  } catch (error) {
    console.error(error);
    self.postMessage(/** @type {Reply} */ ({ id, ok: false, error: describeError(error) }));
    // After a fatal error the interpreter is unusable: crash so that the client restarts us.
    if (/** @type {{pyodide_fatal_error?: boolean}} */ (error)?.pyodide_fatal_error) {
      setTimeout(() => {
        throw error;
      });
    }
  }
};
